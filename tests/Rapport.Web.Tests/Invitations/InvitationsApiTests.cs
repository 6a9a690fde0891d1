using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Interactions;
using Rapport.Core.Invitations;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Testing;
using Rapport.Web.Blocks;
using Rapport.Web.Invitations;
using Rapport.Web.Notifications;
using Rapport.Web.Offers;
using Rapport.Web.Tests.Api;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Invitations;

/// <summary>The problem chain's asks through the API: routing, answers, blocks, offers with ask again, the inbox.</summary>
public sealed class InvitationsApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Route_Answer_AndRefusals_WithProblemDetails(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var topic = $"t{Guid.NewGuid():N}"[..20];
        var adaPerson = await app.CreatePersonAsync();
        var boPerson = await app.CreatePersonAsync(configure: p => p.Competences.Add(new Competence { Topic = topic }));
        var cyPerson = await app.CreatePersonAsync();
        var (ada, bo, cy) = (await app.CreateTokenClientAsync(adaPerson), await app.CreateTokenClientAsync(boPerson), await app.CreateTokenClientAsync(cyPerson));
        var problemId = await ProblemAsync(app, adaPerson.Person.Id, topic, ProblemVisibility.Invited);

        var routed = await (await ada.PostAsync($"/api/v1/problems/{problemId}/invitations/route", null, Ct)).ReadAsync<List<InvitationResponse>>();
        var invitation = Assert.Single(routed);
        Assert.Equal((boPerson.Handle, InvitationSource.Routed), (invitation.Invitee.Handle, invitation.Source));
        Assert.Contains(topic, invitation.Why.Topics);

        await ApiProblemAssert.ProblemAsync(await cy.GetAsync($"/api/v1/problems/{problemId}/invitations", Ct), HttpStatusCode.NotFound);
        await ApiProblemAssert.ProblemAsync(await cy.PostAsync($"/api/v1/problems/{problemId}/invitations/route", null, Ct), HttpStatusCode.NotFound);
        var mine = await (await bo.GetAsync("/api/v1/invitations?pending=true", Ct)).ReadAsync<InvitationPageResponse>();
        Assert.Equal(invitation.Id, Assert.Single(mine.Items).Id);
        await ApiProblemAssert.ProblemAsync(await cy.PostAsync($"/api/v1/invitations/{invitation.Id}/accept", null, Ct), HttpStatusCode.NotFound);

        var accepted = await bo.PostAsync($"/api/v1/invitations/{invitation.Id}/accept", null, Ct);
        Assert.Equal(InvitationStatus.Accepted, (await accepted.ReadAsync<InvitationResponse>()).Status);
        var twice = await ApiProblemAssert.ProblemAsync(await bo.PostAsync($"/api/v1/invitations/{invitation.Id}/accept", null, Ct), HttpStatusCode.Conflict);
        Assert.Equal("You already accepted this invitation.", twice["detail"]!.GetValue<string>());

        await ApiProblemAssert.ProblemAsync(
            await ada.PostJsonAsync($"/api/v1/problems/{problemId}/invitations", new { handle = "nobody_at_all" }), HttpStatusCode.BadRequest, "handle");
        await ApiProblemAssert.ProblemAsync(
            await ada.PostJsonAsync($"/api/v1/problems/{problemId}/invitations", new { handle = boPerson.Handle }), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await ada.PostJsonAsync($"/api/v1/problems/{problemId}/invitations", new { handle = cyPerson.Handle, note = "You know this." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bo.PostJsonAsync("/api/v1/blocks", new { handle = adaPerson.Handle })).StatusCode);
        var next = await ProblemAsync(app, adaPerson.Person.Id, topic, ProblemVisibility.Public);
        await ApiProblemAssert.ProblemAsync(await ada.PostJsonAsync($"/api/v1/problems/{next}/invitations", new { handle = boPerson.Handle }), HttpStatusCode.BadRequest, "handle");
        Assert.Empty(await (await ada.PostAsync($"/api/v1/problems/{next}/invitations/route", null, Ct)).ReadAsync<List<InvitationResponse>>());

        var inbox = await (await ada.GetAsync("/api/v1/notifications", Ct)).ReadAsync<NotificationPageResponse>();
        Assert.Contains(inbox.Items, n => n.Kind == Core.Notifications.NotificationKind.InvitationAnswered);
        var marked = await (await ada.PostAsync("/api/v1/notifications/read-all", null, Ct)).ReadAsync<MarkedReadResponse>();
        Assert.Equal(inbox.Unread, marked.Marked);
        var blocks = await (await bo.GetAsync("/api/v1/blocks", Ct)).ReadAsync<List<BlockResponse>>();
        Assert.Equal(adaPerson.Handle, Assert.Single(blocks).Person.Handle);
        Assert.Equal(HttpStatusCode.NoContent, (await bo.DeleteAsync($"/api/v1/blocks/{adaPerson.Handle}", Ct)).StatusCode);
        await ApiProblemAssert.ProblemAsync(await bo.DeleteAsync($"/api/v1/blocks/{adaPerson.Handle}", Ct), HttpStatusCode.NotFound);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Offers_AndAskAgain_OnlyWithARelationship(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var riggerPerson = await app.CreatePersonAsync();
        var clientPerson = await app.CreatePersonAsync();
        var (rigger, client) = (await app.CreateTokenClientAsync(riggerPerson), await app.CreateTokenClientAsync(clientPerson));

        var created = await rigger.PostJsonAsync("/api/v1/offers", new { title = "Rigging checks", description = "**Standing** rigging.", topics = new[] { "rigging" } });
        var offer = await created.ReadAsync<OfferResponse>();
        await ApiProblemAssert.ProblemAsync(await rigger.PostJsonAsync("/api/v1/offers", new { title = "" }), HttpStatusCode.BadRequest, "title");
        await ApiProblemAssert.ProblemAsync(await client.PutJsonAsync($"/api/v1/offers/{offer.Id}", new { title = "Mine" }), HttpStatusCode.NotFound);
        var listed = await (await client.GetAsync($"/api/v1/offers?person={riggerPerson.Handle}", Ct)).ReadAsync<List<OfferResponse>>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(Assert.Single(listed).CanAskAgain);

        var refused = await ApiProblemAssert.ProblemAsync(await client.PostJsonAsync($"/api/v1/offers/{offer.Id}/ask-again", new { }), HttpStatusCode.Conflict);
        Assert.Contains("worked with this person before", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await InteractAsync(app, riggerPerson.Person.Id, clientPerson.Person.Id);

        var asked = await client.PostJsonAsync($"/api/v1/offers/{offer.Id}/ask-again", new { text = "The forestay again, please." });
        var again = await asked.ReadAsync<AskedAgainResponse>();
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.Equal((InvitationSource.AskAgain, "Rigging checks"), (again.Invitation.Source, again.Invitation.Why.Offer));
        var received = await (await rigger.GetAsync("/api/v1/invitations", Ct)).ReadAsync<InvitationPageResponse>();
        Assert.Equal(again.Invitation.Id, Assert.Single(received.Items).Id);
        Assert.Equal(HttpStatusCode.NoContent, (await rigger.DeleteAsync($"/api/v1/offers/{offer.Id}", Ct)).StatusCode);
    }

    /// <summary>Something happened between the two (a delivery): a relationship, for "ask again".</summary>
    internal static async Task InteractAsync(RapportApp app, Guid from, Guid to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        db.Interactions.Add(new Interaction { Id = Guid.NewGuid(), FromId = from, ToId = to, Kind = InteractionKind.Delivered, CreatedAt = DateTimeOffset.UnixEpoch });
        await db.SaveChangesAsync(Ct);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task InviteByHand_TwoConcurrentRequests_OneIsCreated_TheOtherIsTheDuplicates409(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var adaPerson = await app.CreatePersonAsync();
        var boPerson = await app.CreatePersonAsync();
        var ada = await app.CreateTokenClientAsync(adaPerson);
        var problemId = await ProblemAsync(app, adaPerson.Person.Id, "sailing", ProblemVisibility.Invited);
        var url = $"/api/v1/problems/{problemId}/invitations";

        var responses = await Task.WhenAll(ada.PostJsonAsync(url, new { handle = boPerson.Handle }), ada.PostJsonAsync(url, new { handle = boPerson.Handle }));
        var later = await ApiProblemAssert.ProblemAsync(await ada.PostJsonAsync(url, new { handle = boPerson.Handle }), HttpStatusCode.Conflict);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var raced = await ApiProblemAssert.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        Assert.Equal(later["detail"]!.GetValue<string>(), raced["detail"]!.GetValue<string>());
    }

    internal static async Task<Guid> ProblemAsync(RapportApp app, Guid authorId, string topic, ProblemVisibility visibility, string? title = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var problem = new Problem
        {
            Id = Guid.CreateVersion7(now), AuthorId = authorId, Kind = ProblemKind.Question, Title = title ?? $"Question on {topic}", Body = topic,
            Visibility = visibility, CreatedAt = now, StatusChangedAt = now,
        };
        problem.Topics.Add(new ProblemTopic { Topic = topic });
        db.Problems.Add(problem);
        await db.SaveChangesAsync(Ct);
        return problem.Id;
    }
}
