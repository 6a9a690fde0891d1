using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;

namespace Rapport.Core.Invitations;

/// <summary>
/// The invitations the person received (not withdrawn), newest first, each with its "why you"; only <c>pending</c> ones
/// when asked. Limited by the problem rule like every list (<see cref="ProblemAccess.Through{T}"/>).
/// </summary>
public sealed class ListMyInvitations(RapportDbContext db)
{
    public async Task<Outcome<InvitationPage>> ExecuteAsync(Guid personId, bool pendingOnly, PageRequest page, CancellationToken cancellationToken)
    {
        var errors = page.Validate(new FieldErrors());
        if (!errors.IsEmpty)
        {
            return Outcome<InvitationPage>.Invalid(errors);
        }

        var mine = db.Invitations.Where(i => i.InviteeId == personId && i.Status != InvitationStatus.Withdrawn)
            .Where(ProblemAccess.Through<Invitation>(i => i.Problem!, personId));
        if (pendingOnly)
        {
            mine = mine.Where(i => i.Status == InvitationStatus.Pending);
        }

        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Skip(page.Skip).Take(page.Take).ToViewsAsync(db, cancellationToken);
        return new InvitationPage(items, total, page.Take, page.Skip);
    }
}
