using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Trust;

/// <summary>
/// States how much a person trusts someone, in general or on one topic. There is one statement per (person, whom,
/// topic): stating again changes it (or states a revoked one anew), keeping its id and appending to its history.
/// Stating exactly what is current writes nothing. Limits: <see cref="TrustStatement.MaxCurrentPerPerson"/> current
/// statements and <see cref="TrustStatement.MaxChangesPerDay"/> changes in 24 hours (Conflict beyond either).
/// </summary>
public sealed class StateTrust(RapportDbContext db, TrustStatementWriter writer)
{
    public async Task<Outcome<StatedTrust>> ExecuteAsync(Guid personId, TrustStatementInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var handle = ValidTrustFields.Handle(input.To, "to", errors);
        var topic = ValidTrustFields.Topic(input.Topic, errors);
        var fields = ValidTrustFields.Validate(input, errors);
        await writer.CheckCommunityAsync(personId, input, errors, cancellationToken);
        Guid? toId = null;
        if (handle is not null)
        {
            toId = await db.People.Where(p => p.Handle == handle).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
            if (toId is null)
            {
                errors.Add("to", "No one has that handle.");
            }
            else if (toId == personId)
            {
                errors.Add("to", "Name someone else: trust in yourself is not stated here.");
            }
        }

        if (fields is null || toId is null || !errors.IsEmpty)
        {
            return Outcome<StatedTrust>.Invalid(errors);
        }

        return await writer.StateAsync(personId, toId, topic, statementId: null, fields, cancellationToken);
    }
}
