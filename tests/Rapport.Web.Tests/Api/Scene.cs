using System.Net;
using System.Text.Json.Nodes;
using Rapport.Testing;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Api;

/// <summary>A caller with a token client.</summary>
internal sealed record Actor(TestPerson Person, HttpClient Client)
{
    public string Handle => Person.Handle;
}

/// <summary>
/// A small world in which every API write has something to act on: a host with three communities (open,
/// by application, by invitation) and a competence; a member of the open one; an applicant with a pending
/// application; a stranger with nothing; a second host with a community of their own; three statements of the host's
/// about the member (public, shared with the open community, private). Built through the API.
/// </summary>
internal sealed class Scene
{
    public required RapportApp App { get; init; }
    public required Actor Host { get; init; }
    public required Actor Member { get; init; }
    public required Actor Applicant { get; init; }
    public required Actor Stranger { get; init; }
    public required Actor OtherHost { get; init; }
    public required string Open { get; init; }
    public required string ByApplication { get; init; }
    public required string ByInvitation { get; init; }
    public required string OtherCommunity { get; init; }
    public required Guid ApplicationId { get; init; }
    public required Guid InvitationId { get; init; }
    public required string InvitationSecret { get; init; }
    public required long HostCompetenceId { get; init; }

    /// <summary>The host's statements about the member: public (on sailing), shared with the open community, private.</summary>
    public required Guid PublicStatementId { get; init; }
    public required Guid CommunityStatementId { get; init; }
    public required Guid PrivateStatementId { get; init; }

    /// <summary>Items A, B and C; the host recommends A publicly, B privately and C to the open community.</summary>
    public required Guid ItemId { get; init; }
    public required Guid OtherItemId { get; init; }
    public required Guid PublicRecommendationId { get; init; }
    public required Guid PrivateRecommendationId { get; init; }
    public required Guid CommunityRecommendationId { get; init; }

    /// <summary>The host's public collection holding item A (the member follows it), and one shared with the open community.</summary>
    public required Guid CollectionId { get; init; }
    public required Guid EntryId { get; init; }
    public required Guid CommunityCollectionId { get; init; }

    /// <summary>The host's public problem with the member's contribution, and one for invited people only (nobody invited) with the host's.</summary>
    public required Guid PublicProblemId { get; init; }
    public required Guid ContributionId { get; init; }
    public required Guid InvitedProblemId { get; init; }
    public required Guid InvitedContributionId { get; init; }
    /// <summary>
    /// Agreements between the host (asker) and the member (helper, a contributor), one problem each: proposed by the host,
    /// confirmed, delivered; and a closed problem of the host's.
    /// </summary>
    public required (Guid Problem, Guid Agreement) Proposed { get; init; }
    public required (Guid Problem, Guid Agreement) Confirmed { get; init; }
    public required (Guid Problem, Guid Agreement) Delivered { get; init; }
    public required Guid ClosedProblemId { get; init; }

    /// <summary>The host's public problem on sailing (the other host knows sailing), its invitation to the member, the member's notice of it.</summary>
    public required Guid ProblemId { get; init; }
    public required Guid ProblemInvitationId { get; init; }
    public required Guid NotificationId { get; init; }

    /// <summary>The host's offer; the member already worked with the host, so may ask again. The other host blocked the stranger.</summary>
    public required Guid OfferId { get; init; }

    public static async Task<Scene> CreateAsync(RapportApp app)
    {
        var host = await ActorAsync(app, "host");
        var member = await ActorAsync(app, "member");
        var applicant = await ActorAsync(app, "applicant");
        var stranger = await ActorAsync(app, "stranger");
        var otherHost = await ActorAsync(app, "other");

        var open = await host.Client.CreateCommunityAsync("open");
        var byApplication = await host.Client.CreateCommunityAsync("byApplication", "Why do you want to join?");
        var byInvitation = await host.Client.CreateCommunityAsync("byInvitation");
        var otherCommunity = await otherHost.Client.CreateCommunityAsync("byApplication", "Why?");
        Expect(await member.Client.PostJsonAsync($"/api/v1/communities/{open}/membership", new { }), HttpStatusCode.OK);

        var applied = await applicant.Client.PostJsonAsync($"/api/v1/communities/{byApplication}/applications", new { answers = new[] { "I sail." } });
        var applicationId = (await ReadAsync(applied, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var invited = await host.Client.PostJsonAsync($"/api/v1/communities/{byInvitation}/invitations", new { expiresInDays = 7, maxUses = 10 });
        var invitation = await ReadAsync(invited, HttpStatusCode.Created);
        var competence = await host.Client.PostJsonAsync("/api/v1/people/me/competences", new { topic = "sailing", context = "Baltic" });
        var statements = new List<Guid>();
        foreach (var body in new object[]
        {
            new { to = member.Handle, value = 0.6, topic = "sailing", visibility = "public", note = "Public note." },
            new { to = member.Handle, value = 1.0, visibility = "community", community = open, note = "Community note." },
            new { to = member.Handle, value = -1.0, topic = "knots", visibility = "private", note = "Private note." },
        })
        {
            statements.Add((await ReadAsync(await host.Client.PostJsonAsync("/api/v1/trust/statements", body), HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        }

        var items = new List<Guid>();
        foreach (var title in new[] { "A", "B", "C" })
        {
            var item = await host.Client.PostJsonAsync("/api/v1/items", new { kind = "book", title = $"Book {title}", url = $"https://books.example/{Guid.NewGuid():N}" });
            items.Add((await ReadAsync(item, HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        }

        var recommendations = new List<Guid>();
        foreach (var body in new object[]
        {
            new { itemId = items[0], rating = 5, visibility = "public", note = "Public recommendation." },
            new { itemId = items[1], rating = 2, visibility = "private", note = "Private recommendation." },
            new { itemId = items[2], visibility = "community", community = open, note = "Community recommendation." },
        })
        {
            recommendations.Add((await ReadAsync(await host.Client.PostJsonAsync("/api/v1/recommendations", body), HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        }

        var collection = await ReadAsync(
            await host.Client.PostJsonAsync("/api/v1/collections", new { title = "Sea books", visibility = "public" }), HttpStatusCode.Created);
        var collectionId = collection["id"]!.GetValue<Guid>();
        var filled = await ReadAsync(
            await host.Client.PostJsonAsync($"/api/v1/collections/{collectionId}/entries", new { itemId = items[0], note = "Start here." }), HttpStatusCode.OK);
        var shared = await ReadAsync(
            await host.Client.PostJsonAsync("/api/v1/collections", new { title = "Club books", visibility = "community", community = open }), HttpStatusCode.Created);
        Expect(await member.Client.PutAsync($"/api/v1/collections/{collectionId}/follow", null), HttpStatusCode.NoContent);
        var problems = new List<Guid>();
        foreach (var visibility in new[] { "public", "invited" })
        {
            var problem = await host.Client.PostJsonAsync("/api/v1/problems", new { kind = "question", title = $"A {visibility} problem", body = "Context.", visibility });
            problems.Add((await ReadAsync(problem, HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        }

        var contribution = await ReadAsync(await member.Client.PostJsonAsync(
            $"/api/v1/problems/{problems[0]}/contributions", new { kind = "reply", body = "Try this." }), HttpStatusCode.Created);
        var invitedContribution = await ReadAsync(await host.Client.PostJsonAsync(
            $"/api/v1/problems/{problems[1]}/contributions", new { kind = "reply", body = "More context." }), HttpStatusCode.Created);

        async Task<(Guid Problem, Guid Agreement)> AgreementAsync(string title, int steps)
        {
            var posted = await ReadAsync(await host.Client.PostJsonAsync("/api/v1/problems", new { kind = "problem", title, body = "Context.", visibility = "public" }), HttpStatusCode.Created);
            var id = posted["id"]!.GetValue<Guid>();
            Expect(await member.Client.PostJsonAsync($"/api/v1/problems/{id}/contributions", new { kind = "proposal", body = "I can do it." }), HttpStatusCode.Created);
            var agreement = (await ReadAsync(await host.Client.PostJsonAsync(
                $"/api/v1/problems/{id}/agreements", new { helper = member.Handle, scope = "Patch the hull", terms = "Cash" }), HttpStatusCode.Created))["id"]!.GetValue<Guid>();
            if (steps >= 1)
            {
                Expect(await member.Client.PostJsonAsync($"/api/v1/problems/{id}/agreements/{agreement}/confirm", new { }), HttpStatusCode.OK);
            }

            if (steps >= 2)
            {
                Expect(await member.Client.PostJsonAsync($"/api/v1/problems/{id}/agreements/{agreement}/deliver", new { }), HttpStatusCode.OK);
            }

            return (id, agreement);
        }

        var proposed = await AgreementAsync("A proposed agreement", 0);
        var confirmed = await AgreementAsync("A confirmed agreement", 1);
        var delivered = await AgreementAsync("A delivered agreement", 2);
        var closed = (await ReadAsync(await host.Client.PostJsonAsync(
            "/api/v1/problems", new { kind = "question", title = "A closed problem", body = "Context.", visibility = "public" }), HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        Expect(await host.Client.PostJsonAsync($"/api/v1/problems/{closed}/resolution", new { outcome = "closed", summary = "Solved elsewhere." }), HttpStatusCode.Created);

        var problemId = await Invitations.InvitationsApiTests.ProblemAsync(app, host.Person.Person.Id, "sailing", Core.Problems.ProblemVisibility.Public);
        Expect(await otherHost.Client.PostJsonAsync("/api/v1/people/me/competences", new { topic = "sailing" }), HttpStatusCode.Created);
        var problemInvitation = await ReadAsync(
            await host.Client.PostJsonAsync($"/api/v1/problems/{problemId}/invitations", new { handle = member.Handle, note = "You sail." }), HttpStatusCode.Created);
        var notices = await ReadAsync(await member.Client.GetAsync("/api/v1/notifications"), HttpStatusCode.OK);
        var offer = await ReadAsync(await host.Client.PostJsonAsync("/api/v1/offers", new { title = "Rigging checks", topics = new[] { "rigging" } }), HttpStatusCode.Created);
        Expect(await otherHost.Client.PostJsonAsync("/api/v1/blocks", new { handle = stranger.Handle }), HttpStatusCode.OK);
        await Invitations.InvitationsApiTests.InteractAsync(app, host.Person.Person.Id, member.Person.Person.Id);

        return new Scene
        {
            App = app, Host = host, Member = member, Applicant = applicant, Stranger = stranger, OtherHost = otherHost,
            Open = open, ByApplication = byApplication, ByInvitation = byInvitation, OtherCommunity = otherCommunity,
            ApplicationId = applicationId,
            InvitationId = invitation["link"]!["id"]!.GetValue<Guid>(),
            InvitationSecret = invitation["secret"]!.GetValue<string>(),
            HostCompetenceId = (await ReadAsync(competence, HttpStatusCode.Created))["id"]!.GetValue<long>(),
            PublicStatementId = statements[0],
            CommunityStatementId = statements[1],
            PrivateStatementId = statements[2],
            ItemId = items[0],
            OtherItemId = items[1],
            PublicRecommendationId = recommendations[0],
            PrivateRecommendationId = recommendations[1],
            CommunityRecommendationId = recommendations[2],
            CollectionId = collectionId,
            EntryId = filled["entries"]![0]!["id"]!.GetValue<Guid>(),
            CommunityCollectionId = shared["id"]!.GetValue<Guid>(),
            PublicProblemId = problems[0],
            ContributionId = contribution["id"]!.GetValue<Guid>(),
            InvitedProblemId = problems[1],
            InvitedContributionId = invitedContribution["id"]!.GetValue<Guid>(),
            Proposed = proposed,
            Confirmed = confirmed,
            Delivered = delivered,
            ClosedProblemId = closed,
            ProblemId = problemId,
            ProblemInvitationId = problemInvitation["id"]!.GetValue<Guid>(),
            NotificationId = notices["items"]![0]!["id"]!.GetValue<Guid>(),
            OfferId = offer["id"]!.GetValue<Guid>(),
        };
    }

    private static async Task<Actor> ActorAsync(RapportApp app, string stem)
    {
        var person = await app.CreatePersonAsync(TestPeople.UniqueHandle(stem[..1]));
        return new Actor(person, await app.CreateTokenClientAsync(person));
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status) =>
        Assert.True(response.StatusCode == status, $"Scene set-up: {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Expect(response, status);
        return await response.ReadObjectAsync();
    }
}
