using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.People;

/// <summary>The competence now on the profile, and whether it is new (false: it was already there, merged).</summary>
public sealed record AddedCompetence(CompetenceView Competence, bool Created);

/// <summary>Adds one competence to the caller's profile, by the same rules as a whole-list edit.</summary>
public sealed class AddCompetence(RapportDbContext db)
{
    public async Task<Outcome<AddedCompetence>> ExecuteAsync(string accountId, CompetenceInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        if (CompetenceRules.Normalize(input, "", errors) is not { } competence)
        {
            return Outcome<AddedCompetence>.Invalid(errors);
        }

        var person = await db.People.Include(p => p.Competences).SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (person is null)
        {
            return Outcome<AddedCompetence>.NotFound();
        }

        if (person.Competences.Find(competence.Matches) is { } existing)
        {
            return new AddedCompetence(CompetenceView.From(existing), Created: false);
        }

        if (person.Competences.Count >= Person.MaxCompetences)
        {
            return Outcome<AddedCompetence>.Conflict($"A profile lists at most {Person.MaxCompetences} competences; remove one first.");
        }

        var added = new Competence { Topic = competence.Topic, Context = competence.Context };
        person.Competences.Add(added);
        await db.SaveChangesAsync(cancellationToken);
        return new AddedCompetence(CompetenceView.From(added), Created: true);
    }
}
