using System.Linq.Expressions;

namespace Rapport.Core.Trust;

/// <summary>
/// Who may see a trust statement: the one rule, used by the single read and by every list (and restated for the
/// in-memory graph by <see cref="TrustGraphReader"/>). Anyone else gets NotFound, exactly as for a missing statement.
/// <list type="bullet">
/// <item>Its author always, revoked or not, whatever its visibility.</item>
/// <item>Nobody else once it is revoked.</item>
/// <item>Public: every signed-in person (every API route and page requires sign-in; profiles are not public either).</item>
/// <item>Community: the current members of its community, and only while its author is still one of them. A member
/// who leaves keeps their community statements unchanged, but until they rejoin those count as private: they reach
/// nobody, not even the members who stayed.</item>
/// <item>Private: its author only. Not the person it is about.</item>
/// </list>
/// </summary>
public static class TrustStatementAccess
{
    public static Expression<Func<TrustStatement, bool>> CanSee(Guid viewerId) =>
        s => s.FromId == viewerId
             || (s.RevokedAt == null
                 && (s.Visibility == TrustVisibility.Public
                     || (s.Visibility == TrustVisibility.Community
                         && s.Community!.Memberships.Any(m => m.PersonId == viewerId)
                         && s.Community.Memberships.Any(m => m.PersonId == s.FromId))));
}
