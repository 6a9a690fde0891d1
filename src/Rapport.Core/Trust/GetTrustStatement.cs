using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Trust;

/// <summary>One statement by id, for a viewer who may see it (<see cref="TrustStatementAccess.CanSee"/>); NotFound otherwise, as for a missing one.</summary>
public sealed class GetTrustStatement(RapportDbContext db, MarkdownRenderer markdown)
{
    public async Task<Outcome<TrustStatementView>> ExecuteAsync(Guid viewerId, Guid statementId, CancellationToken cancellationToken)
    {
        var statement = await db.TrustStatements.AsNoTracking()
            .Where(s => s.Id == statementId)
            .Where(TrustStatementAccess.CanSee(viewerId))
            .SingleOrDefaultAsync(cancellationToken);
        if (statement is null)
        {
            return Outcome<TrustStatementView>.NotFound();
        }

        return (await db.ToViewsAsync(markdown, [statement], viewerId, cancellationToken))[0];
    }
}
