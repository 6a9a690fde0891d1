namespace Rapport.Core.Communities;

/// <summary>
/// A link a host shares to let people join a community. Only the SHA-256 of its secret is stored.
/// (Named apart from <c>Invitation</c>, which in Rapport is a routed ask to help with a problem.)
/// </summary>
public sealed class InvitationLink
{
    public Guid Id { get; set; }

    public Guid CommunityId { get; set; }

    public required string SecretHash { get; set; }

    public Guid CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>How many people may join with it; null for no limit until it expires.</summary>
    public int? MaxUses { get; set; }

    public int Uses { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) =>
        RevokedAt is null && now < ExpiresAt && (MaxUses is null || Uses < MaxUses);
}
