using Microsoft.EntityFrameworkCore;
using Rapport.Core.Interactions;
using Rapport.Core.Persistence;

namespace Rapport.Core.Offers;

/// <summary>
/// Whether two people already have a relationship: something happened between them, either way — an answer, thanks, an
/// agreement, a delivery, a credit, an ask. Being invited or referred alone is not one (the router or a third person chose).
/// </summary>
internal static class Relationships
{
    public static Task<bool> ExistsAsync(RapportDbContext db, Guid one, Guid other, CancellationToken cancellationToken) =>
        db.Interactions.AnyAsync(
            i => ((i.FromId == one && i.ToId == other) || (i.FromId == other && i.ToId == one))
                 && i.Kind != InteractionKind.Invited && i.Kind != InteractionKind.Referred,
            cancellationToken);

    /// <summary>The people among <paramref name="others"/> the person has a relationship with.</summary>
    public static async Task<HashSet<Guid>> WithAsync(RapportDbContext db, Guid person, IReadOnlyCollection<Guid> others, CancellationToken cancellationToken)
    {
        var pairs = await db.Interactions.AsNoTracking()
            .Where(i => i.Kind != InteractionKind.Invited && i.Kind != InteractionKind.Referred)
            .Where(i => (i.FromId == person && others.Contains(i.ToId)) || (i.ToId == person && others.Contains(i.FromId)))
            .Select(i => i.FromId == person ? i.ToId : i.FromId).Distinct().ToListAsync(cancellationToken);
        return [.. pairs];
    }
}
