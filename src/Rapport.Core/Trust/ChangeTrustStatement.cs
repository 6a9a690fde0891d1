using Rapport.Core.Outcomes;

namespace Rapport.Core.Trust;

/// <summary>
/// The author changes one of their statements by id: value, visibility, community and note (whom and on what make it
/// the statement it is, and stay). Changing a revoked statement states it again. Anyone else's statement, and a missing
/// one, are NotFound. Same limits as <see cref="StateTrust"/>.
/// </summary>
public sealed class ChangeTrustStatement(TrustStatementWriter writer)
{
    public async Task<Outcome<TrustStatementView>> ExecuteAsync(Guid personId, Guid statementId, TrustStatementChange change, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var input = new TrustStatementInput(change);
        var fields = ValidTrustFields.Validate(input, errors);
        await writer.CheckCommunityAsync(personId, input, errors, cancellationToken);
        if (fields is null || !errors.IsEmpty)
        {
            return Outcome<TrustStatementView>.Invalid(errors);
        }

        var stated = await writer.StateAsync(personId, toId: null, topic: null, statementId, fields, cancellationToken);
        return stated.Kind switch
        {
            OutcomeKind.Ok => stated.Value!.Statement,
            OutcomeKind.Invalid => Outcome<TrustStatementView>.Invalid(stated.Errors),
            OutcomeKind.Conflict => Outcome<TrustStatementView>.Conflict(stated.Detail!),
            _ => Outcome<TrustStatementView>.NotFound(),
        };
    }
}
