using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Persistence;

namespace Rapport.Core.Trust;

/// <summary>One order for every statement list: most recently changed first, then by id, so pages tile exactly.</summary>
internal static class TrustPages
{
    public static async Task<Page<TrustStatementView>> ReadAsync(
        RapportDbContext db, MarkdownRenderer markdown, IQueryable<TrustStatement> query, Guid viewerId, PageRequest page, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var statements = await query
            .OrderByDescending(s => s.Sequence).ThenBy(s => s.Id)
            .Skip(page.Skip).Take(page.Take)
            .ToListAsync(cancellationToken);
        var views = await db.ToViewsAsync(markdown, statements, viewerId, cancellationToken);
        return new Page<TrustStatementView>(views, total, page.Skip, page.Take);
    }
}
