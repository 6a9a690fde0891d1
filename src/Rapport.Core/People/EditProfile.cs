using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.People;

/// <summary>
/// What a person may change about their own profile; handle and account are not among it.
/// <c>Competences</c> is the whole new list; null leaves the competences as they are.
/// </summary>
public sealed record ProfileEdit(
    string? DisplayName,
    string? Bio,
    Availability? Availability,
    int? AttentionBudget,
    IReadOnlyList<CompetenceInput?>? Competences = null);

/// <summary>
/// Edits the caller's own profile. The account id decides whose profile it is, so nobody can edit
/// someone else's: there is no parameter that names another person.
/// </summary>
public sealed class EditProfile(RapportDbContext db)
{
    public async Task<Outcome<Person>> ExecuteAsync(string accountId, ProfileEdit edit, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var displayName = ProfileRules.DisplayName(edit.DisplayName, errors);
        var bio = ProfileRules.Bio(edit.Bio, errors);
        ProfileRules.Availability(edit.Availability, errors);
        ProfileRules.AttentionBudget(edit.AttentionBudget, errors);
        var competences = edit.Competences is null ? null : CompetenceRules.NormalizeList(edit.Competences, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<Person>.Invalid(errors);
        }

        IQueryable<Person> people = competences is null ? db.People : db.People.Include(p => p.Competences);
        var person = await people.SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (person is null)
        {
            return Outcome<Person>.NotFound();
        }

        person.DisplayName = displayName!;
        person.Bio = bio;
        person.Availability = edit.Availability!.Value;
        person.AttentionBudget = edit.AttentionBudget!.Value;
        if (competences is not null)
        {
            CompetenceRules.Replace(person, competences);
        }

        await db.SaveChangesAsync(cancellationToken);
        return person;
    }
}
