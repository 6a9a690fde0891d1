using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>
/// Who may do what in a community: the one place for these rules. Use cases ask it before acting;
/// pages ask <see cref="Allows"/> to decide which buttons to show. A denial looks exactly like a
/// missing community or application (the caller answers NotFound), so it reveals nothing.
/// </summary>
public sealed class CommunityAccess(RapportDbContext db)
{
    public static bool Allows(CommunityRole? role, CommunityOperation operation) => operation switch
    {
        CommunityOperation.Edit or CommunityOperation.ReviewApplications or CommunityOperation.ManageInvitations
            or CommunityOperation.ChangeRoles => role == CommunityRole.Host,
        _ => false,
    };

    /// <summary>
    /// Applications are private: visible to the applicant and to the community's hosts only. The same
    /// expression filters single reads and lists, so the two can never disagree.
    /// </summary>
    public static Expression<Func<MembershipApplication, bool>> CanSeeApplication(Guid personId) =>
        a => a.ApplicantId == personId
             || a.Community!.Memberships.Any(m => m.PersonId == personId && m.Role == CommunityRole.Host);

    /// <summary>The community at <paramref name="slug"/> (tracked, for changes) and the viewer's role in it; null when there is none.</summary>
    public async Task<CommunityViewer?> FindAsync(string? slug, Guid personId, CancellationToken cancellationToken)
    {
        if (CommunitySlug.Normalize(slug) is not { } normalized)
        {
            return null;
        }

        var community = await db.Communities.SingleOrDefaultAsync(c => c.Slug == normalized, cancellationToken);
        if (community is null)
        {
            return null;
        }

        var role = await db.Memberships
            .Where(m => m.CommunityId == community.Id && m.PersonId == personId)
            .Select(m => (CommunityRole?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);
        return new CommunityViewer(community, role);
    }

    /// <summary>The community, when the viewer may perform <paramref name="operation"/> on it; otherwise null, as if missing.</summary>
    public async Task<Community?> FindForAsync(string? slug, Guid personId, CommunityOperation operation, CancellationToken cancellationToken)
    {
        var viewer = await FindAsync(slug, personId, cancellationToken);
        return viewer is not null && viewer.Allows(operation) ? viewer.Community : null;
    }
}

/// <summary>A community as one person sees it: their role, or null when they are not a member.</summary>
public sealed record CommunityViewer(Community Community, CommunityRole? Role)
{
    public bool IsMember => Role is not null;

    public bool Allows(CommunityOperation operation) => CommunityAccess.Allows(Role, operation);
}
