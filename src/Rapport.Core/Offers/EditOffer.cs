using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Offers;

/// <summary>Replaces an offer's fields (its provider only; anyone else: NotFound). Activating one counts against the active limit.</summary>
public sealed class EditOffer(RapportDbContext db, MarkdownRenderer markdown, TimeProvider clock)
{
    public async Task<Outcome<OfferView>> ExecuteAsync(Guid personId, Guid offerId, OfferInput input, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.Include(o => o.Topics).SingleOrDefaultAsync(o => o.Id == offerId && o.PersonId == personId, cancellationToken);
        if (offer is null)
        {
            return Outcome<OfferView>.NotFound();
        }

        var errors = new FieldErrors();
        if (ValidOffer.Validate(input, errors) is not { } valid)
        {
            return Outcome<OfferView>.Invalid(errors);
        }

        if (valid.IsActive && !offer.IsActive
            && await db.Offers.CountAsync(o => o.PersonId == personId && o.IsActive, cancellationToken) >= Offer.MaxActivePerPerson)
        {
            return Outcome<OfferView>.Conflict($"You can have at most {Offer.MaxActivePerPerson} active offers; pause or delete one first.");
        }

        valid.ApplyTo(offer, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return (await db.Offers.Where(o => o.Id == offer.Id).ToViewsAsync(db, markdown, personId, cancellationToken))[0];
    }
}
