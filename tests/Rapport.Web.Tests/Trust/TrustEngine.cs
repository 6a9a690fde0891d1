using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Web.Tests.Trust;

/// <summary>
/// Whether the trust engine's bodies are in this build. On a feature branch they are pending (the contract throws
/// NotImplementedException) and the parts of a test that need computed trust are skipped; once the engine is merged
/// they run, with no change to the tests.
/// </summary>
internal static class TrustEngine
{
    public static bool IsPending { get; } = Probe();

    /// <summary>Skips the rest of the test while the engine is pending.</summary>
    public static void SkipWhilePending()
    {
        if (IsPending)
        {
            Assert.Skip("Needs computed trust: the trust engine is not merged into this branch yet.");
        }
    }

    private static bool Probe()
    {
        try
        {
            var snapshot = TrustSnapshot.Build(2, [new StatementEdge(0, 1, 1f, TopicIndex.General, EdgeScope.Public)], 1);
            TrustQueries.Level(snapshot, Perspective.Of(0), TopicIndex.General, 1);
            return false;
        }
        catch (NotImplementedException)
        {
            return true;
        }
    }
}
