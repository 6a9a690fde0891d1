using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Offers;

/// <summary>Publishes an offer of the person's; at most <see cref="Offer.MaxActivePerPerson"/> active at once (conflict beyond).</summary>
public sealed class CreateOffer(RapportDbContext db, MarkdownRenderer markdown, TimeProvider clock)
{
    public async Task<Outcome<OfferView>> ExecuteAsync(Guid personId, OfferInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (ValidOffer.Validate(input, errors) is not { } valid)
        {
            return Outcome<OfferView>.Invalid(errors);
        }

        if (valid.IsActive && await db.Offers.CountAsync(o => o.PersonId == personId && o.IsActive, cancellationToken) >= Offer.MaxActivePerPerson)
        {
            return Outcome<OfferView>.Conflict($"You can have at most {Offer.MaxActivePerPerson} active offers; pause or delete one first.");
        }

        var now = clock.GetUtcNow();
        var offer = new Offer { Id = Guid.CreateVersion7(now), PersonId = personId, CreatedAt = now };
        valid.ApplyTo(offer, now);
        db.Offers.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        return (await db.Offers.Where(o => o.Id == offer.Id).ToViewsAsync(db, markdown, personId, cancellationToken))[0];
    }
}
