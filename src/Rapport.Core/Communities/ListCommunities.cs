using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>Communities by name (case-insensitive order), optionally those whose name or address contains <c>q</c>, each with its member count.</summary>
public sealed class ListCommunities(RapportDbContext db)
{
    public const int QueryMaxLength = 100;

    public async Task<Outcome<Page<CommunitySummary>>> ExecuteAsync(string? q, PageRequest page, CancellationToken cancellationToken)
    {
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim().ToLowerInvariant();
        var errors = page.Validate(new FieldErrors()).MaxLength("q", search, QueryMaxLength, "Search");
        if (!errors.IsEmpty)
        {
            return Outcome<Page<CommunitySummary>>.Invalid(errors);
        }

        var query = db.Communities.AsNoTracking();
        if (search is not null)
        {
            // ToLower on both sides: case-insensitive on SQLite and PostgreSQL alike.
            query = query.Where(c => c.Name.ToLower().Contains(search) || c.Slug.Contains(search));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(c => c.Name.ToLower()).ThenBy(c => c.Slug)
            .Skip(page.Skip).Take(page.Take)
            .Select(c => new CommunitySummary(c.Slug, c.Name, c.MembershipMode, c.Memberships.Count, c.CreatedAt))
            .ToListAsync(cancellationToken);
        return new Page<CommunitySummary>(items, total, page.Skip, page.Take);
    }
}
