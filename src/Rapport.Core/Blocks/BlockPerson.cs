using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Core.Blocks;

/// <summary>
/// Blocks a person by handle: from now on neither is invited, referred or asked again across the block, either way
/// (<see cref="Invitations.AskRules"/>, routing). Blocking someone already blocked answers the block as it is. Invitations
/// made before stay as they are. Yourself or an unknown handle: invalid; at most <see cref="Block.MaxPerPerson"/>.
/// </summary>
public sealed class BlockPerson(RapportDbContext db, TimeProvider clock)
{
    public async Task<Outcome<BlockView>> ExecuteAsync(Guid blockerId, string? handle, CancellationToken cancellationToken)
    {
        var normalized = Handle.Normalize(handle);
        var blocked = normalized is null ? null : await db.People.AsNoTracking().Where(p => p.Handle == normalized).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (blocked is not { } blockedId)
        {
            return Outcome<BlockView>.Invalid("handle", "There is nobody with this handle.");
        }

        if (blockedId == blockerId)
        {
            return Outcome<BlockView>.Invalid("handle", "You cannot block yourself.");
        }

        var existing = await db.Blocks.AsNoTracking().SingleOrDefaultAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId, cancellationToken);
        if (existing is null)
        {
            if (await db.Blocks.CountAsync(b => b.BlockerId == blockerId, cancellationToken) >= Block.MaxPerPerson)
            {
                return Outcome<BlockView>.Conflict($"You can block at most {Block.MaxPerPerson} people.");
            }

            existing = new Block { BlockerId = blockerId, BlockedId = blockedId, CreatedAt = clock.GetUtcNow() };
            db.Blocks.Add(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        var person = (await db.LoadPeopleAsync([blockedId], cancellationToken))[blockedId];
        return new BlockView(person, existing.CreatedAt);
    }
}
