using CsCheck;
using Rapport.Trust.Feed;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using Rapport.Trust.Tests.Graph;

namespace Rapport.Trust.Tests.Feed;

public sealed class TrustLevelsTests
{
    [Fact]
    public void Of_EqualsLevelForEveryTarget_OnRandomGraphs() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Gen.Int[0, GraphGen.Nodes - 1].Array[0, 8], Gen.Int[0, GraphGen.Topics - 1], Gen.Int[1, 5])
            .Sample((edges, perspective, targets, topic, maxHops) =>
            {
                var snapshot = TrustSnapshot.Build(GraphGen.Nodes, edges, 1);

                var levels = TrustLevels.Of(snapshot, perspective, topic, TrustQueryOptions.Default, targets, maxHops);

                for (var i = 0; i < targets.Length; i++)
                {
                    var expected = TrustQueries.Level(snapshot, perspective, topic, targets[i], TrustQueryOptions.Default, maxHops);
                    Assert.Equal(expected is null, levels[i] is null);
                    Assert.Equal(expected ?? 0, levels[i] ?? 0, 1e-6f);
                }
            }, iter: 3000);

    [Fact]
    public void Of_WithExactFrom_IsExactFromThere_AndAnUpperBoundBelowIt_AndNullExactlyWhereLevelIs() =>
        Gen.Select(GraphGen.Edges, GraphGen.Perspective, Gen.Int[0, GraphGen.Nodes - 1].Array[0, 8], Gen.Int[0, GraphGen.Topics - 1], Gen.Int[1, 5], Gen.Float[0.05f, 0.95f])
            .Sample((edges, perspective, targets, topic, maxHops, exactFrom) =>
            {
                var snapshot = TrustSnapshot.Build(GraphGen.Nodes, edges, 1);

                var levels = TrustLevels.Of(snapshot, perspective, topic, TrustQueryOptions.Default, targets, maxHops, exactFrom);

                for (var i = 0; i < targets.Length; i++)
                {
                    var expected = TrustQueries.Level(snapshot, perspective, topic, targets[i], TrustQueryOptions.Default, maxHops);
                    Assert.Equal(expected is null, levels[i] is null);
                    if (expected is { } level && (level >= exactFrom || level < 0))
                    {
                        Assert.Equal(level, levels[i]!.Value, 1e-6f);
                    }
                    else if (expected is { } weak)
                    {
                        Assert.InRange(levels[i]!.Value, weak - 1e-6f, exactFrom);
                        Assert.True(levels[i]!.Value < exactFrom);
                    }
                }
            }, iter: 3000);

    [Fact]
    public void Of_WithExactFrom_AnswersAWeakButReachableTargetBelowIt_AndTheUnreachableWithNull()
    {
        // 0 → 1 (1) → 2 (0.25) → 3 (0.25): 3's level is 0.0625; 4 is out of reach.
        StatementEdge[] edges =
        [
            new(0, 1, 1f, TopicIndex.General, EdgeScope.Public, -1), new(1, 2, 0.25f, TopicIndex.General, EdgeScope.Public, -1),
            new(2, 3, 0.25f, TopicIndex.General, EdgeScope.Public, -1),
        ];
        var snapshot = TrustSnapshot.Build(5, edges, 1);

        var levels = TrustLevels.Of(snapshot, new Perspective(0, ReadOnlyMemory<int>.Empty), TopicIndex.General, TrustQueryOptions.Default, [3, 4, 1], exactFrom: 0.5f);

        Assert.InRange(levels[0]!.Value, 0.0625f, 0.4999f);
        Assert.Null(levels[1]);
        Assert.Equal(1f, levels[2]!.Value, 1e-6f);
    }

    [Fact]
    public void Of_ByTwoPathsOfTwoHops_TakesTheStrongerProduct_AndNullForTheViewerAndTheUnreachable()
    {
        // 0 → 1 (0.5) → 3 (1); 0 → 2 (1) → 3 (0.6); 4 is out of reach.
        StatementEdge[] edges =
        [
            new(0, 1, 0.5f, TopicIndex.General, EdgeScope.Public, -1), new(1, 3, 1f, TopicIndex.General, EdgeScope.Public, -1),
            new(0, 2, 1f, TopicIndex.General, EdgeScope.Public, -1), new(2, 3, 0.6f, TopicIndex.General, EdgeScope.Public, -1),
        ];
        var snapshot = TrustSnapshot.Build(5, edges, 1);

        var levels = TrustLevels.Of(snapshot, new Perspective(0, ReadOnlyMemory<int>.Empty), TopicIndex.General, TrustQueryOptions.Default, [3, 0, 4, 1]);

        Assert.Equal(0.6f, levels[0]!.Value, 1e-6f);
        Assert.Null(levels[1]);
        Assert.Null(levels[2]);
        Assert.Equal(0.5f, levels[3]!.Value, 1e-6f); // the viewer's own statement
    }
}
