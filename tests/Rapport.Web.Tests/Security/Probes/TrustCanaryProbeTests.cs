using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Api;
using W = Rapport.Web.Tests.Security.Probes.CanaryWorld;

namespace Rapport.Web.Tests.Security.Probes;

/// <summary>
/// The canary probe matrix for trust statements (QUALITY.md, "Privacy of trust"). Three worlds are built alike
/// (<see cref="CanaryWorld"/>): public statements only; plus O's statements shared with community C; plus O's private,
/// revoked, lapsed and once-private ones. Every endpoint and page the app maps is called with every method it accepts,
/// its route filled with the world's handles, slugs and statement ids (private ones included) and its query parameters
/// varied, as anonymous, a stranger, the owner, the trustee, a third party who trusts the owner, the administrator, a
/// member of C, someone outside C, and the person known only through a private statement. Then:
/// <list type="number">
/// <item>no canary (note, topic, title, id) of a statement, recommendation or collection reaches anyone who may not see it (O sees theirs, C's members C's);</item>
/// <item>a statement one may not see answers exactly like the id nobody has;</item>
/// <item>no inference: everything the callers outside C receive is identical in all three worlds, and what C's member
/// receives is identical with and without O's private statements (answers normalized only for trace ids, antiforgery
/// tokens, timestamps and ids);</item>
/// <item>the same again on a second host over the same databases, whose trust graph is read from scratch.</item>
/// </list>
/// The harness checks itself on every run: O's answers, scanned with a stranger's rules, must show canaries; C's member
/// must see a difference once C's statements exist, and O once the private ones do (and <see cref="PlantedLeakProbeTests"/>
/// plants leaks it must find). SQLite runs the full matrix; PostgreSQL a thinner one (fewer values per parameter, API
/// through tokens only). Each run writes a report (counts, routes covered, every answer that differs between worlds)
/// to <c>rapport-canary-probes-{provider}.txt</c> in the temp folder; RAPPORT_PROBE_ROUTES narrows the routes.
/// </summary>
public sealed class TrustCanaryProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Stands for the matrix in a finding that no one probe caused.</summary>
    private static readonly Probe WholeMatrix = new("-", ProbeClient.Anonymous, "-", "-", "(the matrix as a whole)", null, false, false);

    /// <summary>The routes whose answers are computed from the trust graph: the ones a second host must answer the same way.</summary>
    private static bool ComputedFromGraph(string route) =>
        route is "/api/v1/trust/web" or "/api/v1/trust/{handle}" or "/api/v1/trust/{handle}/why" or "/api/v1/trust/neighbourhood"
            or "/people/{Handle}" or "/trust/web"
            or "/api/v1/feed/" or "/feed" or "/api/v1/items/{id:guid}" or "/items/{Id:guid}";

    /// <summary>RAPPORT_PROBE_ROUTES (a regular expression) limits the matrix to matching routes, for a quick look at one area.</summary>
    private static Func<string, bool>? RouteFilter() =>
        Environment.GetEnvironmentVariable("RAPPORT_PROBE_ROUTES") is { Length: > 0 } pattern
            ? route => System.Text.RegularExpressions.Regex.IsMatch(route, pattern)
            : null;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Probe_TrustCanaryMatrix_NoLeakNoInference(DatabaseProvider provider)
    {
        var clock = Stopwatch.StartNew();
        var depth = provider == DatabaseProvider.Sqlite ? ProbeDepth.Full : ProbeDepth.Thin;
        var report = new StringBuilder();
        var appendix = new StringBuilder();
        var coverage = new StringBuilder();
        var findings = new List<Finding>();
        var worlds = new List<W>();
        try
        {
            foreach (var level in new[] { WorldLevel.Public, WorldLevel.Community, WorldLevel.Private })
            {
                worlds.Add(await W.CreateAsync(provider, level));
            }

            report.AppendLine($"Worlds seeded in {clock.Elapsed.TotalSeconds:F1} s.");
            var probes = ProbeCatalog.Build(EndpointTable.Of(worlds[2].App), depth, RouteFilter());
            var requests = 0;

            // First host of each world: every probe.
            var answers = new List<WorldAnswers>();
            var runners = new List<ProbeRunner>();
            foreach (var world in worlds)
            {
                var runner = await ProbeRunner.StartAsync(world);
                runners.Add(runner);
                var before = await DatabaseFingerprint.TakeAsync(world.App);
                var run = await runner.RunAsync(probes);
                var after = await DatabaseFingerprint.TakeAsync(world.App);
                foreach (var table in before.Keys.Where(t => before[t] != after.GetValueOrDefault(t)))
                {
                    findings.Add(new Finding("probe changed data", WholeMatrix, $"table {table} changed while probing the {world.Level} world: a probe wrote"));
                }

                answers.Add(run);
                requests += run.Requests;
                report.AppendLine($"{world.Level} world: {run.Requests} requests, {clock.Elapsed.TotalSeconds:F1} s so far.");
            }

            requests += await ExportsAsync(runners, findings);
            Analyse(probes, worlds, answers, runners, findings, report, appendix, "first host");
            requests += await ControlsAsync(runners, findings);

            // A second host over each database: its graph is read from scratch instead of followed through the change log.
            var graphProbes = ProbeCatalog.Build(EndpointTable.Of(worlds[2].App), ProbeDepth.Thin, RouteFilter())
                .Where(p => ComputedFromGraph(p.Route)).ToList();
            var secondAnswers = new List<WorldAnswers>();
            var secondRunners = new List<ProbeRunner>();
            foreach (var world in worlds)
            {
                var host = world.App.WithWebHostBuilder(_ => { });
                var runner = await ProbeRunner.StartAsync(world, host);
                secondRunners.Add(runner);
                var run = await runner.RunAsync(graphProbes);
                secondAnswers.Add(run);
                requests += run.Requests;
            }

            Analyse(graphProbes, worlds, secondAnswers, secondRunners, findings, report, appendix, "second host (graph rebuilt)");

            report.Insert(0, $"Canary probe matrix, {provider}, depth {depth}: {requests} requests ({probes.Count} probes per world on the first host, " +
                $"{graphProbes.Count} on the second), {clock.Elapsed.TotalSeconds:F1} s.\n");
            coverage.AppendLine("Covered (method route):");
            foreach (var covered in ProbeCatalog.Covered(probes))
            {
                coverage.AppendLine("  " + covered + $"  [{probes.Count(p => $"{p.Method} {p.Route}" == covered)} probes per world]");
            }

            coverage.AppendLine("Not sent (writes that would change the world):");
            foreach (var (route, why) in ProbeCatalog.UnsentWrites)
            {
                coverage.AppendLine($"  {route}: {why}");
            }

            foreach (var runner in runners.Concat(secondRunners))
            {
                await runner.DisposeAsync();
            }
        }
        finally
        {
            foreach (var world in worlds)
            {
                await world.DisposeAsync();
            }
        }

        var text = report.ToString();
        var path = Path.Combine(Path.GetTempPath(), $"rapport-canary-probes-{provider}.txt");
        await File.WriteAllTextAsync(path, text + coverage + "\nFindings:\n" + string.Join("\n", findings)
            + "\n\nEvery answer that differs between worlds:\n" + appendix, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(text + coverage);
        var kinds = string.Join(", ", findings.GroupBy(f => f.Kind).Select(g => $"{g.Key} {g.Count()}"));
        Assert.True(findings.Count == 0,
            $"{findings.Count} findings ({kinds}); the full report, with every differing answer, is {path}\n{text}\nFirst findings:\n{string.Join("\n", findings.Take(30))}");
    }

    /// <summary>The three checks for one host of each world; the self-checks that prove the checks can fail.</summary>
    private static void Analyse(IReadOnlyList<Probe> probes, List<W> worlds, List<WorldAnswers> answers, List<ProbeRunner> runners,
        List<Finding> findings, StringBuilder report, StringBuilder appendix, string host)
    {
        for (var i = 0; i < worlds.Count; i++)
        {
            findings.AddRange(answers[i].Hits.Select(h => new Finding("canary", h.Probe, $"'{h.Canary}' ({worlds[i].Level} world, {host}): …{h.Excerpt}…")));
            findings.AddRange(ProbeAnalysis.HiddenLikeMissing(probes, answers[i], worlds[i], out var compared));
            report.AppendLine($"{host}, {worlds[i].Level} world: {answers[i].Hits.Count} canary hits, {compared} hidden-vs-missing pairs compared.");
        }

        var pairs = new (int A, int B, string[] Callers)[]
        {
            (0, 1, W.OutsideC), (1, 2, W.OutsideC), (0, 2, W.OutsideC), (1, 2, [W.Member]),
        };
        foreach (var (a, b, callers) in pairs)
        {
            var differences = ProbeAnalysis.Differences(probes, answers[a], answers[b], callers);
            report.AppendLine($"{host}, {worlds[a].Level} vs {worlds[b].Level}, callers {string.Join(",", callers)}: {differences.Count} answers differ.");
            foreach (var group in differences.GroupBy(p => $"{p.Method} {p.Route}"))
            {
                report.AppendLine($"    {group.Key}: {group.Count()} ({string.Join(", ", group.GroupBy(p => p.Caller).Select(c => $"{c.Key} {c.Count()}"))})");
            }

            foreach (var probe in differences)
            {
                appendix.AppendLine($"{host}, {worlds[a].Level} vs {worlds[b].Level}: {probe}\n    {ProbeAnalysis.Diff(answers[a].TextOf(probe.Key), answers[b].TextOf(probe.Key), 60)}");
            }

            // Show a few of each route and caller in full; the rest are counted (and listed in the report's appendix).
            var shown = differences.GroupBy(p => $"{p.Method} {p.Route}|{p.Caller}").SelectMany(g => g.Take(2)).Take(40).ToList();
            foreach (var probe in shown)
            {
                var detail = ProbeAnalysis.Diff(answers[a].TextOf(probe.Key), answers[b].TextOf(probe.Key));
                var again = DiffAsync(probe, runners[a], runners[b]).GetAwaiter().GetResult();
                var repeats = again.StartsWith("(identical", StringComparison.Ordinal) ? "sent again: the same in both worlds (it did not repeat)" : "sent again: still differs";
                findings.Add(new Finding("inference", probe,
                    $"{worlds[a].Level} vs {worlds[b].Level} world ({host}), status {answers[a].Answers[probe.Key].Status} vs {answers[b].Answers[probe.Key].Status}, {repeats}; {detail}"));
            }

            if (differences.Count > shown.Count)
            {
                findings.Add(new Finding("inference", WholeMatrix,
                    $"and {differences.Count - shown.Count} more answers differ between the {worlds[a].Level} and {worlds[b].Level} worlds ({host}); see the report's appendix"));
            }
        }

        // The harness proves it can fail: the diff sees what C's statements legitimately change for C's member and what
        // O's private ones change for O, and the scanner finds canaries in O's own answers under a stranger's rules.
        var memberSees = ProbeAnalysis.Differences(probes, answers[0], answers[1], [W.Member]).Count;
        var ownerSees = ProbeAnalysis.Differences(probes, answers[1], answers[2], [W.Owner]).Count;
        var scannerSees = answers[2].OwnerHitsUnderStrangerRules.Count;
        report.AppendLine($"{host}, self-check: member's answers differing once C's statements exist {memberSees}; owner's once private ones exist {ownerSees}; " +
            $"canaries in the owner's answers under a stranger's rules {scannerSees}.");
        if (memberSees == 0 || ownerSees == 0 || scannerSees == 0)
        {
            findings.Add(new Finding("harness", WholeMatrix, $"the matrix cannot see what it must ({host}): member diff {memberSees}, owner diff {ownerSees}, scanner {scannerSees}"));
        }
    }

    private static async Task<string> DiffAsync(Probe probe, ProbeRunner without, ProbeRunner with)
    {
        var a = await without.SendAsync(probe);
        var b = await with.SendAsync(probe);
        return ProbeAnalysis.Diff(without.Normalize(a.Raw, probe), with.Normalize(b.Raw, probe));
    }

    /// <summary>Each signed-in caller's personal-data export, through the page's form: scanned, and compared across worlds.</summary>
    private static async Task<int> ExportsAsync(List<ProbeRunner> runners, List<Finding> findings)
    {
        var requests = 0;
        foreach (var caller in W.Callers.Where(c => c != W.Anonymous))
        {
            var probe = new Probe(caller, ProbeClient.Cookie, "POST", "/Account/Manage/DownloadPersonalData", "/Account/Manage/DownloadPersonalData (form)", null, true, false);
            var exports = new List<string>();
            foreach (var runner in runners)
            {
                var (status, raw) = await runner.ExportAsync(caller);
                requests += 2;
                Assert.Equal(200, status);
                findings.AddRange(runner.Scan(probe, raw, W.AllowedCanaries(caller), runner.World.ForbiddenIds(caller))
                    .Select(h => new Finding("canary", probe, $"'{h.Canary}' in the export ({runner.World.Level} world): …{h.Excerpt}…")));
                exports.Add(runner.Normalize(raw, probe));
            }

            if (W.OutsideC.Contains(caller) && exports.Distinct(StringComparer.Ordinal).Count() > 1)
            {
                findings.Add(new Finding("inference", probe, "the personal-data export differs between worlds: " + ProbeAnalysis.Diff(exports[0], exports[^1])));
            }
        }

        return requests;
    }

    /// <summary>Answers that must be there: if these fail, the probes are looking at the wrong thing.</summary>
    private static async Task<int> ControlsAsync(List<ProbeRunner> runners, List<Finding> findings)
    {
        var controls = new (int World, string Caller, ProbeClient Client, string Url, string Expected)[]
        {
            (2, W.Owner, ProbeClient.Cookie, "/trust", $"{W.Marker}-note-ot"),
            (2, W.Owner, ProbeClient.Token, "/api/v1/trust/statements/⟨o_z_hist⟩/history", $"{W.Marker}-note-hist"),
            (1, W.Member, ProbeClient.Token, $"/api/v1/people/{W.Trustee}/trusted-by", $"{W.Marker}-cnote-ot"),
            (1, W.Member, ProbeClient.Cookie, $"/people/{W.Trustee}", $"{W.Marker}-cnote-ot"),
            (0, W.Stranger, ProbeClient.Token, $"/api/v1/people/{W.Trustee}/trusted-by", W.PublicNote),
            (2, W.Stranger, ProbeClient.Cookie, $"/people/{W.Trustee}", W.PublicNote),
            (2, W.Trustee, ProbeClient.Token, "/api/v1/trust/statements/⟨o_z_hist⟩", W.HistoryPublicNote),
            (2, W.Owner, ProbeClient.Cookie, "/recommendations", $"{W.Marker}-rnote"),
            (2, W.Owner, ProbeClient.Token, "/api/v1/recommendations/⟨r_o_gone⟩/history", $"{W.Marker}-rnote-gone"),
            (1, W.Member, ProbeClient.Token, "/api/v1/collections/⟨c_o_circle⟩", $"{W.Marker}-centry"),
            (1, W.Member, ProbeClient.Cookie, "/items/⟨i_circle⟩", $"{W.Marker}-rcnote"),
            (2, W.Party, ProbeClient.Cookie, "/feed", W.PublicRecommendationNote),
            (2, W.Party, ProbeClient.Token, "/api/v1/feed?view=chronological", W.PublicRecommendationNote),
            (2, W.Stranger, ProbeClient.Cookie, "/collections/⟨c_o_open⟩", W.PublicEntryNote),
            (2, W.Stranger, ProbeClient.Token, $"/api/v1/offers/⟨{InvitationCanaries.Offer}⟩", InvitationCanaries.OfferDescription),
            (2, W.Secret, ProbeClient.Cookie, $"/offers/⟨{InvitationCanaries.Offer}⟩", InvitationCanaries.OfferDescription),
            (2, W.Owner, ProbeClient.Token, $"/api/v1/problems/⟨{InvitationCanaries.Problem}⟩/invitations", $"{W.Marker}-reason-referral"),
            (2, W.Owner, ProbeClient.Cookie, $"/problems/⟨{InvitationCanaries.Problem}⟩/invitations", $"{W.Marker}-reason-byhand"),
            (2, W.Owner, ProbeClient.Token, $"/api/v1/problems/⟨q_circle⟩/invitations", $"{W.Marker}-reason-circle"),
            (2, W.Owner, ProbeClient.Token, $"/api/v1/problems/⟨{InvitationCanaries.AskAgainProblem}⟩", $"{W.Marker}-askbody"),
            (2, W.Owner, ProbeClient.Token, "/api/v1/blocks", W.Secret),
        };
        foreach (var (world, caller, client, url, expected) in controls)
        {
            var probe = new Probe(caller, client, "GET", url, url, null, client == ProbeClient.Cookie, false);
            var (_, raw) = await runners[world].SendAsync(probe);
            if (!raw.Contains(expected, StringComparison.Ordinal))
            {
                findings.Add(new Finding("control", probe, $"expected '{expected}' in the {runners[world].World.Level} world's answer; the probes may be blind"));
            }
        }

        return controls.Length;
    }
}
