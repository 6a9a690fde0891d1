using System.Text.Json.Nodes;

namespace Rapport.Web.Tests.Api;

/// <summary>A field's maximum and a body that goes one past it; the error is expected under <see cref="Field"/>.</summary>
internal sealed record Limit(string Field, Func<JsonObject, JsonObject> Exceed)
{
    public static Limit Text(string field, int max) => new(field, body => JsonPaths.Set(body, field, new string('x', max + 1)));

    public static Limit Number(string field, int max) => new(field, body => JsonPaths.Set(body, field, max + 1));

    public static Limit List(string field, int max, Func<int, JsonNode> item) =>
        new(field, body => JsonPaths.Set(body, field, new JsonArray([.. Enumerable.Range(0, max + 1).Select(item)])));
}

/// <summary>
/// One API endpoint that changes something, called the way it succeeds: who calls it, where, and (if it
/// takes one) a valid body. <see cref="WriteEndpointTable"/> lists every one; a test fails when an endpoint is missing.
/// </summary>
internal sealed record WriteEndpoint(
    string Name,
    HttpMethod Method,
    Func<Scene, string> Url,
    Func<Scene, Actor> Caller,
    Func<Scene, JsonObject>? Body = null,
    bool BodyOptional = false,
    IReadOnlyList<Limit>? Limits = null)
{
    public override string ToString() => Name;
}

internal static class WriteEndpointTable
{
    private static readonly Limit[] CommunityTextLimits =
    [
        Limit.Text("name", 80), Limit.Text("description", 4000), Limit.Text("norms", 4000),
        Limit.List("questions", 10, i => $"Question {i}?"), Limit.Text("questions[0]", 500),
    ];

    private static readonly Limit[] ProblemLimits =
    [
        Limit.Text("title", 200), Limit.Text("body", 20000), Limit.List("topics", 8, i => $"topic {i}"), Limit.Text("place", 200),
        Limit.Text("community", 40),
    ];

    public static readonly IReadOnlyList<WriteEndpoint> All =
    [
        new("UpdateMyProfile", HttpMethod.Put, _ => "/api/v1/people/me", s => s.Host,
            _ => new JsonObject { ["displayName"] = "Aino Virtanen", ["bio"] = "Harbour *pilot*.", ["availability"] = "busy", ["attentionBudget"] = 5 },
            Limits: [Limit.Text("displayName", 80), Limit.Text("bio", 4000), Limit.Number("attentionBudget", 100)]),
        new("ReplaceMyCompetences", HttpMethod.Put, _ => "/api/v1/people/me/competences", s => s.Host,
            _ => new JsonObject { ["competences"] = new JsonArray(new JsonObject { ["topic"] = "piloting", ["context"] = "Helsinki harbour" }) },
            Limits:
            [
                Limit.List("competences", 30, i => new JsonObject { ["topic"] = $"topic {i}" }),
                Limit.Text("competences[0].topic", 60), Limit.Text("competences[0].context", 80),
            ]),
        new("AddMyCompetence", HttpMethod.Post, _ => "/api/v1/people/me/competences", s => s.Host,
            _ => new JsonObject { ["topic"] = "rowing", ["context"] = "Turku" },
            Limits: [Limit.Text("topic", 60), Limit.Text("context", 80)]),
        new("RemoveMyCompetence", HttpMethod.Delete, s => $"/api/v1/people/me/competences/{s.HostCompetenceId}", s => s.Host),
        new("EndMySessions", HttpMethod.Delete, _ => "/api/v1/me/sessions", s => s.Host),
        new("CreateCommunity", HttpMethod.Post, _ => "/api/v1/communities", s => s.Stranger,
            _ => new JsonObject
            {
                ["slug"] = $"n-{Guid.NewGuid():N}"[..20], ["name"] = "Night sailors", ["description"] = "We *sail* at night.",
                ["norms"] = "Be kind.", ["membershipMode"] = "byApplication", ["questions"] = new JsonArray("Why?"),
            },
            Limits: [Limit.Text("slug", 40), .. CommunityTextLimits]),
        new("UpdateCommunity", HttpMethod.Put, s => $"/api/v1/communities/{s.ByApplication}", s => s.Host,
            _ => new JsonObject
            {
                ["name"] = "Renamed", ["description"] = "New words.", ["norms"] = "Still kind.", ["membershipMode"] = "byApplication",
                ["questions"] = new JsonArray("Why?"),
            },
            Limits: CommunityTextLimits),
        new("JoinCommunity", HttpMethod.Post, s => $"/api/v1/communities/{s.Open}/membership", s => s.Stranger),
        new("LeaveCommunity", HttpMethod.Delete, s => $"/api/v1/communities/{s.Open}/membership", s => s.Member),
        new("ChangeCommunityRole", HttpMethod.Put, s => $"/api/v1/communities/{s.Open}/members/{s.Member.Handle}/role", s => s.Host,
            _ => new JsonObject { ["role"] = "host" }),
        new("ApplyToCommunity", HttpMethod.Post, s => $"/api/v1/communities/{s.ByApplication}/applications", s => s.Stranger,
            _ => new JsonObject { ["answers"] = new JsonArray("Because I sail.") },
            Limits: [Limit.List("answers", 1, i => $"Answer {i}"), Limit.Text("answers[0]", 2000)]),
        new("ApproveApplication", HttpMethod.Post, s => $"/api/v1/communities/{s.ByApplication}/applications/{s.ApplicationId}/approve", s => s.Host,
            _ => new JsonObject { ["message"] = "Welcome aboard." }, BodyOptional: true,
            Limits: [Limit.Text("message", 2000)]),
        new("DeclineApplication", HttpMethod.Post, s => $"/api/v1/communities/{s.ByApplication}/applications/{s.ApplicationId}/decline", s => s.Host,
            _ => new JsonObject { ["message"] = "Not this season." }, BodyOptional: true,
            Limits: [Limit.Text("message", 2000)]),
        new("WithdrawApplication", HttpMethod.Delete, s => $"/api/v1/communities/{s.ByApplication}/applications/{s.ApplicationId}", s => s.Applicant),
        new("CreateInvitationLink", HttpMethod.Post, s => $"/api/v1/communities/{s.ByInvitation}/invitations", s => s.Host,
            _ => new JsonObject { ["expiresInDays"] = 7, ["maxUses"] = 10 },
            Limits: [Limit.Number("expiresInDays", 30), Limit.Number("maxUses", 1000)]),
        new("RevokeInvitationLink", HttpMethod.Delete, s => $"/api/v1/communities/{s.ByInvitation}/invitations/{s.InvitationId}", s => s.Host),
        new("AcceptInvitation", HttpMethod.Post, s => $"/api/v1/invitations/{s.InvitationSecret}/accept", s => s.Stranger),
        new("StateTrust", HttpMethod.Post, _ => "/api/v1/trust/statements", s => s.Host,
            s => new JsonObject { ["to"] = s.Stranger.Handle, ["value"] = 0.6, ["topic"] = "sailing", ["visibility"] = "public", ["note"] = "Good crew." },
            Limits: [Limit.Text("to", 31), Limit.Number("value", 1), Limit.Text("topic", 60), Limit.Text("community", 40), Limit.Text("note", 2000)]),
        new("ChangeTrustStatement", HttpMethod.Put, s => $"/api/v1/trust/statements/{s.PublicStatementId}", s => s.Host,
            _ => new JsonObject { ["value"] = 0.25, ["visibility"] = "private", ["note"] = "Less sure now." },
            Limits: [Limit.Number("value", 1), Limit.Text("community", 40), Limit.Text("note", 2000)]),
        new("RevokeTrustStatement", HttpMethod.Delete, s => $"/api/v1/trust/statements/{s.PublicStatementId}", s => s.Host),
        new("AddItem", HttpMethod.Post, _ => "/api/v1/items", s => s.Stranger,
            _ => new JsonObject
            {
                ["kind"] = "book", ["title"] = "The Sea Around Us", ["description"] = "Rachel *Carson*.",
                ["url"] = $"https://books.example/{Guid.NewGuid():N}?utm_source=x", ["topics"] = new JsonArray("oceans"),
            },
            Limits:
            [
                Limit.Text("title", 200), Limit.Text("description", 4000), Limit.Text("url", 2000),
                Limit.List("topics", 8, i => $"topic {i}"),
            ]),
        new("Recommend", HttpMethod.Post, _ => "/api/v1/recommendations", s => s.Stranger,
            s => new JsonObject { ["itemId"] = s.ItemId, ["rating"] = 4, ["note"] = "A *classic*.", ["topic"] = "oceans", ["visibility"] = "public" },
            Limits: [Limit.Number("rating", 5), Limit.Text("note", 2000), Limit.Text("topic", 60), Limit.Text("community", 40)]),
        new("ChangeRecommendation", HttpMethod.Put, s => $"/api/v1/recommendations/{s.PublicRecommendationId}", s => s.Host,
            _ => new JsonObject { ["rating"] = 3, ["note"] = "Less sure now.", ["visibility"] = "private" },
            Limits: [Limit.Number("rating", 5), Limit.Text("note", 2000), Limit.Text("topic", 60), Limit.Text("community", 40)]),
        new("RevokeRecommendation", HttpMethod.Delete, s => $"/api/v1/recommendations/{s.PublicRecommendationId}", s => s.Host),
        new("CreateCollection", HttpMethod.Post, _ => "/api/v1/collections", s => s.Stranger,
            _ => new JsonObject { ["title"] = "Reading list", ["description"] = "For *winter*.", ["visibility"] = "public" },
            Limits: [Limit.Text("title", 200), Limit.Text("description", 4000), Limit.Text("community", 40)]),
        new("EditCollection", HttpMethod.Put, s => $"/api/v1/collections/{s.CollectionId}", s => s.Host,
            _ => new JsonObject { ["title"] = "Renamed", ["description"] = "New words.", ["visibility"] = "public" },
            Limits: [Limit.Text("title", 200), Limit.Text("description", 4000), Limit.Text("community", 40)]),
        new("DeleteCollection", HttpMethod.Delete, s => $"/api/v1/collections/{s.CollectionId}", s => s.Host),
        new("AddCollectionEntry", HttpMethod.Post, s => $"/api/v1/collections/{s.CollectionId}/entries", s => s.Host,
            s => new JsonObject { ["itemId"] = s.OtherItemId, ["note"] = "Then this.", ["position"] = 0 },
            Limits: [Limit.Text("note", 1000), Limit.Number("position", 500)]),
        new("MoveCollectionEntry", HttpMethod.Put, s => $"/api/v1/collections/{s.CollectionId}/entries/{s.EntryId}", s => s.Host,
            _ => new JsonObject { ["position"] = 0, ["note"] = "Still first." },
            Limits: [Limit.Number("position", 500), Limit.Text("note", 1000)]),
        new("RemoveCollectionEntry", HttpMethod.Delete, s => $"/api/v1/collections/{s.CollectionId}/entries/{s.EntryId}", s => s.Host),
        new("FollowCollection", HttpMethod.Put, s => $"/api/v1/collections/{s.CollectionId}/follow", s => s.Stranger),
        new("UnfollowCollection", HttpMethod.Delete, s => $"/api/v1/collections/{s.CollectionId}/follow", s => s.Member),
        new("ForkCollection", HttpMethod.Post, s => $"/api/v1/collections/{s.CollectionId}/forks", s => s.Member,
            s => new JsonObject { ["community"] = s.Open }, BodyOptional: true,
            Limits: [Limit.Text("community", 40)]),
        new("PostProblem", HttpMethod.Post, _ => "/api/v1/problems", s => s.Stranger,
            _ => new JsonObject
            {
                ["kind"] = "question", ["title"] = "Where to winter a small boat?", ["body"] = "A *wooden* one.",
                ["topics"] = new JsonArray("sailing"), ["place"] = "Helsinki", ["visibility"] = "public",
            },
            Limits: ProblemLimits),
        new("EditProblem", HttpMethod.Put, s => $"/api/v1/problems/{s.PublicProblemId}", s => s.Host,
            _ => new JsonObject { ["kind"] = "request", ["title"] = "Renamed problem", ["body"] = "New words.", ["visibility"] = "invited" },
            Limits: ProblemLimits),
        new("Contribute", HttpMethod.Post, s => $"/api/v1/problems/{s.PublicProblemId}/contributions", s => s.Stranger,
            s => new JsonObject { ["kind"] = "reply", ["body"] = "I agree.", ["replyTo"] = s.ContributionId, ["quote"] = "Try this" },
            Limits: [Limit.Text("body", 20000), Limit.Text("url", 2048), Limit.Text("perspectiveName", 80), Limit.Text("quote", 1000)]),
        new("ThankContribution", HttpMethod.Post, s => $"/api/v1/problems/{s.PublicProblemId}/contributions/{s.ContributionId}/thanks", s => s.Stranger),
        new("ProposeAgreement", HttpMethod.Post, s => $"/api/v1/problems/{s.PublicProblemId}/agreements", s => s.Host,
            s => new JsonObject
            {
                ["helper"] = s.Member.Handle, ["scope"] = "Patch the hull", ["terms"] = "Cash on delivery", ["priceAmount"] = 120,
                ["priceCurrency"] = "EUR", ["dueOn"] = "2027-03-01",
            },
            Limits: [Limit.Text("helper", 30), Limit.Text("scope", 2000), Limit.Text("terms", 4000), Limit.Text("priceCurrency", 3)]),
        new("ConfirmAgreement", HttpMethod.Post, s => $"/api/v1/problems/{s.Proposed.Problem}/agreements/{s.Proposed.Agreement}/confirm", s => s.Member),
        new("CancelAgreement", HttpMethod.Post, s => $"/api/v1/problems/{s.Proposed.Problem}/agreements/{s.Proposed.Agreement}/cancel", s => s.Host),
        new("DeliverAgreement", HttpMethod.Post, s => $"/api/v1/problems/{s.Confirmed.Problem}/agreements/{s.Confirmed.Agreement}/deliver", s => s.Member),
        new("ReflectOnAgreement", HttpMethod.Post, s => $"/api/v1/problems/{s.Delivered.Problem}/agreements/{s.Delivered.Agreement}/reflections", s => s.Host,
            _ => new JsonObject { ["text"] = "Quick and careful." }, Limits: [Limit.Text("text", 2000)]),
        new("ResolveProblem", HttpMethod.Post, s => $"/api/v1/problems/{s.PublicProblemId}/resolution", s => s.Host,
            s => new JsonObject { ["outcome"] = "resolved", ["summary"] = "The patch held.", ["contributionIds"] = new JsonArray(s.ContributionId) },
            Limits: [Limit.Text("summary", 4000)]),
        new("ReopenProblem", HttpMethod.Post, s => $"/api/v1/problems/{s.ClosedProblemId}/reopen", s => s.Host),
        new("InviteByHand", HttpMethod.Post, s => $"/api/v1/problems/{s.ProblemId}/invitations", s => s.Host,
            s => new JsonObject { ["handle"] = s.Stranger.Handle, ["note"] = "You know boats." },
            Limits: [Limit.Text("handle", 30), Limit.Text("note", 1000)]),
        new("RouteProblem", HttpMethod.Post, s => $"/api/v1/problems/{s.ProblemId}/invitations/route", s => s.Host),
        new("WithdrawInvitation", HttpMethod.Post, s => $"/api/v1/problems/{s.ProblemId}/invitations/{s.ProblemInvitationId}/withdraw", s => s.Host),
        new("AcceptProblemInvitation", HttpMethod.Post, s => $"/api/v1/invitations/{s.ProblemInvitationId}/accept", s => s.Member),
        new("DeclineProblemInvitation", HttpMethod.Post, s => $"/api/v1/invitations/{s.ProblemInvitationId}/decline", s => s.Member,
            _ => new JsonObject { ["note"] = "Not my field." }, BodyOptional: true, Limits: [Limit.Text("note", 1000)]),
        new("ReferProblemInvitation", HttpMethod.Post, s => $"/api/v1/invitations/{s.ProblemInvitationId}/refer", s => s.Member,
            s => new JsonObject { ["handle"] = s.Applicant.Handle, ["note"] = "She knows." },
            Limits: [Limit.Text("handle", 30), Limit.Text("note", 1000)]),
        new("BlockPerson", HttpMethod.Post, _ => "/api/v1/blocks", s => s.Stranger,
            s => new JsonObject { ["handle"] = s.Applicant.Handle }, Limits: [Limit.Text("handle", 30)]),
        new("UnblockPerson", HttpMethod.Delete, s => $"/api/v1/blocks/{s.Stranger.Handle}", s => s.OtherHost),
        new("CreateOffer", HttpMethod.Post, _ => "/api/v1/offers", s => s.Stranger,
            _ => new JsonObject
            {
                ["title"] = "Sail mending", ["description"] = "I *mend* sails.", ["forWhom"] = "Anyone", ["place"] = "Turku",
                ["topics"] = new JsonArray("sailing"), ["isActive"] = true,
            },
            Limits:
            [
                Limit.Text("title", 120), Limit.Text("description", 4000), Limit.Text("forWhom", 200), Limit.Text("place", 200),
                Limit.List("topics", 8, i => $"topic{i}"),
            ]),
        new("EditOffer", HttpMethod.Put, s => $"/api/v1/offers/{s.OfferId}", s => s.Host,
            _ => new JsonObject { ["title"] = "Rigging checks", ["topics"] = new JsonArray("rigging"), ["isActive"] = false },
            Limits: [Limit.Text("title", 120), Limit.List("topics", 8, i => $"topic{i}")]),
        new("DeleteOffer", HttpMethod.Delete, s => $"/api/v1/offers/{s.OfferId}", s => s.Host),
        new("AskAgain", HttpMethod.Post, s => $"/api/v1/offers/{s.OfferId}/ask-again", s => s.Member,
            _ => new JsonObject { ["text"] = "The forestay again." }, BodyOptional: true),
        new("MarkNotificationRead", HttpMethod.Post, s => $"/api/v1/notifications/{s.NotificationId}/read", s => s.Member),
        new("MarkAllNotificationsRead", HttpMethod.Post, _ => "/api/v1/notifications/read-all", s => s.Member),
        new("ChangeDigestSetting", HttpMethod.Put, _ => "/api/v1/notifications/digest", s => s.Member,
            _ => new JsonObject { ["isEnabled"] = false }),
    ];

    public static WriteEndpoint Named(string name) => All.Single(e => e.Name == name);
}
