using Rapport.Trust.Graph;
using Rapport.Trust.Propagation;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Tests.Propagation;

/// <summary>One Top query of a propagation algorithm, so properties can run over all three.</summary>
internal delegate int TopQuery(in PerspectiveView view, Span<ScoredNode> into);

/// <summary>The propagation algorithms with their default options, by name, and helpers to run them.</summary>
internal static class Queries
{
    internal const float FallbackDiscount = 0.5f;

    internal static TheoryData<string> Names => ["Appleseed", "MoleTrust", "TidalTrust"];

    internal static TopQuery Named(string name) => name switch
    {
        "Appleseed" => (in PerspectiveView view, Span<ScoredNode> into) => Appleseed.Top(view, AppleseedOptions.Default, into),
        "MoleTrust" => (in PerspectiveView view, Span<ScoredNode> into) => MoleTrust.Top(view, MoleTrustOptions.Default, into),
        "TidalTrust" => (in PerspectiveView view, Span<ScoredNode> into) => TidalTrust.Top(view, TidalTrustOptions.Default, into),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a propagation algorithm."),
    };

    internal static PerspectiveView View(TrustSnapshot snapshot, Perspective perspective, int topic = TopicIndex.General) =>
        new(snapshot, perspective, topic, FallbackDiscount);

    internal static PerspectiveView View(TrustSnapshot snapshot, int viewer, int topic = TopicIndex.General) =>
        View(snapshot, Perspective.Of(viewer), topic);

    internal static ScoredNode[] Run(this TopQuery query, PerspectiveView view, int capacity = 64)
    {
        var into = new ScoredNode[capacity];
        var count = query(view, into);
        return into[..count];
    }

    internal static ScoredNode[] Top(PerspectiveView view, AppleseedOptions options, int capacity = 64) =>
        Run((in PerspectiveView v, Span<ScoredNode> into) => Appleseed.Top(v, options, into), view, capacity);

    internal static ScoredNode[] Top(PerspectiveView view, MoleTrustOptions options, int capacity = 64) =>
        Run((in PerspectiveView v, Span<ScoredNode> into) => MoleTrust.Top(v, options, into), view, capacity);

    internal static ScoredNode[] Top(PerspectiveView view, TidalTrustOptions options, int capacity = 64) =>
        Run((in PerspectiveView v, Span<ScoredNode> into) => TidalTrust.Top(v, options, into), view, capacity);

    /// <summary>Asserts nodes and scores, scores to within <paramref name="tolerance"/>.</summary>
    internal static void Equal((int Node, double Score)[] expected, ScoredNode[] actual, double tolerance = 1e-4)
    {
        Assert.Equal(expected.Select(e => e.Node), actual.Select(a => a.Node));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i].Score - actual[i].Score) <= tolerance, $"Node {expected[i].Node}: expected {expected[i].Score}, got {actual[i].Score}.");
        }
    }
}
