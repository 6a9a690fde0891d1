using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Trust;

/// <summary>
/// A statement with every version it went through, oldest first, for its author only: an earlier version may have
/// been private, or shared with another community, so even a public statement's history is the author's alone.
/// Anyone else gets NotFound, as for a missing statement.
/// </summary>
public sealed class GetTrustStatementHistory(RapportDbContext db, MarkdownRenderer markdown)
{
    public async Task<Outcome<TrustStatementHistory>> ExecuteAsync(Guid viewerId, Guid statementId, CancellationToken cancellationToken)
    {
        // The author clause alone decides; the shared rule still filters, so this read never shows more than GetTrustStatement.
        var statement = await db.TrustStatements.AsNoTracking()
            .Where(s => s.Id == statementId && s.FromId == viewerId)
            .Where(TrustStatementAccess.CanSee(viewerId))
            .Include(s => s.Versions)
            .SingleOrDefaultAsync(cancellationToken);
        if (statement is null)
        {
            return Outcome<TrustStatementHistory>.NotFound();
        }

        var view = (await db.ToViewsAsync(markdown, [statement], viewerId, cancellationToken))[0];
        var communities = await db.LoadCommunitiesAsync(statement.Versions.Select(v => v.CommunityId), cancellationToken);
        var versions = statement.Versions.OrderBy(v => v.Sequence).Select((v, i) => new TrustStatementVersionView(
            i + 1, v.Event, v.Value, v.Visibility, v.CommunityId is { } c ? communities[c] : null, v.Note, markdown.ToSafeHtml(v.Note), v.At)).ToList();
        return new TrustStatementHistory(view, versions);
    }
}
