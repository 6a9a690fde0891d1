using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Persistence;

namespace Rapport.Core.Blocks;

/// <summary>The people the viewer blocked, newest first (at most <see cref="Block.MaxPerPerson"/>). Never who blocked them.</summary>
public sealed class ListBlocks(RapportDbContext db)
{
    public async Task<IReadOnlyList<BlockView>> ExecuteAsync(Guid blockerId, CancellationToken cancellationToken)
    {
        var blocks = await db.Blocks.AsNoTracking().Where(b => b.BlockerId == blockerId).OrderByDescending(b => b.CreatedAt)
            .Take(Block.MaxPerPerson).Select(b => new { b.BlockedId, b.CreatedAt }).ToListAsync(cancellationToken);
        var people = await db.LoadPeopleAsync([.. blocks.Select(b => b.BlockedId)], cancellationToken);
        return [.. blocks.Select(b => new BlockView(people[b.BlockedId], b.CreatedAt))];
    }
}
