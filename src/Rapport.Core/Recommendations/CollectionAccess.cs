using System.Linq.Expressions;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>
/// Who may see a collection, the same rule as for recommendations and trust statements: its owner always; public:
/// every signed-in person; community: current members while its owner is still one. Used by the single read, every
/// list, follow and fork (following or forking one you cannot see is NotFound).
/// </summary>
public static class CollectionAccess
{
    public static Expression<Func<Collection, bool>> CanSee(Guid viewerId) =>
        c => c.OwnerId == viewerId
             || c.Visibility == TrustVisibility.Public
             || (c.Visibility == TrustVisibility.Community
                 && c.Community!.Memberships.Any(m => m.PersonId == viewerId)
                 && c.Community.Memberships.Any(m => m.PersonId == c.OwnerId));
}
