using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;
using static Rapport.Trust.Tests.Scoring.Queries;

namespace Rapport.Trust.Tests.Scoring;

public sealed class ConcurrentQueryTests
{
    [Fact]
    public async Task Queries_OnManyThreadsWhileSnapshotsAreSwapped_AnswerAsOneThreadWould()
    {
        const int nodes = 400;
        var edges = PushRecallTests.PowerLaw(nodes, 3_000, seed: 3);
        var current = TrustSnapshot.Build(nodes, edges[..2_000], 1);

        var writer = Task.Run(() =>
        {
            for (var step = 0; step < 10; step++)
            {
                var next = Volatile.Read(ref current).Apply(nodes, edges.AsSpan(2_000 + (step * 100), 100), [], step + 2);
                Volatile.Write(ref current, next);
            }
        }, TestContext.Current.CancellationToken);
        var readers = Enumerable.Range(0, 4).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed);
            var answers = new List<(TrustSnapshot, int, TrustQueryOptions, ScoredNode[])>();
            for (var i = 0; i < 60; i++)
            {
                var snapshot = Volatile.Read(ref current);
                var viewer = random.Next(nodes);
                var options = (i % 3) switch { 0 => Cheap, 1 => High, _ => Exact };
                answers.Add((snapshot, viewer, options, TopAll(snapshot, viewer, options)));
                if (i % 4 == 0)
                {
                    TrustQueries.Why(snapshot, Perspective.Of(viewer), 0, random.Next(nodes));
                }
            }

            return answers;
        }, TestContext.Current.CancellationToken)).ToArray();

        await writer;
        var all = await Task.WhenAll(readers);

        foreach (var (snapshot, viewer, options, answer) in all.SelectMany(a => a))
        {
            Assert.Equal(TopAll(snapshot, viewer, options), answer);
        }
    }
}
