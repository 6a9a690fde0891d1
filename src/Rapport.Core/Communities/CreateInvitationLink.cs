using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>A host makes a link that lets people join: it expires in 1–30 days and may be limited to 1–1000 uses.</summary>
public sealed class CreateInvitationLink(RapportDbContext db, CommunityAccess access, TimeProvider clock)
{
    public const int MinDays = 1;
    public const int MaxDays = 30;
    public const int MinUses = 1;
    public const int MaxUses = 1000;

    /// <summary>Links a community may have that are neither revoked nor expired; keeps the host's list readable.</summary>
    public const int MaxActivePerCommunity = 50;

    public async Task<Outcome<CreatedInvitationLink>> ExecuteAsync(
        Guid personId, string? slug, int? expiresInDays, int? maxUses, CancellationToken cancellationToken)
    {
        var community = await access.FindForAsync(slug, personId, CommunityOperation.ManageInvitations, cancellationToken);
        if (community is null)
        {
            return Outcome<CreatedInvitationLink>.NotFound();
        }

        var errors = new FieldErrors();
        if (expiresInDays is not (>= MinDays and <= MaxDays))
        {
            errors.Add("expiresInDays", $"A link expires in {MinDays} to {MaxDays} days.");
        }

        if (maxUses is not null and not (>= MinUses and <= MaxUses))
        {
            errors.Add("maxUses", $"Limit the uses to {MinUses}–{MaxUses}, or leave it empty for no limit.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<CreatedInvitationLink>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var active = await db.InvitationLinks.CountAsync(l => l.CommunityId == community.Id && l.RevokedAt == null && l.ExpiresAt > now, cancellationToken);
        if (active >= MaxActivePerCommunity)
        {
            return Outcome<CreatedInvitationLink>.Conflict($"This community already has {MaxActivePerCommunity} active links. Revoke some first.");
        }

        var secret = InvitationSecret.Generate();
        var link = new InvitationLink
        {
            Id = Guid.CreateVersion7(now),
            CommunityId = community.Id,
            SecretHash = InvitationSecret.Hash(secret),
            CreatedById = personId,
            CreatedAt = now,
            ExpiresAt = now.AddDays(expiresInDays!.Value),
            MaxUses = maxUses,
        };
        db.InvitationLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedInvitationLink(link.ToView(), secret);
    }
}
