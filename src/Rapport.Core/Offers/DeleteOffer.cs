using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Offers;

/// <summary>Deletes an offer of the person's (anyone else: NotFound). Requests made from it stay; they just stop naming it.</summary>
public sealed class DeleteOffer(RapportDbContext db)
{
    public async Task<Outcome<bool>> ExecuteAsync(Guid personId, Guid offerId, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId && o.PersonId == personId, cancellationToken);
        if (offer is null)
        {
            return Outcome<bool>.NotFound();
        }

        db.Offers.Remove(offer);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
