using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Core.Trust;

/// <summary>
/// "Who trusts them", as the viewer may see it: the current statements about one person that are public, shared with
/// a community the viewer belongs to (by an author still in it), or the viewer's own. Never anyone else's private
/// statement, and counted the same way, so the total reveals nothing either. Most recently changed first.
/// </summary>
public sealed class ListTrustStatementsAbout(RapportDbContext db, MarkdownRenderer markdown)
{
    public async Task<Outcome<Page<TrustStatementView>>> ExecuteAsync(
        Guid viewerId, string? handle, string? topic, PageRequest page, CancellationToken cancellationToken)
    {
        var normalized = Handle.Normalize(handle);
        var personId = normalized is null
            ? null
            : await db.People.Where(p => p.Handle == normalized).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (personId is null)
        {
            return Outcome<Page<TrustStatementView>>.NotFound();
        }

        var errors = page.Validate(new FieldErrors());
        var normalizedTopic = string.IsNullOrWhiteSpace(topic) ? null : ValidTrustFields.Topic(topic, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<Page<TrustStatementView>>.Invalid(errors);
        }

        var query = db.TrustStatements.AsNoTracking()
            .Where(s => s.ToId == personId && s.RevokedAt == null)
            .Where(TrustStatementAccess.CanSee(viewerId));
        if (normalizedTopic is not null)
        {
            query = query.Where(s => s.Topic == normalizedTopic);
        }

        return await TrustPages.ReadAsync(db, markdown, query, viewerId, page, cancellationToken);
    }
}
