using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Trust.Topics;

namespace Rapport.Core.People;

/// <summary>
/// A directory search. <c>Text</c> matches display name, handle, competence topic or context, ignoring case;
/// <c>Topic</c> keeps only people with exactly that competence topic (normalized first). Field names in
/// errors (q, topic, limit, offset) are the API's query parameters.
/// </summary>
public sealed record PeopleQuery(string? Text = null, string? Topic = null, int? Limit = null, int? Offset = null)
{
    public const int TextMaxLength = 100;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    /// <summary>Deep offsets make the database walk and discard rows; nobody pages this far by hand.</summary>
    public const int MaxOffset = 100_000;
}

/// <summary>One page of the directory and how many people match in all.</summary>
public sealed record PeoplePage(IReadOnlyList<PersonSummary> Items, int Total, int Limit, int Offset);

/// <summary>A person as a directory row.</summary>
public sealed record PersonSummary(string Handle, string DisplayName, Availability Availability, IReadOnlyList<CompetenceView> Competences);

/// <summary>
/// The people directory. Ordered by name, then handle, and nothing else: the directory never ranks people.
/// Matching compares text folded by <see cref="SearchText.Fold"/> on both sides, so it ignores case
/// (including non-ASCII letters) identically on SQLite and PostgreSQL.
/// </summary>
public sealed class FindPeople(RapportDbContext db)
{
    public async Task<Outcome<PeoplePage>> ExecuteAsync(PeopleQuery query, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors().MaxLength("q", query.Text, PeopleQuery.TextMaxLength, "Search text");
        var topic = Topic.Normalize(query.Topic);
        if (!string.IsNullOrWhiteSpace(query.Topic) && topic is null)
        {
            errors.Add("topic", $"Topic must be at most {Topic.MaxLength} characters, without control characters.");
        }

        var limit = query.Limit ?? PeopleQuery.DefaultLimit;
        if (limit is < 1 or > PeopleQuery.MaxLimit)
        {
            errors.Add("limit", $"Limit must be from 1 to {PeopleQuery.MaxLimit}.");
        }

        var offset = query.Offset ?? 0;
        if (offset is < 0 or > PeopleQuery.MaxOffset)
        {
            errors.Add("offset", $"Offset must be between 0 and {PeopleQuery.MaxOffset}.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<PeoplePage>.Invalid(errors);
        }

        var people = Matching(SearchText.Fold(query.Text).TrimStart('@'), topic);
        var total = await people.CountAsync(cancellationToken);
        var rows = await people
            .OrderBy(p => p.SearchName).ThenBy(p => p.Handle)
            .Skip(offset).Take(limit)
            .Select(p => new { p.Id, p.Handle, p.DisplayName, p.Availability })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var competences = (await db.Competences.AsNoTracking()
                .Where(c => ids.Contains(c.PersonId))
                .Select(c => new { c.PersonId, View = new CompetenceView(c.Id, c.Topic, c.Context) })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.PersonId, c => c.View);

        var items = rows.ConvertAll(r => new PersonSummary(r.Handle, r.DisplayName, r.Availability, CompetenceView.Ordered(competences[r.Id])));
        return new PeoplePage(items, total, limit, offset);
    }

    private IQueryable<Person> Matching(string text, string? topic)
    {
        var people = db.People.AsNoTracking();
        if (text.Length > 0)
        {
            people = people.Where(p =>
                p.SearchName.Contains(text) ||
                p.Handle.Contains(text) ||
                p.Competences.Any(c => c.Topic.Contains(text) || (c.SearchContext != null && c.SearchContext.Contains(text))));
        }

        if (topic is not null)
        {
            people = people.Where(p => p.Competences.Any(c => c.Topic == topic));
        }

        return people;
    }
}
