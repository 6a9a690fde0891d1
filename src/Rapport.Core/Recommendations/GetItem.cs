using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Trust.Recommendation;

namespace Rapport.Core.Recommendations;

/// <summary>
/// An item's page for the viewer: the item; the people they trust (the feed's sources) who recommended it, visible
/// recommendations only (<see cref="RecommendationAccess.CanSee"/>), most trusted first, at most
/// <see cref="TrustedShown"/>; their own recommendation; and a predicted rating from the trusted people's ratings
/// (endorsements carry no rating and do not enter it), weighted by the viewer's trust (<see cref="TrustWeightedRating"/>).
/// An unknown item is NotFound. With a <c>topic</c>, "trusted" means trusted on that topic (the feed's sources on it), so
/// someone trusted only on cooking counts on a cooking item's page opened on cooking.
/// </summary>
public sealed class GetItem(RapportDbContext db, TrustGraphStore store, MarkdownRenderer markdown)
{
    public const int TrustedShown = 20;

    public async Task<Outcome<ItemDetails>> ExecuteAsync(Guid viewerId, Guid itemId, string? topic, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var normalized = RecommendationRules.Topic(topic, "topic", errors);
        if (!errors.IsEmpty)
        {
            return Outcome<ItemDetails>.Invalid(errors);
        }

        var item = (await db.LoadItemsAsync(markdown, [itemId], cancellationToken)).GetValueOrDefault(itemId);
        if (item is null)
        {
            return Outcome<ItemDetails>.NotFound();
        }

        var visible = db.Recommendations.AsNoTracking().Where(RecommendationAccess.CanSee(viewerId))
            .Where(r => r.ItemId == itemId && r.RevokedAt == null);
        var count = await visible.CountAsync(cancellationToken);
        var mine = await visible.Where(r => r.PersonId == viewerId).ToListAsync(cancellationToken);
        var mineView = mine.Count == 0 ? null : (await db.ToViewsAsync(markdown, mine, viewerId, cancellationToken))[0];

        var sources = await FeedSources.ForAsync(db, store, viewerId, normalized, cancellationToken);
        if (sources is null || sources.People.Count == 0)
        {
            return new ItemDetails(item, [], mineView, count, null);
        }

        var ids = sources.People.Keys.ToList();
        var trusted = await visible.Where(r => ids.Contains(r.PersonId)).ToListAsync(cancellationToken);
        sources.KnowLevels(trusted.Select(r => sources.People[r.PersonId].Node), named: false); // exact, for the prediction: one search
        var recommenders = await sources.ToRecommendersAsync(db, markdown, trusted, cancellationToken);

        // The prediction weighs each rating by the engine's level of trust (the same scale as stated trust), not by
        // the ranking score, which only orders people.
        var ratings = trusted.Where(r => r.Rating is not null)
            .Select(r => new TrustedRating(sources.LevelIn(sources.People[r.PersonId].Node) ?? 0, r.Rating!.Value))
            .ToArray();
        return new ItemDetails(item, recommenders.Take(TrustedShown).ToList(), mineView, count, TrustWeightedRating.Predict(ratings));
    }
}
