using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Api;

/// <summary>
/// "Private and missing answer identically": for every route that names something the caller may not see
/// (applications, invitation links, host-only resources, other people's competences, trust statements), the answer for an
/// existing-but-not-yours object is the answer for one that does not exist: same status, same headers, same
/// bytes, except the trace id. Anything else would let a stranger probe which ids, slugs or handles exist.
/// </summary>
public sealed class PrivateAndMissingTests(Apps apps)
{
    private const string MissingSlug = "no-such-community-here";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Probe(string Name, Func<Scene, Actor> Caller, HttpMethod Method, Func<Scene, string> Hidden, Func<Scene, string> Missing,
        JsonObject? Body = null);

    private static readonly Probe[] Probes =
    [
        new("GetApplication, stranger", s => s.Stranger, HttpMethod.Get,
            s => $"/api/v1/communities/{s.ByApplication}/applications/{s.ApplicationId}", s => $"/api/v1/communities/{s.ByApplication}/applications/{Guid.NewGuid()}"),
        new("GetApplication, member of the community", s => s.Member, HttpMethod.Get,
            s => $"/api/v1/communities/{s.ByApplication}/applications/{s.ApplicationId}", s => $"/api/v1/communities/{MissingSlug}/applications/{s.ApplicationId}"),
        new("GetApplication, host of another community", s => s.OtherHost, HttpMethod.Get,
            s => $"/api/v1/communities/{s.OtherCommunity}/applications/{s.ApplicationId}", s => $"/api/v1/communities/{s.OtherCommunity}/applications/{Guid.NewGuid()}"),
        new("ListApplications, applicant", s => s.Applicant, HttpMethod.Get,
            s => $"/api/v1/communities/{s.ByApplication}/applications", _ => $"/api/v1/communities/{MissingSlug}/applications"),
        new("ApproveApplication, applicant approving themselves", s => s.Applicant, HttpMethod.Post,
            s => $"/api/v1/communities/{s.ByApplication}/applications/{s.ApplicationId}/approve",
            s => $"/api/v1/communities/{s.ByApplication}/applications/{Guid.NewGuid()}/approve", new JsonObject { ["message"] = "ok" }),
        new("DeclineApplication, stranger", s => s.Stranger, HttpMethod.Post,
            s => $"/api/v1/communities/{s.ByApplication}/applications/{s.ApplicationId}/decline",
            s => $"/api/v1/communities/{s.ByApplication}/applications/{Guid.NewGuid()}/decline"),
        new("ApproveApplication, host of another community", s => s.OtherHost, HttpMethod.Post,
            s => $"/api/v1/communities/{s.OtherCommunity}/applications/{s.ApplicationId}/approve",
            s => $"/api/v1/communities/{s.OtherCommunity}/applications/{Guid.NewGuid()}/approve"),
        new("WithdrawApplication, the community's host", s => s.Host, HttpMethod.Delete,
            s => $"/api/v1/communities/{s.ByApplication}/applications/{s.ApplicationId}", s => $"/api/v1/communities/{s.ByApplication}/applications/{Guid.NewGuid()}"),
        new("WithdrawApplication, stranger", s => s.Stranger, HttpMethod.Delete,
            s => $"/api/v1/communities/{s.ByApplication}/applications/{s.ApplicationId}", _ => $"/api/v1/communities/{MissingSlug}/applications/{Guid.NewGuid()}"),
        new("ListInvitationLinks, member", s => s.Member, HttpMethod.Get,
            s => $"/api/v1/communities/{s.Open}/invitations", _ => $"/api/v1/communities/{MissingSlug}/invitations"),
        new("CreateInvitationLink, stranger", s => s.Stranger, HttpMethod.Post,
            s => $"/api/v1/communities/{s.ByInvitation}/invitations", _ => $"/api/v1/communities/{MissingSlug}/invitations",
            new JsonObject { ["expiresInDays"] = 7 }),
        new("RevokeInvitationLink, stranger", s => s.Stranger, HttpMethod.Delete,
            s => $"/api/v1/communities/{s.ByInvitation}/invitations/{s.InvitationId}", s => $"/api/v1/communities/{s.ByInvitation}/invitations/{Guid.NewGuid()}"),
        new("RevokeInvitationLink, host of another community", s => s.OtherHost, HttpMethod.Delete,
            s => $"/api/v1/communities/{s.OtherCommunity}/invitations/{s.InvitationId}", s => $"/api/v1/communities/{s.OtherCommunity}/invitations/{Guid.NewGuid()}"),
        new("UpdateCommunity, member", s => s.Member, HttpMethod.Put,
            s => $"/api/v1/communities/{s.Open}", _ => $"/api/v1/communities/{MissingSlug}",
            new JsonObject { ["name"] = "Mine now", ["membershipMode"] = "open" }),
        new("ChangeCommunityRole, member", s => s.Member, HttpMethod.Put,
            s => $"/api/v1/communities/{s.Open}/members/{s.Member.Handle}/role", s => $"/api/v1/communities/{MissingSlug}/members/{s.Member.Handle}/role",
            new JsonObject { ["role"] = "host" }),
        new("ChangeCommunityRole, host naming a non-member", s => s.Host, HttpMethod.Put,
            s => $"/api/v1/communities/{s.Open}/members/{s.Stranger.Handle}/role", s => $"/api/v1/communities/{s.Open}/members/nobody_by_this_name/role",
            new JsonObject { ["role"] = "host" }),
        new("RemoveMyCompetence, someone else's", s => s.Stranger, HttpMethod.Delete,
            s => $"/api/v1/people/me/competences/{s.HostCompetenceId}", _ => $"/api/v1/people/me/competences/{long.MaxValue}"),
        new("LeaveCommunity, not a member", s => s.Stranger, HttpMethod.Delete,
            s => $"/api/v1/communities/{s.Open}/membership", _ => $"/api/v1/communities/{MissingSlug}/membership"),
        new("GetTrustStatement, stranger, private", s => s.Stranger, HttpMethod.Get,
            s => $"/api/v1/trust/statements/{s.PrivateStatementId}", _ => $"/api/v1/trust/statements/{Guid.NewGuid()}"),
        new("GetTrustStatement, the subject of a private one", s => s.Member, HttpMethod.Get,
            s => $"/api/v1/trust/statements/{s.PrivateStatementId}", _ => $"/api/v1/trust/statements/{Guid.NewGuid()}"),
        new("GetTrustStatement, not in its community", s => s.Stranger, HttpMethod.Get,
            s => $"/api/v1/trust/statements/{s.CommunityStatementId}", _ => $"/api/v1/trust/statements/{Guid.NewGuid()}"),
        new("GetTrustStatementHistory, the subject of a public one", s => s.Member, HttpMethod.Get,
            s => $"/api/v1/trust/statements/{s.PublicStatementId}/history", _ => $"/api/v1/trust/statements/{Guid.NewGuid()}/history"),
        new("ChangeTrustStatement, the subject", s => s.Member, HttpMethod.Put,
            s => $"/api/v1/trust/statements/{s.PublicStatementId}", _ => $"/api/v1/trust/statements/{Guid.NewGuid()}",
            new JsonObject { ["value"] = 1, ["visibility"] = "public" }),
        new("RevokeTrustStatement, stranger, private", s => s.Stranger, HttpMethod.Delete,
            s => $"/api/v1/trust/statements/{s.PrivateStatementId}", _ => $"/api/v1/trust/statements/{Guid.NewGuid()}"),
        new("RevokeTrustStatement, a member of its community", s => s.Member, HttpMethod.Delete,
            s => $"/api/v1/trust/statements/{s.CommunityStatementId}", _ => $"/api/v1/trust/statements/{Guid.NewGuid()}"),
        new("GetRecommendation, stranger, private", s => s.Stranger, HttpMethod.Get,
            s => $"/api/v1/recommendations/{s.PrivateRecommendationId}", _ => $"/api/v1/recommendations/{Guid.NewGuid()}"),
        new("GetRecommendation, not in its community", s => s.Stranger, HttpMethod.Get,
            s => $"/api/v1/recommendations/{s.CommunityRecommendationId}", _ => $"/api/v1/recommendations/{Guid.NewGuid()}"),
        new("GetRecommendationHistory, someone else's public one", s => s.Member, HttpMethod.Get,
            s => $"/api/v1/recommendations/{s.PublicRecommendationId}/history", _ => $"/api/v1/recommendations/{Guid.NewGuid()}/history"),
        new("ChangeRecommendation, someone else's", s => s.Member, HttpMethod.Put,
            s => $"/api/v1/recommendations/{s.PublicRecommendationId}", _ => $"/api/v1/recommendations/{Guid.NewGuid()}",
            new JsonObject { ["rating"] = 1, ["visibility"] = "public" }),
        new("RevokeRecommendation, stranger, private", s => s.Stranger, HttpMethod.Delete,
            s => $"/api/v1/recommendations/{s.PrivateRecommendationId}", _ => $"/api/v1/recommendations/{Guid.NewGuid()}"),
        new("GetCollection, not in its community", s => s.Stranger, HttpMethod.Get,
            s => $"/api/v1/collections/{s.CommunityCollectionId}", _ => $"/api/v1/collections/{Guid.NewGuid()}"),
        new("FollowCollection, not in its community", s => s.Stranger, HttpMethod.Put,
            s => $"/api/v1/collections/{s.CommunityCollectionId}/follow", _ => $"/api/v1/collections/{Guid.NewGuid()}/follow"),
        new("ForkCollection, not in its community", s => s.Stranger, HttpMethod.Post,
            s => $"/api/v1/collections/{s.CommunityCollectionId}/forks", _ => $"/api/v1/collections/{Guid.NewGuid()}/forks", new JsonObject()),
        new("EditCollection, someone else's", s => s.Member, HttpMethod.Put,
            s => $"/api/v1/collections/{s.CollectionId}", _ => $"/api/v1/collections/{Guid.NewGuid()}",
            new JsonObject { ["title"] = "Mine now", ["visibility"] = "public" }),
        new("DeleteCollection, someone else's", s => s.Member, HttpMethod.Delete,
            s => $"/api/v1/collections/{s.CollectionId}", _ => $"/api/v1/collections/{Guid.NewGuid()}"),
        new("AddCollectionEntry, someone else's", s => s.Stranger, HttpMethod.Post,
            s => $"/api/v1/collections/{s.CollectionId}/entries", _ => $"/api/v1/collections/{Guid.NewGuid()}/entries",
            new JsonObject { ["itemId"] = Guid.Empty }),
        new("RemoveCollectionEntry, someone else's", s => s.Stranger, HttpMethod.Delete,
            s => $"/api/v1/collections/{s.CollectionId}/entries/{s.EntryId}", s => $"/api/v1/collections/{s.CollectionId}/entries/{Guid.NewGuid()}"),
        new("GetProblem, stranger, invited only", s => s.Stranger, HttpMethod.Get,
            s => $"/api/v1/problems/{s.InvitedProblemId}", _ => $"/api/v1/problems/{Guid.NewGuid()}"),
        new("ListContributions, stranger, invited only", s => s.Stranger, HttpMethod.Get,
            s => $"/api/v1/problems/{s.InvitedProblemId}/contributions", _ => $"/api/v1/problems/{Guid.NewGuid()}/contributions"),
        new("Contribute, stranger, invited only", s => s.Stranger, HttpMethod.Post,
            s => $"/api/v1/problems/{s.InvitedProblemId}/contributions", _ => $"/api/v1/problems/{Guid.NewGuid()}/contributions",
            new JsonObject { ["kind"] = "reply", ["body"] = "Let me in." }),
        new("ThankContribution, stranger, invited only", s => s.Stranger, HttpMethod.Post,
            s => $"/api/v1/problems/{s.InvitedProblemId}/contributions/{s.InvitedContributionId}/thanks",
            s => $"/api/v1/problems/{s.InvitedProblemId}/contributions/{Guid.NewGuid()}/thanks"),
        new("EditProblem, someone else's public one", s => s.Member, HttpMethod.Put,
            s => $"/api/v1/problems/{s.PublicProblemId}", _ => $"/api/v1/problems/{Guid.NewGuid()}",
            new JsonObject { ["kind"] = "question", ["title"] = "Mine now", ["visibility"] = "public" }),
    ];

    public static TheoryData<DatabaseProvider, string> Cases()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new Providers().Select(row => row.Data))
        {
            foreach (var probe in Probes)
            {
                data.Add(provider, probe.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HiddenObject_AnswersExactlyLikeAMissingOne(DatabaseProvider provider, string probeName)
    {
        var app = await apps.ForAsync(provider);
        var scene = await Scene.CreateAsync(app);
        var probe = Probes.Single(p => p.Name == probeName);
        var client = probe.Caller(scene).Client;

        var hidden = await AnswerAsync(client, probe.Method, probe.Hidden(scene), probe.Body);
        var missing = await AnswerAsync(client, probe.Method, probe.Missing(scene), probe.Body);

        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.Equal(missing, hidden);
    }

    /// <summary>Status, every header but Date, and the body with the trace id's value blanked (its length kept in Content-Length's place).</summary>
    private sealed record Answer(HttpStatusCode Status, string Headers, string Body);

    private static async Task<Answer> AnswerAsync(HttpClient client, HttpMethod method, string url, JsonObject? body)
    {
        var request = new HttpRequestMessage(method, url)
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var traceId = JsonNode.Parse(text)?["traceId"]?.GetValue<string>() ?? "";
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not "Date")
            .Select(h => h.Key == "Content-Length" ? $"Content-Length: {long.Parse(h.Value.Single(), System.Globalization.CultureInfo.InvariantCulture) - traceId.Length}" : $"{h.Key}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal);
        return new Answer(response.StatusCode, string.Join("\n", headers), traceId.Length == 0 ? text : text.Replace(traceId, "{traceId}", StringComparison.Ordinal));
    }
}
