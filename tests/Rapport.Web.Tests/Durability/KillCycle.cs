using System.Globalization;
using Rapport.Core.Persistence;

namespace Rapport.Web.Tests.Durability;

/// <summary>
/// What one kill-and-restart cycle saw. <see cref="AcknowledgedBeforeCrash"/> counts 2xx answers from the killed process,
/// some of which arrive while SIGKILL is on its way. Lost and duplicated writes fail the cycle before this is made.
/// </summary>
internal sealed record CycleReport(int Cycle, int Planned, int KillAfter, int AcknowledgedBeforeCrash, int InDoubt, int InDoubtStored,
    int Lost, int Duplicates, TimeSpan TimeToHealthy, TimeSpan? ListeningAfter, int StoredAfterCompletion)
{
    public override string ToString() =>
        $"cycle {Cycle,2}: planned {Planned}, killed after ack #{KillAfter}, acknowledged before the crash {AcknowledgedBeforeCrash}, " +
        $"in doubt {InDoubt} (stored {InDoubtStored}), lost {Lost}, duplicates {Duplicates}, healthy in {TimeToHealthy.TotalSeconds:F2} s " +
        $"(listening at {ListeningAfter?.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) ?? "?"} s), " +
        $"stored after completion {StoredAfterCompletion}/{Planned}";
}

/// <summary>
/// One cycle: send every planned write, SIGKILL the app after a random number of acknowledgements, restart it, check
/// that every acknowledged write is stored exactly once with the id it was acknowledged with, then resend everything
/// not acknowledged (the topic is the idempotency key) and check the whole plan is stored exactly once.
/// </summary>
internal sealed class KillCycle(CrashableServer server, DatabaseSettings database, IReadOnlyList<Writer> writers, Random random)
{
    public const int WritesPerWriter = 20; // under the 30-competence cap of a profile
    public static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(10);

    public async Task<CycleReport> RunAsync(int cycle, CancellationToken cancellationToken)
    {
        var plan = Plan(cycle);
        var killAfter = random.Next(plan.Length / 4, plan.Length * 3 / 4 + 1);

        var load = await WriteLoad.RunAsync(server.Client, plan, killAfter, server.Kill, cancellationToken);
        Assert.True(load.Failures.IsEmpty, $"Cycle {cycle}: answers other than 2xx while the app was alive:\n" +
            $"{string.Join('\n', load.Failures.Take(10))}\n--- app log ---\n{server.LogTail}");
        Assert.True(load.Killed, $"Cycle {cycle}: the load finished before the kill.");

        var timeToHealthy = await server.StartAsync(cancellationToken);
        Assert.Equal(137, server.PreviousExitCode); // 128 + SIGKILL: nothing ran on the way down
        Assert.True(timeToHealthy < HealthyWithin, $"Cycle {cycle}: healthy only after {timeToHealthy.TotalSeconds:F2} s.");

        var stored = await StoredCompetences.ReadAsync(database, cancellationToken);
        var lost = load.Acknowledged.Where(a => !StoredOnceAs(stored, a.Key, a.Value.Id)).Select(a => a.Key.Topic).ToList();
        Assert.True(lost.Count == 0, $"Cycle {cycle}: {lost.Count} acknowledged writes lost or changed: {string.Join(", ", lost.Take(20))}");
        Assert.Equal(0, stored.Duplicates);
        Assert.Equal(load.Acknowledged.Count + load.InDoubt.Count(w => stored.IdsOf(w).Count > 0), writers.Sum(w => stored.Of(w).Count()));
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal("ok", await DatabaseChecks.SqliteIntegrityAsync(database, cancellationToken));
        }

        await ServedReads.AssertMatchAsync(server.Client, writers.OrderBy(_ => random.Next()).Take(3), stored, cancellationToken);

        var completed = await CompleteAsync(cycle, plan, load, stored, cancellationToken);
        return new CycleReport(cycle, plan.Length, killAfter, load.Acknowledged.Count, load.InDoubt.Count,
            load.InDoubt.Count(w => stored.IdsOf(w).Count > 0), lost.Count, stored.Duplicates, timeToHealthy, server.ListeningAfter, completed);
    }

    private PlannedWrite[] Plan(int cycle)
    {
        var plan = writers
            .SelectMany((writer, w) => Enumerable.Range(0, WritesPerWriter).Select(i => new PlannedWrite(writer, $"durability c{cycle:D2} k{w * WritesPerWriter + i:D5}")))
            .ToArray();
        random.Shuffle(plan); // interleave writers, so concurrent requests often hit the same profile
        return plan;
    }

    /// <summary>Resends what was not acknowledged: stored in-doubt writes must come back 200 with their id, the rest 201.</summary>
    private async Task<int> CompleteAsync(int cycle, PlannedWrite[] plan, LoadResult load, StoredCompetences stored, CancellationToken cancellationToken)
    {
        var rest = plan.Where(w => !load.Acknowledged.ContainsKey(w)).ToList();
        var retry = await WriteLoad.RunAsync(server.Client, rest, killAfter: int.MaxValue, kill: () => { }, cancellationToken);
        Assert.True(retry.Failures.IsEmpty, $"Cycle {cycle}: resending failed:\n{string.Join('\n', retry.Failures.Take(10))}\n--- app log ---\n{server.LogTail}");
        Assert.Equal(rest.Count, retry.Acknowledged.Count);
        foreach (var (write, acknowledgement) in retry.Acknowledged)
        {
            var before = stored.IdsOf(write);
            Assert.True(before.Count == 0 ? acknowledgement.Created : !acknowledgement.Created && before[0] == acknowledgement.Id,
                $"Cycle {cycle}: resending {write.Topic} (stored before: {before.Count}) answered {(acknowledgement.Created ? 201 : 200)} id {acknowledgement.Id}.");
        }

        var after = await StoredCompetences.ReadAsync(database, cancellationToken);
        var all = load.Acknowledged.Concat(retry.Acknowledged).ToList();
        Assert.All(all, a => Assert.True(StoredOnceAs(after, a.Key, a.Value.Id), $"Cycle {cycle}: {a.Key.Topic} not stored once as id {a.Value.Id}."));
        Assert.Equal(plan.Length, writers.Sum(w => after.Of(w).Count()));
        return all.Count;
    }

    private static bool StoredOnceAs(StoredCompetences stored, PlannedWrite write, long id) => stored.IdsOf(write) is [var only] && only == id;
}
