using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Offers;

/// <summary>One offer, when the viewer may see it (<see cref="OfferProjections.VisibleTo"/>); otherwise NotFound.</summary>
public sealed class GetOffer(RapportDbContext db, MarkdownRenderer markdown)
{
    public async Task<Outcome<OfferView>> ExecuteAsync(Guid viewerId, Guid offerId, CancellationToken cancellationToken)
    {
        var views = await db.Offers.Where(o => o.Id == offerId).VisibleTo(viewerId).ToViewsAsync(db, markdown, viewerId, cancellationToken);
        return views.Count == 1 ? views[0] : Outcome<OfferView>.NotFound();
    }
}
