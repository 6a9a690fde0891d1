using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>
/// A host makes a member a host, or steps a host (themselves included) down to member. A community
/// that has hosts never loses its last one this way (Conflict). Non-hosts, and people who are not
/// members, are NotFound.
/// </summary>
public sealed class ChangeMemberRole(RapportDbContext db, CommunityAccess access)
{
    public async Task<Outcome<MemberSummary>> ExecuteAsync(
        Guid personId, string? slug, string? handle, CommunityRole? role, CancellationToken cancellationToken)
    {
        var community = await access.FindForAsync(slug, personId, CommunityOperation.ChangeRoles, cancellationToken);
        var normalizedHandle = Handle.Normalize(handle);
        var targetId = community is null || normalizedHandle is null
            ? (Guid?)null
            : await db.People.Where(p => p.Handle == normalizedHandle).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (community is null || targetId is null)
        {
            return Outcome<MemberSummary>.NotFound();
        }

        if (role is not { } newRole || !Enum.IsDefined(newRole))
        {
            return Outcome<MemberSummary>.Invalid("role", "Role must be host or member.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CommunityLock.AcquireAsync(db, community.Id, cancellationToken);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.CommunityId == community.Id && m.PersonId == targetId, cancellationToken);
        var stillHost = await db.Memberships.AnyAsync(
            m => m.CommunityId == community.Id && m.PersonId == personId && m.Role == CommunityRole.Host, cancellationToken);
        if (membership is null || !stillHost)
        {
            return Outcome<MemberSummary>.NotFound();
        }

        if (membership.Role == CommunityRole.Host && newRole == CommunityRole.Member
            && await CommunityLock.CountHostsAsync(db, community.Id, cancellationToken) == 1)
        {
            return Outcome<MemberSummary>.Conflict("A community needs at least one host. Make someone else a host first.");
        }

        membership.Role = newRole;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var people = await db.LoadPeopleAsync([membership.PersonId], cancellationToken);
        return new MemberSummary(people[membership.PersonId], membership.Role, membership.JoinedAt);
    }
}
