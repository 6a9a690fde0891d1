using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Accounts;
using Rapport.Core.Invitations;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Security.Probes;

/// <summary>How much of the owner's hidden trust a world holds. Every world holds everything of the levels below it.</summary>
internal enum WorldLevel
{
    /// <summary>Only public statements (and the same people, communities and memberships as the others).</summary>
    Public = 0,

    /// <summary>Plus the owner's statements shared with community C.</summary>
    Community = 1,

    /// <summary>Plus the owner's private, revoked, lapsed-community and once-private statements.</summary>
    Private = 2,
}

/// <summary>One statement of the world: who states it, whom about, and which marker strings only its allowed readers may see.</summary>
internal sealed record SeedStatement(string Label, string From, string To, double Value, string? Topic, string Visibility, string? Community, string Note)
{
    /// <summary>Canary strings of this statement (note, topic) that only its readers may ever receive.</summary>
    public IEnumerable<string> Canaries => new[] { Note, Topic ?? "" }.Where(c => c.StartsWith(CanaryWorld.Marker, StringComparison.Ordinal));
}

/// <summary>An item of the world. Items are public objects (their titles are no secret); who recommended them is.</summary>
internal sealed record SeedItem(string Label, string Title);

/// <summary>A recommendation of the world, with the canary strings (note, topic) only its readers may see.</summary>
internal sealed record SeedRecommendation(string Label, string From, string Item, int? Rating, string? Topic, string Visibility, string? Community, string Note)
{
    public IEnumerable<string> Canaries => new[] { Note, Topic ?? "" }.Where(c => c.StartsWith(CanaryWorld.Marker, StringComparison.Ordinal));
}

/// <summary>A collection of the world with one entry (its own label), with the canary strings (title, entry note) only its readers may see.</summary>
internal sealed record SeedCollection(string Label, string Owner, string Title, string Visibility, string? Community, string Item, string EntryLabel, string EntryNote)
{
    public IEnumerable<string> Canaries => new[] { Title, EntryNote }.Where(c => c.StartsWith(CanaryWorld.Marker, StringComparison.Ordinal));
}

/// <summary>
/// A problem of the world with one contribution (its own label), and who is invited (pending) or was invited and then
/// withdrawn; with the canary strings (title, body, contribution) only its readers may see.
/// </summary>
internal sealed record SeedProblem(
    string Label, string Author, string Title, string Body, string Visibility, string? Community,
    string ContributionLabel, string ContributionAuthor, string ContributionBody, string[] Invited, string[] Withdrawn)
{
    public IEnumerable<string> Canaries => new[] { Title, Body, ContributionBody }.Where(c => c.StartsWith(CanaryWorld.Marker, StringComparison.Ordinal));
}

/// <summary>
/// The world the canary probes run in, built the same way, with the same people (fixed ids and handles), communities
/// and write order, at three levels (<see cref="WorldLevel"/>): what a level adds never changes the order of the rest.
/// <list type="bullet">
/// <item>O (<see cref="Owner"/>) makes private, community-only (C), revoked, lapsed (community D, then O leaves D) and
/// once-private (history) statements about T, X, Y, P, N and Z, whose notes and topics carry canary strings.</item>
/// <item>P trusts O publicly (so O's statements would reach P if they propagated), and trusts Y and Z equally
/// (a tie: only a stable order keeps them in the same place).</item>
/// <item>X is known to the trust graph only through O's private statement.</item>
/// <item>M hosts C and D and trusts O publicly: C's statements reach M, D's lapsed one must not.</item>
/// <item>N is in D, not in C; S is a stranger with nothing; A is the instance administrator.</item>
/// <item>Recommendations and collections: P adds four items (public, in every world); O recommends one publicly (P
/// too), one to C, one privately and one publicly then revoked; O keeps a public collection (P follows it) and one
/// shared with C; the hidden ones carry canaries in notes, topics and titles.</item>
/// <item>Problems: O posts a public one (P contributes), one for C (M contributes), one for invited people only with M
/// invited (both seen by O and M), and one for invited people only whose invitations to M and S were withdrawn (O's
/// eyes only); the hidden ones carry canaries in their titles, bodies and contributions.</item>
/// <item>Invitations, offers, notices and blocks (<see cref="InvitationCanaries"/>): Y's public offer in every world; at the
/// private level O's invited-only problem with routed, referral and withdrawn (X) invitations, a by-hand invitation on C's
/// problem, an ask-again request on Y's offer, notices to Y and to X (withdrawn), and O's block of X — X, the blocked
/// user, must see no difference.</item>
/// </list>
/// </summary>
internal sealed class CanaryWorld : IAsyncDisposable
{
    /// <summary>Every canary starts with this, so a scan for it also finds markers nobody registered.</summary>
    public const string Marker = "canary-7f3a";

    public const string Owner = "olga_owner";
    public const string Trustee = "tomas_trustee";
    public const string Party = "pia_party";
    public const string Stranger = "sam_stranger";
    public const string Admin = "ada_admin";
    public const string Member = "mika_member";
    public const string NonMember = "noor_nonmember";
    public const string Secret = "xena_secret";
    public const string TieY = "yusuf_tie";
    public const string TieZ = "zoe_tie";
    public const string MissingHandle = "nobody_here_at_all";

    public const string C = "harbour-circle";
    public const string D = "dock-club";
    public const string MissingSlug = "no-such-circle";

    public const string MissingLabel = "missing";

    /// <summary>The one id no world has; every "does it exist" probe also asks for it.</summary>
    public static readonly Guid MissingId = Guid.Parse("019a0000-0000-7000-8000-00000000dead");

    public static readonly string[] Handles = [Owner, Trustee, Party, Stranger, Admin, Member, NonMember, Secret, TieY, TieZ];

    /// <summary>Who calls: everyone with a profile, and <see cref="Anonymous"/>.</summary>
    public const string Anonymous = "anonymous";

    public static readonly string[] Callers = [Anonymous, Stranger, Owner, Trustee, Party, Admin, Member, NonMember, Secret];

    /// <summary>Callers who are not in C: nothing of O's hidden statements may change anything they see, at any level.</summary>
    public static readonly string[] OutsideC = [Anonymous, Stranger, Trustee, Party, Admin, NonMember, Secret];

    /// <summary>Topics and texts that are not secret (used by public statements, or once-private ones made public).</summary>
    public const string PublicTopic = "sailing";
    public const string HistoryTopic = "rowing";
    public const string PublicNote = "control-note-sailing";
    public const string HistoryPublicNote = "control-note-rowing";

    public static readonly SeedStatement[] Statements =
    [
        new("p_o", Party, Owner, 1.0, null, "public", null, "Pia trusts Olga"),
        new("o_y_priv", Owner, TieY, 0.6, null, "private", null, $"{Marker}-note-oy"),
        new("p_z", Party, TieZ, 0.6, null, "public", null, ""),
        new("p_y", Party, TieY, 0.6, null, "public", null, ""),
        new("o_z_hist", Owner, TieZ, 0.25, HistoryTopic, "private", null, $"{Marker}-note-hist"),
        new("o_t_sail", Owner, Trustee, 0.6, PublicTopic, "public", null, PublicNote),
        new("o_t_priv_topic", Owner, Trustee, 1.0, $"{Marker}-topic-ot", "private", null, $"{Marker}-note-ot"),
        new("o_t_priv_general", Owner, Trustee, -1.0, null, "private", null, $"{Marker}-note-otg"),
        new("o_t_comm", Owner, Trustee, 0.6, $"{Marker}-ctopic-ot", "community", C, $"{Marker}-cnote-ot"),
        new("o_x_priv", Owner, Secret, 1.0, $"{Marker}-topic-ox", "private", null, $"{Marker}-note-ox"),
        new("t_p", Trustee, Party, 0.25, null, "public", null, ""),
        new("m_o", Member, Owner, 0.6, null, "public", null, ""),
        new("o_n_lapsed", Owner, NonMember, 0.6, $"{Marker}-ltopic-on", "community", D, $"{Marker}-lnote-on"),
        new("o_p_comm", Owner, Party, 1.0, null, "community", C, $"{Marker}-cnote-op"),
        new("n_o", NonMember, Owner, 0.25, null, "public", null, ""),
        new("o_p_rev", Owner, Party, 0.6, $"{Marker}-topic-rev", "public", null, $"{Marker}-note-rev"),
        new("a_p", Admin, Party, 0.6, null, "public", null, ""),
    ];

    public const string PublicRecommendationNote = "control-rnote-open";
    public const string PublicEntryNote = "control-centry-open";

    public static readonly SeedItem[] Items =
    [
        new("i_open", "Harbour guide"), new("i_circle", "Knot book"), new("i_hidden", "Tide tables"), new("i_gone", "Chart atlas"),
    ];

    public static readonly SeedRecommendation[] Recommendations =
    [
        new("r_o_open", Owner, "i_open", 4, PublicTopic, "public", null, PublicRecommendationNote),
        new("r_o_circle", Owner, "i_circle", 5, $"{Marker}-rctopic", "community", C, $"{Marker}-rcnote"),
        new("r_p_open", Party, "i_open", 5, null, "public", null, ""),
        new("r_o_hidden", Owner, "i_hidden", 2, $"{Marker}-rtopic", "private", null, $"{Marker}-rnote"),
        new("r_o_gone", Owner, "i_gone", 3, null, "public", null, $"{Marker}-rnote-gone"),
    ];

    public static readonly SeedCollection[] Collections =
    [
        new("c_o_open", Owner, "Harbour shelf", "public", null, "i_open", "e_o_open", PublicEntryNote),
        new("c_o_circle", Owner, $"{Marker}-ctitle", "community", C, "i_circle", "e_o_circle", $"{Marker}-centry"),
    ];

    public const string PublicProblemTitle = "Winter mooring";
    public const string PublicProblemBody = "control-qbody-open";

    public static readonly SeedProblem[] Problems =
    [
        new("q_open", Owner, PublicProblemTitle, PublicProblemBody, "public", null, "k_open", Party, "control-kbody-open", [], []),
        new("q_circle", Owner, $"{Marker}-qtitle-circle", $"{Marker}-qbody-circle", "community", C, "k_circle", Member, $"{Marker}-kbody-circle", [], []),
        new("q_invited", Owner, $"{Marker}-qtitle-invited", $"{Marker}-qbody-invited", "invited", null, "k_invited", Owner, $"{Marker}-kbody-invited", [Member], []),
        new("q_hidden", Owner, $"{Marker}-qtitle-hidden", $"{Marker}-qbody-hidden", "invited", null, "k_hidden", Owner, $"{Marker}-kbody-hidden", [], [Member, Stranger]),
    ];

    /// <summary>Statements, recommendations, collections and entries shared with C (seen by O and C's members, from <see cref="WorldLevel.Community"/> on).</summary>
    public static readonly HashSet<string> CommunityLabels =
        ["o_t_comm", "o_p_comm", "r_o_circle", "c_o_circle", "e_o_circle", "q_circle", "k_circle", "q_invited", "k_invited"];

    /// <summary>
    /// Statements and recommendations only O may ever see (from <see cref="WorldLevel.Private"/> on); o_z_hist only as
    /// its history; r_o_gone is revoked.
    /// </summary>
    public static readonly HashSet<string> PrivateLabels =
        ["o_y_priv", "o_t_priv_topic", "o_t_priv_general", "o_x_priv", "o_n_lapsed", "o_p_rev", "r_o_hidden", "r_o_gone", "q_hidden", "k_hidden",
         .. ProblemChainCanaries.Labels, .. InvitationCanaries.Labels];

    /// <summary>Who owns the thing a label names: a statement's author, a recommendation's, a collection's (and its entry's) owner, an item's adder.</summary>
    public static string OwnerOf(string label) =>
        Statements.FirstOrDefault(s => s.Label == label)?.From
        ?? Recommendations.FirstOrDefault(r => r.Label == label)?.From
        ?? Collections.FirstOrDefault(c => c.Label == label || c.EntryLabel == label)?.Owner
        ?? Problems.FirstOrDefault(p => p.Label == label)?.Author
        ?? Problems.FirstOrDefault(p => p.ContributionLabel == label)?.ContributionAuthor
        ?? (Items.Any(i => i.Label == label) ? Party
            : ProblemChainCanaries.Labels.Contains(label) || InvitationCanaries.Labels.Contains(label) ? Owner
            : label == InvitationCanaries.Offer ? TieY
            : throw new InvalidOperationException($"No seed labelled {label}"));

    /// <summary>Whether the label names a collection (its id, not an entry's).</summary>
    public static bool IsCollection(string label) => Collections.Any(c => c.Label == label);

    private CanaryWorld(RapportApp app, WorldLevel level)
    {
        App = app;
        Level = level;
    }

    public RapportApp App { get; }

    public WorldLevel Level { get; }

    /// <summary>
    /// Label to id in this world, for everything a level holds: statements, and since recommendations, items,
    /// recommendations, collections and collection entries.
    /// </summary>
    public Dictionary<string, Guid> StatementIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Every id a probe answer may carry, to a stable name: people, communities and statements.</summary>
    public Dictionary<Guid, string> Names { get; } = [];

    public Dictionary<string, TestPerson> People { get; } = new(StringComparer.Ordinal);

    /// <summary>Personal access token secrets, by handle.</summary>
    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Whether this level holds <paramref name="label"/> (as a statement row; o_z_hist is in every world, public in the end).</summary>
    public static bool Holds(WorldLevel level, string label) =>
        PrivateLabels.Contains(label) ? level >= WorldLevel.Private
        : CommunityLabels.Contains(label) ? level >= WorldLevel.Community
        : true;

    /// <summary>The id a probe uses for <paramref name="label"/>: the statement's, or (where this world lacks it) a fixed id nobody has.</summary>
    public Guid IdOf(string label) =>
        label == MissingLabel ? MissingId
        : StatementIds.TryGetValue(label, out var id) ? id
        : new Guid(MD5.HashData(Encoding.UTF8.GetBytes("absent:" + label)));

    /// <summary>
    /// Whether <paramref name="caller"/> may read <paramref name="label"/> as a statement (the visibility rule, restated as an
    /// oracle for this world). <paramref name="authorOnly"/>: a route only the author may use (history, edit, revoke, change).
    /// </summary>
    public static bool MaySee(string caller, string label, bool authorOnly)
    {
        if (label == MissingLabel || caller == Anonymous)
        {
            return false;
        }

        if (InvitationCanaries.Notices.Contains(label))
        {
            return false; // a notice is its recipient's alone, and no recipient calls (X's is about a problem X was withdrawn from)
        }

        if (label == InvitationCanaries.Offer)
        {
            return !authorOnly; // offers are public; their author (Y) does not call
        }

        if (!authorOnly && Problems.FirstOrDefault(p => p.ContributionLabel == label) is { } problem)
        {
            return MaySee(caller, problem.Label, authorOnly: false); // a contribution is visible exactly when its problem is
        }

        if (OwnerOf(label) == caller || Items.Any(i => i.Label == label))
        {
            return true; // items are public
        }

        if (authorOnly || PrivateLabels.Contains(label))
        {
            return false;
        }

        return !CommunityLabels.Contains(label) || caller == Member;
    }

    /// <summary>Canary strings <paramref name="caller"/> may receive: all of O's for O, C's for C's members, none for anyone else.</summary>
    public static IReadOnlyList<string> AllowedCanaries(string caller) => caller switch
    {
        Owner => [.. Statements.Where(s => s.From == Owner).SelectMany(s => s.Canaries),
            .. Recommendations.Where(r => r.From == Owner).SelectMany(r => r.Canaries), .. Collections.SelectMany(c => c.Canaries),
            .. Problems.SelectMany(p => p.Canaries), .. ProblemChainCanaries.Canaries, .. InvitationCanaries.OwnerCanaries],
        Member => [.. Statements.Where(s => CommunityLabels.Contains(s.Label)).SelectMany(s => s.Canaries),
            .. Recommendations.Where(r => CommunityLabels.Contains(r.Label)).SelectMany(r => r.Canaries),
            .. Collections.Where(c => CommunityLabels.Contains(c.Label)).SelectMany(c => c.Canaries),
            .. Problems.Where(p => CommunityLabels.Contains(p.Label)).SelectMany(p => p.Canaries)],
        _ => [],
    };

    /// <summary>Labels of statements whose ids <paramref name="caller"/> must never receive in this world.</summary>
    public IEnumerable<string> ForbiddenIds(string caller) =>
        StatementIds.Keys.Where(label => !MaySee(caller, label, authorOnly: false));

    public ValueTask DisposeAsync() => App.DisposeAsync();

    public static async Task<CanaryWorld> CreateAsync(DatabaseProvider provider, WorldLevel level)
    {
        var app = await RapportApp.StartAsync(provider);
        var world = new CanaryWorld(app, level);
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        foreach (var handle in Handles)
        {
            var person = await CreatePersonAsync(handle);
            People[handle] = person;
            Names[person.Person.Id] = "person:" + handle;
            Tokens[handle] = await TestPeople.CreateAccessTokenAsync(App.Services, person);
        }

        await MakeAdministratorAsync(People[Admin]);

        using var clients = new ClientSet(App, Tokens);
        // Load the graph before any statement, so every write reaches it through the change log, as on a running node.
        Expect(await clients[Stranger].GetAsync("/api/v1/trust/web", Ct), HttpStatusCode.OK, "first graph load");

        foreach (var (slug, name) in new[] { (C, "Harbour circle"), (D, "Dock club") })
        {
            Expect(await clients[Member].PostJsonAsync("/api/v1/communities", new
            {
                slug, name, description = "Boats.", norms = "Be kind.", membershipMode = "open", questions = Array.Empty<string>(),
            }), HttpStatusCode.Created, "create " + slug);
        }

        Expect(await clients[Owner].PostJsonAsync($"/api/v1/communities/{C}/membership", new { }), HttpStatusCode.OK, "O joins C");
        Expect(await clients[NonMember].PostJsonAsync($"/api/v1/communities/{D}/membership", new { }), HttpStatusCode.OK, "N joins D");
        Expect(await clients[Owner].PostJsonAsync($"/api/v1/communities/{D}/membership", new { }), HttpStatusCode.OK, "O joins D");

        foreach (var statement in Statements)
        {
            if (statement.Label == "o_z_hist" && Level < WorldLevel.Private)
            {
                continue; // stated, public, at the point where the private world makes it public
            }

            if (Holds(Level, statement.Label))
            {
                await StateAsync(clients[statement.From], statement);
            }
        }

        if (Level >= WorldLevel.Private)
        {
            Expect(await clients[Owner].DeleteAsync($"/api/v1/trust/statements/{StatementIds["o_p_rev"]}", Ct), HttpStatusCode.NoContent, "revoke o_p_rev");
            Expect(await clients[Owner].PutJsonAsync($"/api/v1/trust/statements/{StatementIds["o_z_hist"]}",
                new { value = 0.25, visibility = "public", note = HistoryPublicNote }), HttpStatusCode.OK, "make o_z_hist public");
        }
        else
        {
            await StateAsync(clients[Owner], Statements.Single(s => s.Label == "o_z_hist") with { Visibility = "public", Note = HistoryPublicNote });
        }

        Expect(await clients[Owner].DeleteAsync($"/api/v1/communities/{D}/membership", Ct), HttpStatusCode.NoContent, "O leaves D");
        await SeedRecommendationsAsync(clients);
        await SeedProblemsAsync(clients);
        await InvitationCanaries.SeedOfferAsync(App.Services, People[TieY].Person.Id, StatementIds);
        if (Level >= WorldLevel.Private)
        {
            await ProblemChainCanaries.SeedAsync(App.Services, People[Owner].Person.Id, People[Secret].Person.Id, StatementIds);
            await InvitationCanaries.SeedAsync(App.Services, People.ToDictionary(p => p.Key, p => p.Value.Person.Id), StatementIds);
        }

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        foreach (var community in db.Communities.Select(c => new { c.Id, c.Slug }).ToList())
        {
            Names[community.Id] = "community:" + community.Slug;
        }

        foreach (var (label, id) in StatementIds)
        {
            Names[id] = (label[0] switch
            {
                'i' => "item:", 'r' => "recommendation:", 'c' => "collection:", 'e' => "entry:", 'q' => "problem:", 'k' => "contribution:", _ => "statement:",
            }) + label;
        }
    }

    /// <summary>Items (in every world), then the recommendations and collections this level holds, in one fixed order.</summary>
    private async Task SeedRecommendationsAsync(ClientSet clients)
    {
        foreach (var item in Items)
        {
            var added = await clients[Party].PostJsonAsync("/api/v1/items", new { kind = "book", title = item.Title, topics = new[] { PublicTopic } });
            Expect(added, HttpStatusCode.Created, "add " + item.Label);
            StatementIds[item.Label] = (await added.ReadObjectAsync())["id"]!.GetValue<Guid>();
        }

        foreach (var r in Recommendations.Where(r => Holds(Level, r.Label)))
        {
            var response = await clients[r.From].PostJsonAsync("/api/v1/recommendations", new
            {
                itemId = StatementIds[r.Item], rating = r.Rating, note = r.Note, topic = r.Topic, visibility = r.Visibility, community = r.Community,
            });
            Expect(response, HttpStatusCode.Created, "recommend " + r.Label);
            StatementIds[r.Label] = (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
        }

        if (StatementIds.TryGetValue("r_o_gone", out var gone))
        {
            Expect(await clients[Owner].DeleteAsync($"/api/v1/recommendations/{gone}", Ct), HttpStatusCode.NoContent, "revoke r_o_gone");
        }

        foreach (var c in Collections.Where(c => Holds(Level, c.Label)))
        {
            var created = await clients[c.Owner].PostJsonAsync("/api/v1/collections", new { title = c.Title, visibility = c.Visibility, community = c.Community });
            Expect(created, HttpStatusCode.Created, "create " + c.Label);
            var id = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();
            StatementIds[c.Label] = id;
            var entry = await clients[c.Owner].PostJsonAsync($"/api/v1/collections/{id}/entries", new { itemId = StatementIds[c.Item], note = c.EntryNote });
            Expect(entry, HttpStatusCode.OK, "add to " + c.Label);
            StatementIds[c.EntryLabel] = (await entry.ReadObjectAsync())["entries"]![0]!["id"]!.GetValue<Guid>();
        }

        Expect(await clients[Party].PutJsonAsync($"/api/v1/collections/{StatementIds["c_o_open"]}/follow", new { }), HttpStatusCode.NoContent, "P follows c_o_open");
    }

    /// <summary>The problems this level holds, each with its contribution and invitations, in one fixed order.</summary>
    private async Task SeedProblemsAsync(ClientSet clients)
    {
        foreach (var p in Problems.Where(p => Holds(Level, p.Label)))
        {
            var posted = await clients[p.Author].PostJsonAsync("/api/v1/problems", new
            {
                kind = "question", title = p.Title, body = p.Body, topics = new[] { PublicTopic }, visibility = p.Visibility, community = p.Community,
            });
            Expect(posted, HttpStatusCode.Created, "post " + p.Label);
            var id = (await posted.ReadObjectAsync())["id"]!.GetValue<Guid>();
            StatementIds[p.Label] = id;
            await using (var scope = App.Services.CreateAsyncScope())
            {
                // Invitations are written directly: this world checks who sees a problem, not how invitations are made.
                var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
                foreach (var (handle, status) in p.Invited.Select(h => (h, InvitationStatus.Pending)).Concat(p.Withdrawn.Select(h => (h, InvitationStatus.Withdrawn))))
                {
                    db.Invitations.Add(new Invitation
                    {
                        ProblemId = id, InviteeId = People[handle].Person.Id, InvitedById = People[p.Author].Person.Id, Source = InvitationSource.ByHand,
                        Reason = "Asked by hand.", Status = status, CreatedAt = TimeProvider.System.GetUtcNow(),
                    });
                }

                await db.SaveChangesAsync(Ct);
            }

            var contribution = await clients[p.ContributionAuthor].PostJsonAsync($"/api/v1/problems/{id}/contributions", new { kind = "reply", body = p.ContributionBody });
            Expect(contribution, HttpStatusCode.Created, "contribute " + p.ContributionLabel);
            StatementIds[p.ContributionLabel] = (await contribution.ReadObjectAsync())["id"]!.GetValue<Guid>();
        }
    }

    private async Task StateAsync(HttpClient client, SeedStatement statement)
    {
        var response = await client.PostJsonAsync("/api/v1/trust/statements", new
        {
            to = statement.To, value = statement.Value, topic = statement.Topic, visibility = statement.Visibility,
            community = statement.Community, note = statement.Note,
        });
        Expect(response, HttpStatusCode.Created, "state " + statement.Label);
        StatementIds[statement.Label] = (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    private Task<TestPerson> CreatePersonAsync(string handle) => CreateFixedPersonAsync(App, handle);

    /// <summary>As <see cref="TestPeople.CreateAsync"/>, with ids fixed by handle so every world names the same people the same way.</summary>
    public static async Task<TestPerson> CreateFixedPersonAsync(RapportApp app, string handle)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var email = $"{handle}@example.test";
        var account = new Account { Id = FixedId("account:" + handle).ToString(), UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(account, TestPeople.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var name = string.Join(' ', handle.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var person = new Person { Id = FixedId("person:" + handle), AccountId = account.Id, Handle = handle, DisplayName = name, JoinedAt = TimeProvider.System.GetUtcNow() };
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        return new TestPerson(person, account, email, TestPeople.Password);
    }

    private async Task MakeAdministratorAsync(TestPerson person)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        if (!await roles.RoleExistsAsync(Roles.Administrator))
        {
            Assert.True((await roles.CreateAsync(new IdentityRole(Roles.Administrator))).Succeeded);
        }

        var account = await users.FindByIdAsync(person.Account.Id);
        Assert.True((await users.AddToRoleAsync(account!, Roles.Administrator)).Succeeded);
    }

    private static Guid FixedId(string seed) => new(MD5.HashData(Encoding.UTF8.GetBytes(seed)));

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string step) =>
        Assert.True(response.StatusCode == status, $"Canary world set-up, {step}: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
}

/// <summary>Token clients by handle for one app (or a second host over the same database).</summary>
internal sealed class ClientSet(WebApplicationFactory<Program> app, IReadOnlyDictionary<string, string> tokens) : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public HttpClient this[string handle]
    {
        get
        {
            if (!_clients.TryGetValue(handle, out var client))
            {
                client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
                if (handle != CanaryWorld.Anonymous)
                {
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[handle]);
                }

                _clients[handle] = client;
            }

            return client;
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
