using System.Linq.Expressions;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>
/// Who may see a recommendation: the one rule, used by the single read, every list, the item page and the feed, and
/// the same as <see cref="TrustStatementAccess"/>: its author always; nobody else once revoked; public: every signed-in
/// person; community: current members while its author is still one (a community recommendation of someone who left
/// counts as private); private: its author only. Anyone else gets NotFound, exactly as for a missing one.
/// </summary>
public static class RecommendationAccess
{
    public static Expression<Func<Recommendation, bool>> CanSee(Guid viewerId) =>
        r => r.PersonId == viewerId
             || (r.RevokedAt == null
                 && (r.Visibility == TrustVisibility.Public
                     || (r.Visibility == TrustVisibility.Community
                         && r.Community!.Memberships.Any(m => m.PersonId == viewerId)
                         && r.Community.Memberships.Any(m => m.PersonId == r.PersonId))));
}
