using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Invitations;

/// <summary>Every invitation to the asker's problem, newest first, with its "why you" and score. Anyone else: NotFound.</summary>
public sealed class ListProblemInvitations(RapportDbContext db)
{
    public async Task<Outcome<IReadOnlyList<InvitationView>>> ExecuteAsync(Guid askerId, Guid problemId, CancellationToken cancellationToken)
    {
        if (!await db.Problems.AnyAsync(p => p.Id == problemId && p.AuthorId == askerId, cancellationToken))
        {
            return Outcome<IReadOnlyList<InvitationView>>.NotFound();
        }

        return await db.Invitations.Where(i => i.ProblemId == problemId).OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .ToViewsAsync(db, cancellationToken);
    }
}
