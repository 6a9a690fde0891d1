using System.Globalization;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Web.Tests.Durability;

/// <summary>
/// QUALITY.md, Durability: kill -9 the real app (its own OS process, Production settings) during concurrent API writes,
/// restart it, and check that every acknowledged write is stored exactly once, the database is intact and the app is
/// healthy again within 10 s. <c>RAPPORT_DURABILITY_CYCLES</c> sets the cycles (default 3 to keep the suite quick; the
/// bar is 20) and <c>RAPPORT_DURABILITY_SEED</c> replays the kill points of a run.
/// Filter: <c>dotnet test tests/Rapport.Web.Tests --filter Category=Durability</c>.
/// </summary>
[Trait("Category", "Durability")]
[Collection(AloneCollection.Name)]
public sealed class AcknowledgedWriteTests
{
    private const int WritersPerCycle = 50; // × 20 writes = 1,000 writes per cycle

    private static int Cycles => Math.Clamp(NumberFromEnvironment("RAPPORT_DURABILITY_CYCLES") ?? 3, 1, 50);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task KillDuringWrites_KeepsEveryAcknowledgedWriteExactlyOnce(DatabaseProvider provider)
    {
        var cycles = Cycles;
        var seed = NumberFromEnvironment("RAPPORT_DURABILITY_SEED") ?? Random.Shared.Next();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2) + cycles * TimeSpan.FromMinutes(1));
        var cancellationToken = timeout.Token;

        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var writers = await Writers.CreateAsync(database.Settings, cycles * WritersPerCycle, cancellationToken);
        using var server = new CrashableServer(database.Settings);
        await server.StartAsync(cancellationToken);
        await DatabaseChecks.AssertDurableSettingsAsync(database.Settings, cancellationToken);
        Log($"{provider}: {cycles} cycles × {WritersPerCycle * KillCycle.WritesPerWriter} writes, {WriteLoad.InFlight} in flight, seed {seed}");

        var random = new Random(seed);
        var reports = new List<CycleReport>();
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var cycleWriters = writers.Skip((cycle - 1) * WritersPerCycle).Take(WritersPerCycle).ToList();
            var report = await new KillCycle(server, database.Settings, cycleWriters, random).RunAsync(cycle, cancellationToken);
            reports.Add(report);
            Log(report.ToString());
        }

        var stored = await StoredCompetences.ReadAsync(database.Settings, cancellationToken);
        Assert.Equal(cycles * WritersPerCycle * KillCycle.WritesPerWriter, stored.Count);
        Assert.Equal(0, stored.Duplicates);
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal("ok", await DatabaseChecks.SqliteIntegrityAsync(database.Settings, cancellationToken));
        }

        Log($"{provider}: {cycles} kills; acknowledged before the crash {reports.Sum(r => r.AcknowledgedBeforeCrash)} " +
            $"(min {reports.Min(r => r.AcknowledgedBeforeCrash)}, max {reports.Max(r => r.AcknowledgedBeforeCrash)} per cycle), " +
            $"in doubt {reports.Sum(r => r.InDoubt)} (stored {reports.Sum(r => r.InDoubtStored)}), lost {reports.Sum(r => r.Lost)}, " +
            $"duplicates {stored.Duplicates}, time to healthy max {reports.Max(r => r.TimeToHealthy).TotalSeconds:F2} s " +
            $"(mean {reports.Average(r => r.TimeToHealthy.TotalSeconds):F2} s), rows {stored.Count}");
    }

    private static int? NumberFromEnvironment(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
