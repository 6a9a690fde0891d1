// TEMPORARY: the query bodies land in the next commits on the engine branch. Must never reach main.
using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

public static partial class TrustQueries
{
    public static partial IReadOnlyList<TrustPath> Why(TrustSnapshot snapshot, Perspective perspective, int topic, int target, int maxPaths, int maxHops) => throw new NotImplementedException();

    public static partial float? Level(TrustSnapshot snapshot, Perspective perspective, int topic, int target, int maxHops) => throw new NotImplementedException();
}
