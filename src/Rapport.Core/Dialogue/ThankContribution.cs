using Microsoft.EntityFrameworkCore;
using Rapport.Core.Interactions;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;

namespace Rapport.Core.Dialogue;

/// <summary>What thanking answers: how many thanks the contribution now has.</summary>
public sealed record Thanked(Guid ContributionId, int ThanksCount);

/// <summary>
/// Thanks a contribution of a problem the person may see (otherwise NotFound), once: thanking again, or thanking one's
/// own contribution, is a Conflict and changes nothing. Records a <c>thanked</c> interaction to its author.
/// </summary>
public sealed class ThankContribution(RapportDbContext db, TimeProvider clock, Notices notices)
{
    public const string AlreadyThanked = "You have already thanked this contribution.";
    public const string OwnContribution = "You cannot thank your own contribution.";

    public async Task<Outcome<Thanked>> ExecuteAsync(Guid personId, Guid problemId, Guid contributionId, CancellationToken cancellationToken)
    {
        var contribution = await db.Contributions.AsNoTracking()
            .Where(ProblemAccess.Through<Contribution>(c => c.Problem!, personId))
            .Where(c => c.Id == contributionId && c.ProblemId == problemId)
            .Select(c => new { c.AuthorId, ProblemTitle = c.Problem!.Title, AlreadyThanked = c.Thanks.Any(t => t.PersonId == personId) })
            .SingleOrDefaultAsync(cancellationToken);
        if (contribution is null)
        {
            return Outcome<Thanked>.NotFound();
        }

        if (contribution.AuthorId == personId)
        {
            return Outcome<Thanked>.Conflict(OwnContribution);
        }

        if (contribution.AlreadyThanked)
        {
            return Outcome<Thanked>.Conflict(AlreadyThanked);
        }

        var now = clock.GetUtcNow();
        db.Thanks.Add(new Thanks { ContributionId = contributionId, PersonId = personId, CreatedAt = now });
        db.Interactions.Add(new Interaction
        {
            FromId = personId, ToId = contribution.AuthorId, Kind = InteractionKind.Thanked,
            ProblemId = problemId, ContributionId = contributionId, CreatedAt = now,
        });
        var thanker = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        await notices.AddAsync(contribution.AuthorId, personId, NotificationKind.Thanked, $"thanks:{contributionId}:{personId}",
            $"{thanker} thanked you for your contribution to \"{contribution.ProblemTitle}\".", $"/problems/{problemId}#c-{contributionId}",
            problemId, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person thanked it in another request between our read and our write.
            db.ChangeTracker.Clear();
            if (await db.Thanks.AnyAsync(t => t.ContributionId == contributionId && t.PersonId == personId, cancellationToken))
            {
                return Outcome<Thanked>.Conflict(AlreadyThanked);
            }

            throw;
        }

        return new Thanked(contributionId, await db.Thanks.CountAsync(t => t.ContributionId == contributionId, cancellationToken));
    }
}
