using System.Net;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Testing;
using Rapport.Web.Invitations;
using Rapport.Web.Tests.Communities;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Invitations;

/// <summary>The invitee's pages: "why you" on the invitation, accepting it, and both inboxes with the unread badge.</summary>
public sealed class InvitationPageTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Invitee_SeesWhyYou_Accepts_AndBothInboxesShowIt(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var topic = $"t{Guid.NewGuid():N}"[..20];
        var asker = await app.CreatePersonAsync(displayName: "Asker Aalto");
        var helper = await app.CreatePersonAsync(displayName: "Helper Heino", configure: p => p.Competences.Add(new Competence { Topic = topic }));
        var askerApi = await app.CreateTokenClientAsync(asker);
        Assert.Equal(HttpStatusCode.Created, (await askerApi.PostJsonAsync("/api/v1/trust/statements", new { to = helper.Handle, value = 0.6, visibility = "public" })).StatusCode);
        var problemId = await InvitationsApiTests.ProblemAsync(app, asker.Person.Id, topic, ProblemVisibility.Invited, "Winch keeps slipping");
        var invitation = Assert.Single(await (await askerApi.PostAsync($"/api/v1/problems/{problemId}/invitations/route", null, Ct)).ReadAsync<List<InvitationResponse>>());

        var browser = await app.CreateSignedInClientAsync(helper);
        var page = await (await browser.GetAsync("/invitations", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Winch keeps slipping", page, StringComparison.Ordinal);
        Assert.Contains("Why you", page, StringComparison.Ordinal);
        Assert.Contains("Trust path", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{asker.Handle}\">Asker Aalto</a>", page, StringComparison.Ordinal);
        Assert.Contains(topic, page, StringComparison.Ordinal);
        var helperInbox = await (await browser.GetAsync("/inbox", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("You were invited to help with", helperInbox, StringComparison.Ordinal);
        Assert.Contains("Winch keeps slipping", helperInbox, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"1 unread\"", helperInbox, StringComparison.Ordinal);

        var accepted = await browser.SubmitFormAsync("/invitations", new Dictionary<string, string> { ["op"] = "accept" }, $"answer-{invitation.Id}");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.EndsWith("/invitations?done=accepted", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("You accepted.", await (await browser.GetAsync("/invitations?done=accepted", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var askerBrowser = await app.CreateSignedInClientAsync(asker);
        var askerInbox = await (await askerBrowser.GetAsync("/inbox", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Your invitation to help with", askerInbox, StringComparison.Ordinal);
        Assert.Contains("was accepted.", askerInbox, StringComparison.Ordinal);
        var read = await askerBrowser.SubmitFormAsync("/inbox", new Dictionary<string, string>(), "read-all");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Contains("Everything is read.", await (await askerBrowser.GetAsync("/inbox", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var asked = await (await askerBrowser.GetAsync($"/problems/{problemId}/invitations", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Helper Heino", asked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/problems/{problemId}/invitations", Ct)).StatusCode);
    }
}
