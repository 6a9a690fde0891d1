using Microsoft.EntityFrameworkCore;
using Rapport.Core.Agreements;
using Rapport.Core.Communities;
using Rapport.Core.Invitations;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Core.Blocks;

/// <summary>
/// Blocks a person by handle: from now on neither is invited, referred or asked again across the block, either way
/// (<see cref="Invitations.AskRules"/>, routing), and no agreement is proposed between them. Blocking someone already blocked
/// answers the block as it is. A new block also ends what is still waiting between the two, in the same unit of work
/// (<see cref="WithdrawPendingAsync"/>); nobody is notified of any of it, least of all the blocked person. Yourself or an
/// unknown handle: invalid; at most <see cref="Block.MaxPerPerson"/>.
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
            await WithdrawPendingAsync(blockerId, blockedId, existing.CreatedAt, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        var person = (await db.LoadPeopleAsync([blockedId], cancellationToken))[blockedId];
        return new BlockView(person, existing.CreatedAt);
    }

    /// <summary>
    /// What a block ends between the two, either way: pending invitations where one is the invitee and the other invited
    /// them or asked the problem (withdrawn — neutral for learning, unlike a decline — so an invited-only problem is no longer
    /// shown across the block), and agreement proposals not yet confirmed between asker and helper (cancelled). Accepted
    /// invitations and confirmed agreements are work already agreed: they stay, and either side may still withdraw or cancel.
    /// </summary>
    private async Task WithdrawPendingAsync(Guid one, Guid other, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invitations = await db.Invitations
            .Where(i => i.Status == InvitationStatus.Pending
                && ((i.InviteeId == one && (i.InvitedById == other || i.Problem!.AuthorId == other))
                    || (i.InviteeId == other && (i.InvitedById == one || i.Problem!.AuthorId == one))))
            .ToListAsync(cancellationToken);
        foreach (var invitation in invitations)
        {
            invitation.Status = InvitationStatus.Withdrawn;
            invitation.RespondedAt = now;
        }

        var proposals = await db.Agreements
            .Where(a => a.Status == AgreementStatus.Proposed
                && ((a.AskerId == one && a.HelperId == other) || (a.AskerId == other && a.HelperId == one)))
            .ToListAsync(cancellationToken);
        foreach (var proposal in proposals)
        {
            proposal.Status = AgreementStatus.Cancelled;
            proposal.CancelledAt = now;
        }
    }
}
