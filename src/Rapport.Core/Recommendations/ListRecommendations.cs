using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>Which recommendations to list: of one item, the viewer's own (revoked too when asked), on one topic, by one person (handle).</summary>
public sealed record RecommendationFilter(Guid? ItemId = null, bool Mine = false, bool IncludeRevoked = false, string? Topic = null, string? Person = null);

/// <summary>
/// Recommendations the viewer may see (<see cref="RecommendationAccess.CanSee"/>), most recently changed first: of one
/// item (<c>itemId</c>), or the viewer's own (<c>mine</c>; revoked ones too only when asked). Current ones only
/// otherwise; by one person (<c>Person</c>, a handle). An unknown item or person gives an empty page (items are public, so there is nothing to hide).
/// </summary>
public sealed class ListRecommendations(RapportDbContext db, MarkdownRenderer markdown)
{
    public async Task<Outcome<Page<RecommendationView>>> ExecuteAsync(
        Guid viewerId, RecommendationFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var errors = page.Validate(new FieldErrors());
        var topic = RecommendationRules.Topic(filter.Topic, "topic", errors);
        if (!errors.IsEmpty)
        {
            return Outcome<Page<RecommendationView>>.Invalid(errors);
        }

        var query = db.Recommendations.AsNoTracking().Where(RecommendationAccess.CanSee(viewerId));
        if (filter.Mine)
        {
            query = query.Where(r => r.PersonId == viewerId);
        }

        if (!(filter.Mine && filter.IncludeRevoked))
        {
            query = query.Where(r => r.RevokedAt == null);
        }

        if (filter.ItemId is { } itemId)
        {
            query = query.Where(r => r.ItemId == itemId);
        }

        if (topic.Length > 0)
        {
            query = query.Where(r => r.Topic == topic);
        }

        if (filter.Person is not null)
        {
            // An unknown handle matches nobody: an empty page, as for a person whose recommendations are all hidden.
            var handle = People.Handle.Normalize(filter.Person) ?? "";
            query = query.Where(r => r.Person!.Handle == handle);
        }

        var total = await query.CountAsync(cancellationToken);
        var recommendations = await query.OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
            .Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<RecommendationView>(await db.ToViewsAsync(markdown, recommendations, viewerId, cancellationToken), total, page.Skip, page.Take);
    }
}
