using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Rapport.Web.Tests.Infrastructure;
using W = Rapport.Web.Tests.Security.Probes.CanaryWorld;

namespace Rapport.Web.Tests.Security.Probes;

/// <summary>What one probe got, reduced to what may legitimately be compared: status and a hash of the normalized answer.</summary>
internal sealed record ProbeAnswer(int Status, string Hash);

/// <summary>A canary a caller received that they must not see.</summary>
internal sealed record CanaryHit(Probe Probe, string Canary, string Excerpt)
{
    public override string ToString() => $"{Probe} -> '{Canary}' in: …{Excerpt}…";
}

/// <summary>Everything one world answered: per probe key, and the canary hits.</summary>
internal sealed class WorldAnswers
{
    public ConcurrentDictionary<string, ProbeAnswer> Answers { get; } = new(StringComparer.Ordinal);

    /// <summary>The normalized answers themselves (compressed), to show what differed as it was received.</summary>
    public ConcurrentDictionary<string, byte[]> Texts { get; } = new(StringComparer.Ordinal);

    public string TextOf(string key)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(Texts[key]), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public void Record(Probe probe, int status, string normalized)
    {
        Answers[probe.Key] = new ProbeAnswer(status, ProbeRunner.Hash(normalized));
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes(normalized));
        }

        Texts[probe.Key] = output.ToArray();
    }

    public ConcurrentBag<CanaryHit> Hits { get; } = [];

    /// <summary>Canaries O received that a stranger must not: the scanner's own check that it can find them at all.</summary>
    public ConcurrentBag<CanaryHit> OwnerHitsUnderStrangerRules { get; } = [];

    public int Requests;
}

/// <summary>
/// Sends probes to one host over a canary world's database, as each caller (token, cookie, anonymous), and records
/// normalized answers and canary hits. Normalizing removes only what legitimately differs between two identical
/// requests or two worlds built alike: trace ids, antiforgery and data-protection payloads, timestamps, and ids (each
/// replaced by the stable name the world gives it; the probe's own requested ids by one placeholder, so "hidden" and
/// "missing" answers can be compared).
/// </summary>
internal sealed partial class ProbeRunner : IAsyncDisposable
{
    private readonly CanaryWorld _world;
    private readonly WebApplicationFactory<Program> _host;
    private readonly Dictionary<(string, ProbeClient), HttpClient> _clients = [];
    private readonly Dictionary<string, string> _sessions = new(StringComparer.Ordinal);

    private ProbeRunner(CanaryWorld world, WebApplicationFactory<Program> host)
    {
        _world = world;
        _host = host;
    }

    public CanaryWorld World => _world;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A runner against <paramref name="host"/> (the world's app, or a second host over its database).</summary>
    public static async Task<ProbeRunner> StartAsync(CanaryWorld world, WebApplicationFactory<Program>? host = null)
    {
        var runner = new ProbeRunner(world, host ?? world.App);
        foreach (var caller in W.Callers)
        {
            if (caller == W.Anonymous)
            {
                runner._clients[(caller, ProbeClient.Anonymous)] = runner.NewClient();
                continue;
            }

            var token = runner.NewClient();
            token.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", world.Tokens[caller]);
            runner._clients[(caller, ProbeClient.Token)] = token;
            // The browser client carries the sign-in cookie only, set by hand: a shared cookie jar would carry one-off
            // cookies (Identity's status message) from one parallel probe into another and make answers depend on order.
            var cookie = runner.NewClient(handleCookies: false);
            runner._sessions[caller] = await runner.SignInAsync(world.People[caller]);
            cookie.DefaultRequestHeaders.Add("Cookie", runner._sessions[caller]);
            runner._clients[(caller, ProbeClient.Cookie)] = cookie;
        }

        return runner;
    }

    private HttpClient NewClient(bool handleCookies = true) =>
        _host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = handleCookies });

    /// <summary>Signs in through the real form and returns the Cookie header value that carries the session.</summary>
    private async Task<string> SignInAsync(Rapport.Testing.TestPerson person)
    {
        using var client = NewClient(handleCookies: false);
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        using var page = await client.GetAsync("/Account/Login", Ct);
        Absorb(page, jar);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync(Ct));
        var form = document.Forms.Single(f => f.QuerySelector("input[name='Input.Email']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("Input.Email", person.Email)).Append(new("Input.Password", person.Password)).ToList();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", Header(jar));
        using var signedIn = await client.SendAsync(post, Ct);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {person.Handle} answered {(int)signedIn.StatusCode}");
        Absorb(signedIn, jar);
        // The authenticator page makes the account's key on its first visit (a write on GET, as in the Identity
        // template) and renews the sign-in; visit it once now so the matrix's own visits only read.
        using var warmUp = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage/EnableAuthenticator");
        warmUp.Headers.Add("Cookie", Header(jar));
        using var warmed = await client.SendAsync(warmUp, Ct);
        Absorb(warmed, jar);
        return Header(jar.Where(c => c.Key.StartsWith("__Host-", StringComparison.Ordinal)));
    }

    private static void Absorb(HttpResponseMessage response, Dictionary<string, string> jar)
    {
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = cookie.Split(';')[0];
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            jar[pair[..at]] = pair[(at + 1)..];
        }
    }

    private static string Header(IEnumerable<KeyValuePair<string, string>> jar) => string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Sends every probe (reads in parallel; writes one at a time, after every read) and records the answers.</summary>
    public async Task<WorldAnswers> RunAsync(IReadOnlyList<Probe> probes, int parallelism = 4)
    {
        var answers = new WorldAnswers();
        await Parallel.ForEachAsync(probes.Where(p => !p.IsWrite), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = Ct },
            async (probe, _) => await SendAndRecordAsync(probe, answers));
        foreach (var probe in probes.Where(p => p.IsWrite))
        {
            await SendAndRecordAsync(probe, answers);
        }

        return answers;
    }

    private async Task SendAndRecordAsync(Probe probe, WorldAnswers answers)
    {
        var (status, raw) = await SendAsync(probe);
        Interlocked.Increment(ref answers.Requests);
        answers.Record(probe, status, Normalize(raw, probe));
        foreach (var hit in Scan(probe, raw, W.AllowedCanaries(probe.Caller), _world.ForbiddenIds(probe.Caller)))
        {
            answers.Hits.Add(hit);
        }

        if (probe.Caller == W.Owner)
        {
            foreach (var hit in Scan(probe, raw, [], _world.ForbiddenIds(W.Stranger)))
            {
                answers.OwnerHitsUnderStrangerRules.Add(hit);
            }
        }
    }

    /// <summary>The answer as text: status line, headers (sorted; Date and Content-Length left out), a blank line, the body.</summary>
    public async Task<(int Status, string Raw)> SendAsync(Probe probe)
    {
        var client = _clients[(probe.Caller, probe.Client)];
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), Resolve(probe.Url));
        if (probe.Body is not null)
        {
            request.Content = probe.IsPage
                ? new FormUrlEncodedContent([])
                : new StringContent(probe.Body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Content-Length"))
            .SelectMany(h => h.Key == "Set-Cookie"
                ? h.Value.Select(cookie => $"Set-Cookie: {CookieValue().Replace(cookie, "$1<value>", 1)}") // encrypted, new each time
                : [$"{h.Key}: {string.Join(", ", h.Value)}"])
            .Order(StringComparer.Ordinal);
        return ((int)response.StatusCode, $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n\n{body}");
    }

    /// <summary>The personal-data export as a browser gets it: the page's form, with its antiforgery token, posted.</summary>
    public async Task<(int Status, string Raw)> ExportAsync(string caller)
    {
        using var client = NewClient(handleCookies: false);
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage/PersonalData");
        pageRequest.Headers.Add("Cookie", _sessions[caller]);
        using var page = await client.SendAsync(pageRequest, Ct);
        Absorb(page, jar);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync(Ct));
        var form = document.Forms.Single(f => f.GetAttribute("action") == "/Account/Manage/DownloadPersonalData");
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Manage/DownloadPersonalData") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", _sessions[caller] + "; " + Header(jar));
        using var response = await client.SendAsync(request, Ct);
        return ((int)response.StatusCode, $"{(int)response.StatusCode}\n\n{await response.Content.ReadAsStringAsync(Ct)}");
    }

    public string Resolve(string url) => LabelPattern().Replace(url, m => _world.IdOf(m.Groups[1].Value).ToString());

    /// <summary>
    /// The canaries in <paramref name="raw"/> that the caller must not see: any text carrying <see cref="W.Marker"/>
    /// (allowed ones, and ones the request itself sent, taken out first), and the ids of statements hidden from them.
    /// </summary>
    public IEnumerable<CanaryHit> Scan(Probe probe, string raw, IReadOnlyList<string> allowed, IEnumerable<string> forbiddenIdLabels) =>
        ScanText(probe, raw, allowed, forbiddenIdLabels, _world);

    private static IEnumerable<CanaryHit> ScanText(Probe probe, string raw, IReadOnlyList<string> allowed, IEnumerable<string> forbiddenIdLabels, CanaryWorld world)
    {
        var text = raw.ToLowerInvariant();
        var sent = Uri.UnescapeDataString(probe.Url).ToLowerInvariant() + " " + (probe.Body ?? "").ToLowerInvariant();
        // An echo of what the caller sent tells them nothing; each canary is also its own string elsewhere, so a leak
        // of the statement behind it still shows through its other canaries (and through the answer diff).
        foreach (var echoed in EchoCandidates().Matches(sent).Select(m => m.Value).Where(v => v.Length > W.Marker.Length))
        {
            text = text.Replace(echoed.Trim(), "", StringComparison.Ordinal);
        }

        foreach (var canary in allowed)
        {
            text = text.Replace(canary.ToLowerInvariant(), "", StringComparison.Ordinal);
        }

        var at = text.IndexOf(W.Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            var end = text.IndexOfAny([' ', '"', '<', '&', '\n', ',', '}'], at);
            yield return new CanaryHit(probe, text[at..(end < 0 ? text.Length : end)], Excerpt(text, at));
        }

        foreach (var label in forbiddenIdLabels)
        {
            var id = world.IdOf(label);
            if (probe.Labels.Contains(label))
            {
                continue; // the caller asked for this id
            }

            foreach (var form in new[] { id.ToString("D"), id.ToString("N") })
            {
                var found = text.IndexOf(form, StringComparison.Ordinal);
                if (found >= 0)
                {
                    yield return new CanaryHit(probe, $"id of {label}", Excerpt(text, found));
                }
            }
        }
    }

    private static string Excerpt(string text, int at) => text[Math.Max(0, at - 160)..Math.Min(text.Length, at + 160)].ReplaceLineEndings(" ");

    /// <summary>What legitimately differs between two worlds built alike or two identical requests, taken out.</summary>
    public string Normalize(string raw, Probe probe)
    {
        var text = RedirectOnly(raw);
        foreach (var label in probe.Labels)
        {
            var id = _world.IdOf(label);
            text = text.Replace(id.ToString("D"), "<requested-id>", StringComparison.OrdinalIgnoreCase)
                .Replace(id.ToString("N"), "<requested-id>", StringComparison.OrdinalIgnoreCase);
        }

        text = TraceParent().Replace(text, "<trace>");
        text = TraceIdValue().Replace(text, "$1<trace>\"");
        text = AuthenticatorKey().Replace(text, "<authenticator-key>");
        // Data-protected tokens first: a random token may contain "-rpt_", which the token-prefix rule would split.
        text = DataProtected().Replace(text, "<protected>");
        text = TokenPrefix().Replace(text, "rpt_<prefix>");
        text = ShortTime().Replace(text, "<time>");
        text = PageDate().Replace(text, "<time>");
        text = ToggledChecked().Replace(text, "checked");
        text = Timestamp().Replace(text, "<time>");
        text = Guids().Replace(text, m => _world.Names.TryGetValue(Guid.Parse(m.Value), out var name) ? $"<{name}>" : "<guid>");
        text = CompactGuids().Replace(text, m => _world.Names.TryGetValue(Guid.ParseExact(m.Value, "N"), out var name) ? $"<{name}>" : "<hex32>");
        return text;
    }

    /// <summary>
    /// A redirect compares by its status and where it points: a page that redirects while streaming sometimes sends the
    /// start of its rendering along (and its content headers), sometimes not. The canary scan still reads the whole answer.
    /// </summary>
    private static string RedirectOnly(string raw)
    {
        if (raw.Length < 3 || raw[0] != '3')
        {
            return raw;
        }

        var lines = raw.Split('\n');
        return string.Join("\n", lines.Take(1).Concat(lines.Where(l => l.StartsWith("Location: ", StringComparison.Ordinal))));
    }

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Task.CompletedTask;
    }

    [GeneratedRegex("⟨([a-z_]+)⟩")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"canary-7f3a[a-z0-9\- ]*", RegexOptions.IgnoreCase)]
    private static partial Regex EchoCandidates();

    [GeneratedRegex(@"\b00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-9a-f]\b")]
    private static partial Regex TraceParent();

    [GeneratedRegex("(\"traceId\":\")[^\"]*\"")]
    private static partial Regex TraceIdValue();

    /// <summary>The key the authenticator page shows (grouped in lower case, and in the otpauth link): new on every visit.</summary>
    [GeneratedRegex(@"(?<=<kbd>)[a-z2-7 ]{20,}(?=</kbd>)|(?<=secret=)[A-Z2-7]{16,}")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9])rpt_[A-Za-z0-9_\-]+")]
    private static partial Regex TokenPrefix();

    /// <summary>Times as the settings pages show them: "2026-11-22 19:58 UTC".</summary>
    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}( UTC)?")]
    private static partial Regex ShortTime();

    /// <summary>Times as the trust history page shows them: "22 Nov 2026, 20:28 UTC".</summary>
    [GeneratedRegex(@"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC")]
    private static partial Regex PageDate();

    /// <summary>Blazor's InputRadio writes checked="a" or "b", alternating between renders, to force a DOM update.</summary>
    [GeneratedRegex(@"checked=""[ab]""")]
    private static partial Regex ToggledChecked();

    [GeneratedRegex(@"CfDJ8[A-Za-z0-9_\-]+")]
    private static partial Regex DataProtected();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"^([^=]+=)[^;]*")]
    private static partial Regex CookieValue();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guids();

    /// <summary>Ids written without dashes (session ids, for one); trace ids are taken out before.</summary>
    [GeneratedRegex(@"(?<![0-9a-fA-F])[0-9a-fA-F]{32}(?![0-9a-fA-F])")]
    private static partial Regex CompactGuids();
}
