using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Core.Blocks;

/// <summary>Lifts the viewer's block on a person. NotFound when there is no such block (or no such person).</summary>
public sealed class UnblockPerson(RapportDbContext db)
{
    public async Task<Outcome<bool>> ExecuteAsync(Guid blockerId, string? handle, CancellationToken cancellationToken)
    {
        var normalized = Handle.Normalize(handle);
        var removed = normalized is null
            ? 0
            : await db.Blocks.Where(b => b.BlockerId == blockerId && db.People.Any(p => p.Id == b.BlockedId && p.Handle == normalized)).ExecuteDeleteAsync(cancellationToken);
        return removed > 0 ? true : Outcome<bool>.NotFound();
    }
}
