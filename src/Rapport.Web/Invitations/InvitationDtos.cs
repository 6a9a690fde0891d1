using System.ComponentModel.DataAnnotations;
using Rapport.Core.Invitations;
using Rapport.Core.People;
using Rapport.Core.Problems;
using Rapport.Web.Trust;

namespace Rapport.Web.Invitations;

/// <summary>
/// "Why you": the trust path from the asker (public statements only), the problem's topics and words your public work
/// matched, the note of whoever invited or referred you, who referred you, and the offer an "ask again" came from.
/// </summary>
public sealed record WhyYouResponse(
    IReadOnlyList<TrustPersonResponse> Path, IReadOnlyList<string> Topics, IReadOnlyList<string> Terms, string Note, TrustPersonResponse? ReferredBy, string? Offer)
{
    internal static WhyYouResponse From(WhyYou why) => new(
        [.. why.Path.Select(p => new TrustPersonResponse(p.Handle, p.DisplayName))], why.Topics, why.Terms, why.Note,
        why.ReferredBy is { } r ? new TrustPersonResponse(r.Handle, r.DisplayName) : null, why.Offer);
}

/// <summary>The problem an invitation is about.</summary>
public sealed record InvitedProblemResponse(Guid Id, string Title, ProblemKind Kind, ProblemStatus Status, TrustPersonResponse Author);

/// <summary>An invitation with its "why you". <c>score</c> is the router's (routed invitations only).</summary>
public sealed record InvitationResponse(
    Guid Id,
    InvitedProblemResponse Problem,
    TrustPersonResponse Invitee,
    TrustPersonResponse InvitedBy,
    InvitationSource Source,
    InvitationStatus Status,
    WhyYouResponse Why,
    double? Score,
    Guid? ReferredFromId,
    string ResponseNote,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RespondedAt)
{
    internal static InvitationResponse From(InvitationView v) => new(
        v.Id,
        new InvitedProblemResponse(v.Problem.Id, v.Problem.Title, v.Problem.Kind, v.Problem.Status, TrustPersonResponse.From(v.Problem.Author)),
        TrustPersonResponse.From(v.Invitee), TrustPersonResponse.From(v.InvitedBy), v.Source, v.Status, WhyYouResponse.From(v.Why), v.Score,
        v.ReferredFromId, v.ResponseNote, v.CreatedAt, v.RespondedAt);

    internal static List<InvitationResponse> From(IEnumerable<InvitationView> views) => [.. views.Select(From)];
}

/// <summary>A page of your invitations, newest first.</summary>
public sealed record InvitationPageResponse(IReadOnlyList<InvitationResponse> Items, int Total, int Limit, int Offset)
{
    internal static InvitationPageResponse From(InvitationPage page) => new(InvitationResponse.From(page.Items), page.Total, page.Limit, page.Offset);
}

/// <summary>Invite a person by handle, with an optional note that becomes their "why you".</summary>
public sealed record InviteRequest(
    [property: Required, MaxLength(Person.HandleMaxLength)] string? Handle,
    [property: MaxLength(Invitation.ResponseNoteMaxLength)] string? Note);

/// <summary>Decline, with an optional note for the asker.</summary>
public sealed record DeclineRequest([property: MaxLength(Invitation.ResponseNoteMaxLength)] string? Note);

/// <summary>Refer the problem to someone you trust (by handle), with an optional note for them.</summary>
public sealed record ReferRequest(
    [property: Required, MaxLength(Person.HandleMaxLength)] string? Handle,
    [property: MaxLength(Invitation.ResponseNoteMaxLength)] string? Note);
