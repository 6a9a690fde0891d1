using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Trust;

/// <summary>Which of my statements to list: about one person (handle), on one topic, and whether revoked ones too.</summary>
public sealed record MyTrustStatementsFilter(string? About = null, string? Topic = null, bool IncludeRevoked = false);

/// <summary>The viewer's own statements, most recently changed first, current ones only unless asked for revoked ones too.</summary>
public sealed class ListMyTrustStatements(RapportDbContext db, MarkdownRenderer markdown)
{
    public async Task<Outcome<Page<TrustStatementView>>> ExecuteAsync(
        Guid viewerId, MyTrustStatementsFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var errors = page.Validate(new FieldErrors());
        var topic = string.IsNullOrWhiteSpace(filter.Topic) ? null : ValidTrustFields.Topic(filter.Topic, errors);
        var about = string.IsNullOrWhiteSpace(filter.About) ? null : ValidTrustFields.Handle(filter.About, "about", errors);
        if (!errors.IsEmpty)
        {
            return Outcome<Page<TrustStatementView>>.Invalid(errors);
        }

        var query = db.TrustStatements.AsNoTracking()
            .Where(s => s.FromId == viewerId)
            .Where(TrustStatementAccess.CanSee(viewerId));
        if (!filter.IncludeRevoked)
        {
            query = query.Where(s => s.RevokedAt == null);
        }

        if (topic is not null)
        {
            query = query.Where(s => s.Topic == topic);
        }

        if (about is not null)
        {
            query = query.Where(s => s.To!.Handle == about);
        }

        return await TrustPages.ReadAsync(db, markdown, query, viewerId, page, cancellationToken);
    }
}
