using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.People;

/// <summary>Removes one of the caller's own competences; anyone else's answers NotFound, like a missing one.</summary>
public sealed class RemoveCompetence(RapportDbContext db)
{
    public async Task<Outcome<CompetenceView>> ExecuteAsync(string accountId, long competenceId, CancellationToken cancellationToken = default)
    {
        var competence = await db.Competences
            .Where(c => c.Id == competenceId && db.People.Any(p => p.Id == c.PersonId && p.AccountId == accountId))
            .SingleOrDefaultAsync(cancellationToken);
        if (competence is null)
        {
            return Outcome<CompetenceView>.NotFound();
        }

        db.Competences.Remove(competence);
        await db.SaveChangesAsync(cancellationToken);
        return CompetenceView.From(competence);
    }
}
