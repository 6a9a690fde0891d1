using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using static Rapport.Trust.Tests.Scoring.Queries;

namespace Rapport.Trust.Tests.Scoring;

/// <summary>The tiers' promises on a seeded power-law graph: mean top-10 recall against exact PPR.</summary>
public sealed class PushRecallTests
{
    private const int Nodes = 1_500;
    private const int Viewers = 20;

    private static readonly Lazy<TrustSnapshot> Graph = new(() => TrustSnapshot.Build(Nodes, PowerLaw(Nodes, 12_000, seed: 11), 1));

    /// <summary>Viewers (with at least one statement) and their exact rankings, shared by both tiers.</summary>
    private static readonly Lazy<(int Viewer, ScoredNode[] Exact)[]> ExactRankings = new(() =>
    {
        var snapshot = Graph.Value;
        var random = new Random(5);
        var rankings = new List<(int, ScoredNode[])>();
        while (rankings.Count < Viewers)
        {
            var viewer = random.Next(Nodes);
            if (!snapshot.PublicTrust.TargetsOf(viewer).IsEmpty && !rankings.Exists(r => r.Item1 == viewer))
            {
                rankings.Add((viewer, TopAll(snapshot, viewer, Exact)));
            }
        }

        return [.. rankings];
    });

    [Theory]
    [InlineData(PrecisionTier.Cheap, 0.8)]
    [InlineData(PrecisionTier.High, 0.95)]
    public void Top_MeanRecallAtTen_MeetsTheTier(PrecisionTier tier, double least)
    {
        var options = TrustQueryOptions.Default with { Tier = tier };
        var recalls = new List<double>();
        foreach (var (viewer, exact) in ExactRankings.Value)
        {
            var approximate = TopAll(Graph.Value, viewer, options).Take(10).ToArray();
            var tenth = exact[Math.Min(10, exact.Length) - 1].Score;
            recalls.Add(approximate.Count(s => ScoreOf(exact, s.Node) >= tenth * (1 - 1e-6)) / (double)Math.Min(10, exact.Length));
        }

        Assert.True(recalls.Average() >= least, $"mean recall {recalls.Average():F3}");
    }

    [Fact]
    public void ForwardPush_AtTheCheapThreshold_RanksBetterWithThePrior()
    {
        var without = MeanRecall(0);
        var with = MeanRecall(PrecisionDefaults.PriorWeight);

        Assert.True(with >= 0.8 && with > without, $"mean recall {with:F3} with the prior, {without:F3} without");
    }

    private static double MeanRecall(float priorWeight)
    {
        var recalls = new List<double>();
        foreach (var (viewer, exact) in ExactRankings.Value)
        {
            var view = new PerspectiveView(Graph.Value, Perspective.Of(viewer), TopicIndex.General, 0.5f);
            var workspace = new RankWorkspace();
            workspace.Prepare(Nodes, exact: false, best: 16);
            ForwardPush.Run(view, workspace, 0.15f, PrecisionDefaults.Cheap, priorWeight);
            var approximate = new ScoredNode[10];
            var count = TopSelection.Select(workspace, viewer, approximate);
            var tenth = exact[Math.Min(10, exact.Length) - 1].Score;
            recalls.Add(approximate.Take(count).Count(s => ScoreOf(exact, s.Node) >= tenth * (1 - 1e-6)) / (double)Math.Min(10, exact.Length));
        }

        return recalls.Average();
    }

    /// <summary>Chung–Lu style: endpoints drawn with Zipf weights (exponent 1/1.1) over shuffled nodes.</summary>
    internal static StatementEdge[] PowerLaw(int nodes, int edges, int seed)
    {
        var random = new Random(seed);
        double[] Cumulative()
        {
            var order = Enumerable.Range(0, nodes).OrderBy(_ => random.Next()).ToArray();
            var cumulative = new double[nodes];
            var total = 0.0;
            for (var rank = 0; rank < nodes; rank++)
            {
                total += Math.Pow(rank + 1, -1 / 1.1);
                cumulative[order[rank]] = rank + 1;
            }

            var weights = cumulative.Select(rank => Math.Pow(rank, -1 / 1.1)).ToArray();
            var sum = 0.0;
            for (var i = 0; i < nodes; i++)
            {
                sum += weights[i];
                cumulative[i] = sum / total;
            }

            return cumulative;
        }

        var outs = Cumulative();
        var ins = Cumulative();
        int Pick(double[] cumulative)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble());
            return Math.Min(index >= 0 ? index : ~index, nodes - 1);
        }

        var result = new List<StatementEdge>(edges);
        while (result.Count < edges)
        {
            int from = Pick(outs), to = Pick(ins);
            if (from != to)
            {
                var value = random.Next(1, 11) / 10f;
                result.Add(new StatementEdge(from, to, random.NextDouble() < 0.05 ? -value : value, TopicIndex.General, EdgeScope.Public));
            }
        }

        return [.. result];
    }
}
