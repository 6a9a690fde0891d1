using System.Linq.Expressions;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>
/// Who may see a recommendation: the one rule, used by the single read, every list, the item page and the feed, and
/// the same as <see cref="TrustStatementAccess"/>: its author always; nobody else once revoked; public: every signed-in
/// person; community: current members while its author is still one (a community recommendation of someone who left
/// counts as private); private: its author only. Anyone else gets NotFound, exactly as for a missing one. Written
/// twice, side by side: as SQL for queries, and in memory for the feed's <see cref="RecommendationIndex"/>; the
/// property test checks that both give what single reads give.
/// </summary>
public static class RecommendationAccess
{
    /// <summary>The rule as a query filter.</summary>
    public static Expression<Func<Recommendation, bool>> CanSee(Guid viewerId) =>
        r => r.PersonId == viewerId
             || (r.RevokedAt == null
                 && (r.Visibility == TrustVisibility.Public
                     || (r.Visibility == TrustVisibility.Community
                         && r.Community!.Memberships.Any(m => m.PersonId == viewerId)
                         && r.Community.Memberships.Any(m => m.PersonId == r.PersonId))));

    /// <summary>
    /// The same rule in memory. <paramref name="bothMembers"/> is what the query form reads through the community's
    /// memberships: that the viewer and the author both belong to the recommendation's community now.
    /// </summary>
    public static bool CanSeeInMemory(Guid viewerId, Guid authorId, bool revoked, TrustVisibility visibility, bool bothMembers) =>
        authorId == viewerId
        || (!revoked
            && (visibility == TrustVisibility.Public
                || (visibility == TrustVisibility.Community && bothMembers)));
}
