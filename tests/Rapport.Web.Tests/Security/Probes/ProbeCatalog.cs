using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Web.Tests.Infrastructure;
using W = Rapport.Web.Tests.Security.Probes.CanaryWorld;

namespace Rapport.Web.Tests.Security.Probes;

/// <summary>How one probe reaches the app: the caller's access token, their browser cookie, or nothing.</summary>
internal enum ProbeClient
{
    Token,
    Cookie,
    Anonymous,
}

/// <summary>
/// One request of the matrix. <see cref="Url"/> holds statement ids as <c>⟨label⟩</c>, resolved per world, so the same
/// probe can be sent to every world and its answers compared. <see cref="AuthorOnly"/>: a route only a statement's
/// author may use on it (history, edit, revoke, change, revoke by DELETE).
/// </summary>
internal sealed record Probe(string Caller, ProbeClient Client, string Method, string Route, string Url, string? Body, bool IsPage, bool AuthorOnly)
{
    public bool IsWrite => Method is not ("GET" or "HEAD");

    public string Key => $"{Caller}|{Client}|{Method} {Url}|{Body}";

    /// <summary>Statement labels in the URL.</summary>
    public IEnumerable<string> Labels => System.Text.RegularExpressions.Regex.Matches(Url, "⟨([a-z_]+)⟩").Select(m => m.Groups[1].Value);

    public override string ToString() => $"{Caller} ({Client}) {Method} {Url}{(Body is null ? "" : " body " + Body)}";
}

/// <summary>How many parameter values the matrix tries: everything (<see cref="Full"/>) or a thinner cut.</summary>
internal enum ProbeDepth
{
    Thin,
    Full,
}

/// <summary>
/// Builds the probe matrix from the app's own endpoint table (<see cref="EndpointDataSource"/>), not a hand list: every
/// route and page, every HTTP method it accepts, route parameters filled with the world's handles, slugs and statement
/// ids (private ones included), and the query parameters each handler or page declares, tried one at a time over many
/// values and in pairs over a few.
/// </summary>
internal static class ProbeCatalog
{
    /// <summary>Framework routes with nothing of ours behind them; static files are left out too.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "{**path:file}" };

    /// <summary>Writes that would succeed and change the world under the probes' feet, with why they are not sent.</summary>
    public static readonly IReadOnlyDictionary<string, string> UnsentWrites = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /api/v1/communities/{slug}/membership"] = "joins the community (a non-member would become a member)",
        ["DELETE /api/v1/communities/{slug}/membership"] = "leaves the community",
        ["DELETE /api/v1/me/sessions"] = "ends the caller's own sessions (the cookie client would be signed out)",
        ["POST /api/v1/notifications/read-all"] = "marks the caller's own notices read (O's contribution notices, in every world)",
    };

    public static IReadOnlyList<Probe> Build(EndpointTable app, ProbeDepth depth, Func<string, bool>? routeFilter = null)
    {
        var probes = new List<Probe>();
        foreach (var endpoint in app.Endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (Skipped.Contains(endpoint.RoutePattern.RawText!) || IsStaticAsset(route) || (routeFilter is not null && !routeFilter(route)))
            {
                continue;
            }

            var component = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
            var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var isPage = component is not null;
            var isApi = route.StartsWith("/api/", StringComparison.Ordinal);
            var query = QueryParameters(endpoint.RoutePattern, component, handler);
            foreach (var method in methods.Distinct(StringComparer.Ordinal))
            {
                var write = method is not ("GET" or "HEAD");
                if (write && UnsentWrites.ContainsKey($"{method} {route}"))
                {
                    continue;
                }

                var authorOnly = AuthorOnly(route, write);
                foreach (var path in Fill(endpoint.RoutePattern, route, depth))
                {
                    var queries = write ? [""] : Variants(query, TrustRelevant(route) ? depth : ProbeDepth.Thin);
                    foreach (var caller in W.Callers)
                    {
                        foreach (var q in queries.Select((text, index) => (text, index)))
                        {
                            var url = q.text.Length == 0 ? path : path + "?" + q.text;
                            foreach (var body in write ? Bodies(route, method, isPage) : [null])
                            {
                                foreach (var client in Clients(caller, isPage, isApi, cookieToo: q.index == 0 && depth == ProbeDepth.Full))
                                {
                                    var probe = new Probe(caller, client, method, route, url, body, isPage, authorOnly);
                                    if (write && WouldChangeWorld(probe))
                                    {
                                        continue;
                                    }

                                    probes.Add(probe);
                                }
                            }
                        }
                    }
                }
            }
        }

        return probes;
    }

    /// <summary>Routes and methods covered, for the report.</summary>
    public static IEnumerable<string> Covered(IEnumerable<Probe> probes) =>
        probes.Select(p => $"{p.Method} {p.Route}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>
    /// A write on something the caller owns would change it (and the world with it); so would following, unfollowing or
    /// forking a collection the caller may see.
    /// </summary>
    private static bool WouldChangeWorld(Probe probe) =>
        probe.Labels.Any(label => label != W.MissingLabel && W.OwnerOf(label) == probe.Caller)
        || (IsFollowOrFork(probe.Route) && probe.Labels.Any(label => W.IsCollection(label) && W.MaySee(probe.Caller, label, authorOnly: false)))
        || (probe.Route.EndsWith("/thanks", StringComparison.Ordinal) && probe.Labels.All(label => W.MaySee(probe.Caller, label, authorOnly: false)))
        || (probe.Caller == W.Owner && probe.Route.EndsWith("/ask-again", StringComparison.Ordinal)) // O has worked with Y in the private world: it would succeed
        || (probe.Method == "DELETE" && probe.Route == "/api/v1/blocks/{handle}" && probe.Caller == W.Owner && probe.Url.EndsWith("/" + W.Secret, StringComparison.Ordinal));

    private static bool IsFollowOrFork(string route) =>
        route.EndsWith("/follow", StringComparison.Ordinal) || route.EndsWith("/forks", StringComparison.Ordinal);

    /// <summary>
    /// Routes only the author (owner) may use on the thing they name: a statement's or recommendation's history, edit,
    /// revoke and every write; a collection's edit and delete pages and every write but follow and fork.
    /// </summary>
    private static bool AuthorOnly(string route, bool write)
    {
        if (!route.Contains("{id", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var ownerPage = route.EndsWith("/history", StringComparison.Ordinal) || route.EndsWith("/edit", StringComparison.Ordinal)
            || route.EndsWith("/revoke", StringComparison.Ordinal) || route.EndsWith("/delete", StringComparison.Ordinal);
        return IdKind(route) switch
        {
            "trust" or "recommendations" => write || ownerPage,
            "collections" => (write && !IsFollowOrFork(route)) || ownerPage,
            "problems" => ownerPage || (write && route == "/api/v1/problems/{problemId:guid}"),
            _ => false,
        };
    }

    /// <summary>What the route's id names, from the segment before it: trust (statements), recommendations, collections or items.</summary>
    private static string IdKind(string route)
    {
        var at = route.IndexOf("/{id", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return "";
        }

        var before = route[..at];
        var segment = before[(before.LastIndexOf('/') + 1)..];
        return route.Contains("/trust/", StringComparison.Ordinal) ? "trust" : segment;
    }

    private static IEnumerable<ProbeClient> Clients(string caller, bool isPage, bool isApi, bool cookieToo)
    {
        if (caller == W.Anonymous)
        {
            yield return ProbeClient.Anonymous;
            yield break;
        }

        if (isPage || !isApi)
        {
            yield return ProbeClient.Cookie;
            yield break;
        }

        yield return ProbeClient.Token;
        if (cookieToo)
        {
            yield return ProbeClient.Cookie; // the API also answers the browser's cookie; the same rules must hold
        }
    }

    private static IEnumerable<string?> Bodies(string route, string method, bool isPage)
    {
        if (isPage)
        {
            yield return ""; // a form post without its antiforgery token
            yield break;
        }

        if (method is "POST" or "PUT" or "PATCH")
        {
            // A change to a statement gets a body that would succeed for its author; everything else an empty object.
            yield return route switch
            {
                _ when route.StartsWith("/api/v1/trust/statements/{id", StringComparison.Ordinal) => """{"value":1,"visibility":"public","note":"mine now"}""",
                "/api/v1/recommendations/{id:guid}" => """{"rating":1,"visibility":"public","note":"mine now"}""",
                "/api/v1/collections/{id:guid}" => """{"title":"mine now","visibility":"public"}""",
                _ => "{}",
            };
        }
        else
        {
            yield return null;
        }
    }

    /// <summary>Every filling of the route's parameters.</summary>
    private static IEnumerable<string> Fill(RoutePattern pattern, string route, ProbeDepth depth)
    {
        IEnumerable<string> paths = [""];
        foreach (var segment in pattern.PathSegments)
        {
            var choices = new List<string> { "" };
            foreach (var part in segment.Parts)
            {
                var values = part switch
                {
                    RoutePatternLiteralPart literal => [literal.Content],
                    RoutePatternSeparatorPart separator => [separator.Content],
                    RoutePatternParameterPart parameter => RouteValues(parameter, route, depth),
                    _ => throw new InvalidOperationException($"Unknown route part in {route}"),
                };
                choices = [.. choices.SelectMany(prefix => values.Select(v => prefix + v))];
            }

            paths = paths.SelectMany(prefix => choices.Select(c => prefix + "/" + c)).ToList();
        }

        return paths.Select(p => p.Length == 0 ? "/" : p).Distinct(StringComparer.Ordinal);
    }

    private static IReadOnlyList<string> RouteValues(RoutePatternParameterPart parameter, string route, ProbeDepth depth)
    {
        var name = parameter.Name.ToLowerInvariant();
        var isGuid = parameter.ParameterPolicies.Any(p => p.Content == "guid");
        var isLong = parameter.ParameterPolicies.Any(p => p.Content == "long");
        var trust = route.Contains("trust", StringComparison.Ordinal);
        return name switch
        {
            "id" when isGuid && trust => [.. W.Statements.Select(s => $"⟨{s.Label}⟩"), $"⟨{W.MissingLabel}⟩"],
            "id" when isGuid && IdKind(route) == "recommendations" => [.. W.Recommendations.Select(r => $"⟨{r.Label}⟩"), $"⟨{W.MissingLabel}⟩"],
            "id" when isGuid && IdKind(route) == "collections" => [.. W.Collections.Select(c => $"⟨{c.Label}⟩"), $"⟨{W.MissingLabel}⟩"],
            "id" when isGuid && IdKind(route) == "items" => [.. W.Items.Select(i => $"⟨{i.Label}⟩"), $"⟨{W.MissingLabel}⟩"],
            "id" when isGuid && IdKind(route) == "problems" => ProblemValues,
            "problemid" => ProblemValues,
            "offerid" => [$"⟨{InvitationCanaries.Offer}⟩", $"⟨{W.MissingLabel}⟩"],
            "id" when isGuid && IdKind(route) == "offers" => [$"⟨{InvitationCanaries.Offer}⟩", $"⟨{W.MissingLabel}⟩"],
            "notificationid" => [.. InvitationCanaries.Notices.Select(n => $"⟨{n}⟩"), $"⟨{W.MissingLabel}⟩"],
            "invitationid" => [.. InvitationCanaries.Invitations.Select(i => $"⟨{i}⟩"), $"⟨{W.MissingLabel}⟩"],
            "contributionid" => [.. W.Problems.Select(p => $"⟨{p.ContributionLabel}⟩"), $"⟨{W.MissingLabel}⟩"],
            "agreementid" => [$"⟨{ProblemChainCanaries.Agreement}⟩", $"⟨{W.MissingLabel}⟩"],
            "entryid" => [.. W.Collections.Select(c => $"⟨{c.EntryLabel}⟩"), $"⟨{W.MissingLabel}⟩"],
            "id" when isGuid => [$"⟨{W.MissingLabel}⟩", "⟨o_t_priv_topic⟩", "⟨o_t_comm⟩"],
            "id" when isLong => ["987654321"],
            "id" => ["no-such-id"],
            "handle" when route.Contains("/members/", StringComparison.Ordinal) => [W.Owner, W.Member, W.MissingHandle],
            "handle" when route.Contains("/blocks/", StringComparison.Ordinal) => [W.Secret, W.TieZ, W.Owner, W.MissingHandle],
            "handle" => depth == ProbeDepth.Full
                ? [W.Owner, W.Trustee, W.Secret, W.TieY, W.Party, W.NonMember, W.MissingHandle, W.Owner.ToUpperInvariant()]
                : [W.Owner, W.Trustee, W.Secret, W.TieY, W.MissingHandle],
            "slug" => [W.C, W.D, W.MissingSlug],
            "secret" => ["no-such-invitation-secret"],
            "documentname" => ["v1"],
            _ => throw new InvalidOperationException($"No probe values for route parameter {parameter.Name} in {route}: add some."),
        };
    }

    /// <summary>The world's problems, the hidden chain's, the invited-only one with invitations and the ask-again request, and the missing id.</summary>
    private static readonly string[] ProblemValues =
    [
        .. W.Problems.Select(p => $"⟨{p.Label}⟩"), $"⟨{ProblemChainCanaries.Problem}⟩", .. InvitationCanaries.Problems.Select(p => $"⟨{p}⟩"), $"⟨{W.MissingLabel}⟩",
    ];

    /// <summary>The query parameters a page reads ([SupplyParameterFromQuery]) or a handler binds from the query string.</summary>
    private static IReadOnlyList<string> QueryParameters(RoutePattern pattern, Type? component, MethodInfo? handler)
    {
        if (component is not null)
        {
            return component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(p => (p, attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(x => x.attribute is not null)
                .Select(x => x.attribute!.Name ?? x.p.Name)
                .ToList();
        }

        if (handler is null)
        {
            return [];
        }

        var routeNames = pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return handler.GetParameters()
            .Where(p => !routeNames.Contains(p.Name!) && IsSimple(p.ParameterType)
                && p.GetCustomAttribute<FromServicesAttribute>() is null && p.GetCustomAttribute<FromBodyAttribute>() is null
                && p.GetCustomAttribute<FromFormAttribute>() is null && p.GetCustomAttribute<FromHeaderAttribute>() is null)
            .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!)
            .ToList();
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(bool) || t == typeof(Guid) || t == typeof(double)
            || t == typeof(string[]) || t == typeof(int[]);
    }

    private static string[] Values(string name, bool full) => name.ToLowerInvariant() switch
    {
        "topic" => full
            ? [W.PublicTopic, W.HistoryTopic, $"{W.Marker}-topic-ot", $"{W.Marker}-ctopic-ot", $"{W.Marker}-topic-ox", $"{W.Marker}-topic-rev",
                $"{W.Marker}-ltopic-on", $"  {W.Marker.ToUpperInvariant()}-TOPIC-OT ", "no such topic"]
            : [$"{W.Marker}-topic-ot", $"{W.Marker}-ctopic-ot", W.PublicTopic],
        "about" or "around" => full
            ? [W.Trustee, W.Secret, W.Owner, W.Party, W.TieY, W.NonMember, W.MissingHandle, "@" + W.Trustee.ToUpperInvariant()]
            : [W.Trustee, W.Secret],
        "expand" => full ? [W.Secret, W.Trustee, W.Owner, W.Party] : [W.Secret],
        "includerevoked" or "revoked" => full ? ["true", "false"] : ["true"],
        "limit" => full ? ["1", "2", "100", "0"] : ["1", "2"],
        "offset" => full ? ["1", "2", "50", "-1"] : ["1"],
        "q" => full ? ["canary", "7f3a", "olga", "note-ot", W.Trustee, ""] : ["canary"],
        "done" => full ? ["saved", "revoked"] : [],
        "page" => full ? ["2", "0"] : [],
        "saved" or "stated" => full ? ["true"] : [],
        "view" => full ? ["chronological", "trusted"] : ["chronological"],
        "person" => full ? [W.Owner, W.Member, W.MissingHandle] : [W.Owner],
        "of" => full ? ["mine", "followed", "byPerson"] : ["followed"],
        "kind" => full ? ["book"] : [],
        "listing" => ["mine"],
        "community" => full ? [W.C, W.D] : [W.C],
        "status" => full ? ["open", "inDialogue"] : [],
        _ => [],
    };

    /// <summary>Routes that read trust, people, the feed or items: the full value lists. Other routes (accounts, communities) get the short ones.</summary>
    private static bool TrustRelevant(string route) =>
        route.Contains("trust", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/people", StringComparison.Ordinal)
        || route.Contains("feed", StringComparison.Ordinal) || route.Contains("items", StringComparison.Ordinal)
        || route.StartsWith("/api/v1/people", StringComparison.Ordinal);

    /// <summary>No query; each parameter alone over many values; each pair of parameters over a few values each.</summary>
    private static List<string> Variants(IReadOnlyList<string> parameters, ProbeDepth depth)
    {
        var variants = new List<string> { "" };
        foreach (var p in parameters)
        {
            variants.AddRange(Values(p, full: depth == ProbeDepth.Full).Select(v => Pair(p, v)));
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            for (var j = i + 1; j < parameters.Count; j++)
            {
                foreach (var a in Values(parameters[i], full: false))
                {
                    foreach (var b in Values(parameters[j], full: false))
                    {
                        variants.Add(Pair(parameters[i], a) + "&" + Pair(parameters[j], b));
                    }
                }
            }
        }

        if (parameters.Contains("expand", StringComparer.OrdinalIgnoreCase))
        {
            variants.Add($"expand={W.Secret}&expand={W.Trustee}&expand={W.Owner}&topic={W.Marker}-topic-ox");
        }

        return variants.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Pair(string name, string value) => $"{name}={Uri.EscapeDataString(value)}";

    private static bool IsStaticAsset(string route) =>
        (route.Contains('.', StringComparison.Ordinal) && !route.Contains('{', StringComparison.Ordinal))
        || (route.StartsWith("/lib/", StringComparison.Ordinal) && !route.Contains('{', StringComparison.Ordinal))
        || route.StartsWith("/_framework/", StringComparison.Ordinal)
        || route.StartsWith("/_content/", StringComparison.Ordinal);
}

/// <summary>The app's route endpoints, read once.</summary>
internal sealed class EndpointTable(IServiceProvider services)
{
    public IReadOnlyList<RouteEndpoint> Endpoints { get; } =
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    public static EndpointTable Of(RapportApp app) => new(app.Services);
}
