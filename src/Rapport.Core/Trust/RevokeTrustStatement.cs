using Rapport.Core.Outcomes;

namespace Rapport.Core.Trust;

/// <summary>
/// The author takes a statement back. It stops counting for anyone at once (after the graph's next refresh on other
/// nodes), and nobody but its author sees it any more; it keeps its history, and stating trust in the same person on
/// the same topic again brings it back. Revoking twice is Ok. Anyone else's statement, and a missing one, are NotFound.
/// </summary>
public sealed class RevokeTrustStatement(TrustStatementWriter writer)
{
    public Task<Outcome<bool>> ExecuteAsync(Guid personId, Guid statementId, CancellationToken cancellationToken) =>
        writer.RevokeAsync(personId, statementId, cancellationToken);
}
