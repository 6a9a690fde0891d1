using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>Communities by name (case-insensitive order, by the folded <see cref="Community.SearchName"/>), optionally those whose name or address contains <c>q</c>, each with its member count.</summary>
public sealed class ListCommunities(RapportDbContext db)
{
    public const int QueryMaxLength = 100;

    public async Task<Outcome<Page<CommunitySummary>>> ExecuteAsync(string? q, PageRequest page, CancellationToken cancellationToken)
    {
        var trimmed = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var errors = page.Validate(new FieldErrors()).MaxLength("q", trimmed, QueryMaxLength, "Search");
        if (!errors.IsEmpty)
        {
            return Outcome<Page<CommunitySummary>>.Invalid(errors);
        }

        var query = db.Communities.AsNoTracking();
        var search = SearchText.Fold(trimmed);
        if (search.Length > 0)
        {
            // Folded in .NET on both sides: case-insensitive for every script on SQLite and PostgreSQL alike.
            query = query.Where(c => c.SearchName.Contains(search) || c.Slug.Contains(search));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(c => c.SearchName).ThenBy(c => c.Slug)
            .Skip(page.Skip).Take(page.Take)
            .Select(c => new CommunitySummary(c.Slug, c.Name, c.MembershipMode, c.Memberships.Count, c.CreatedAt))
            .ToListAsync(cancellationToken);
        return new Page<CommunitySummary>(items, total, page.Skip, page.Take);
    }
}
