using System.Text;
using W = Rapport.Web.Tests.Security.Probes.CanaryWorld;

namespace Rapport.Web.Tests.Security.Probes;

/// <summary>One finding of the matrix, with what to show for it.</summary>
internal sealed record Finding(string Kind, Probe Probe, string Detail)
{
    public override string ToString() => $"[{Kind}] {Probe}\n    {Detail}";
}

/// <summary>The checks over recorded answers: hidden ≡ missing within a world, and no difference between worlds for callers who may not see what a world adds.</summary>
internal static class ProbeAnalysis
{
    /// <summary>
    /// For every probe that names a statement the caller may not see there, the answer must be the answer for the
    /// id nobody has: same status, same normalized headers and body (the requested id itself is one placeholder in both).
    /// </summary>
    public static List<Finding> HiddenLikeMissing(IReadOnlyList<Probe> probes, WorldAnswers answers, CanaryWorld world, out int compared)
    {
        var findings = new List<Finding>();
        var byKey = probes.ToDictionary(p => p.Key, StringComparer.Ordinal);
        compared = 0;
        foreach (var probe in probes)
        {
            var labels = probe.Labels.ToList();
            if (labels.Count != 1 || labels[0] == W.MissingLabel || !world.StatementIds.ContainsKey(labels[0])
                || W.MaySee(probe.Caller, labels[0], probe.AuthorOnly))
            {
                continue;
            }

            var twin = probe with { Url = probe.Url.Replace($"⟨{labels[0]}⟩", $"⟨{W.MissingLabel}⟩", StringComparison.Ordinal) };
            if (!byKey.ContainsKey(twin.Key) || !answers.Answers.TryGetValue(probe.Key, out var hidden) || !answers.Answers.TryGetValue(twin.Key, out var missing))
            {
                continue;
            }

            compared++;
            if (hidden != missing)
            {
                findings.Add(new Finding("hidden≠missing", probe, $"status {hidden.Status} vs {missing.Status} for the missing id ({world.Level} world)"));
            }
        }

        return findings;
    }

    /// <summary>Probes of <paramref name="callers"/> whose answers differ between two worlds.</summary>
    public static List<Probe> Differences(IReadOnlyList<Probe> probes, WorldAnswers a, WorldAnswers b, IReadOnlyCollection<string> callers) =>
        probes.Where(p => callers.Contains(p.Caller)
                && a.Answers.TryGetValue(p.Key, out var x) && b.Answers.TryGetValue(p.Key, out var y) && x != y)
            .ToList();

    /// <summary>Where two normalized answers first part, with some context on both sides.</summary>
    public static string Diff(string a, string b, int context = 240)
    {
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at])
        {
            at++;
        }

        if (at == a.Length && at == b.Length)
        {
            return "(identical when sent again: the difference did not repeat)";
        }

        var start = Math.Max(0, at - context);
        static string Cut(string s, int from, int to) => s[Math.Min(from, s.Length)..Math.Min(to, s.Length)].ReplaceLineEndings("⏎");
        return new StringBuilder()
            .Append("first difference at char ").Append(at).Append(":\n      without: …").Append(Cut(a, start, at + context)).Append('…')
            .Append("\n      with:    …").Append(Cut(b, start, at + context)).Append('…')
            .ToString();
    }
}
