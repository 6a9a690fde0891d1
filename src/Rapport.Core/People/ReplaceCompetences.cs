using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.People;

/// <summary>Replaces the caller's whole competence list; entries that stay keep their ids.</summary>
public sealed class ReplaceCompetences(RapportDbContext db)
{
    public async Task<Outcome<IReadOnlyList<CompetenceView>>> ExecuteAsync(string accountId, IReadOnlyList<CompetenceInput?>? competences,
        CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var wanted = CompetenceRules.NormalizeList(competences, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<IReadOnlyList<CompetenceView>>.Invalid(errors);
        }

        var person = await db.People.Include(p => p.Competences).SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (person is null)
        {
            return Outcome<IReadOnlyList<CompetenceView>>.NotFound();
        }

        CompetenceRules.Replace(person, wanted);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<IReadOnlyList<CompetenceView>>.Ok(CompetenceView.Ordered(person.Competences.Select(CompetenceView.From)));
    }
}
