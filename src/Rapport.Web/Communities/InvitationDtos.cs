using System.ComponentModel.DataAnnotations;
using Rapport.Core.Communities;

namespace Rapport.Web.Communities;

/// <summary>A new invitation link: expires in 1–30 days; <c>maxUses</c> 1–1000, or null for no limit.</summary>
public sealed record CreateInvitationRequest(
    [property: Range(CreateInvitationLink.MinDays, CreateInvitationLink.MaxDays)] int? ExpiresInDays,
    [property: Range(CreateInvitationLink.MinUses, CreateInvitationLink.MaxUses)] int? MaxUses);

public sealed record InvitationLinkResponse(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int? MaxUses, int Uses, DateTimeOffset? RevokedAt)
{
    public static InvitationLinkResponse From(InvitationLinkView l) => new(l.Id, l.CreatedAt, l.ExpiresAt, l.MaxUses, l.Uses, l.RevokedAt);
}

/// <summary>The link's secret and URL appear in this response only; Rapport keeps just a hash.</summary>
public sealed record CreatedInvitationResponse(InvitationLinkResponse Link, string Secret, string Url);
