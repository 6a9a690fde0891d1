using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>The author's recommendation with every version, oldest first. Only its author sees a history; anyone else gets NotFound.</summary>
public sealed class GetRecommendationHistory(RapportDbContext db, MarkdownRenderer markdown)
{
    public async Task<Outcome<RecommendationHistory>> ExecuteAsync(Guid viewerId, Guid recommendationId, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.AsNoTracking().Include(r => r.Versions)
            .SingleOrDefaultAsync(r => r.Id == recommendationId && r.PersonId == viewerId, cancellationToken);
        if (recommendation is null)
        {
            return Outcome<RecommendationHistory>.NotFound();
        }

        var communities = await db.LoadCommunitiesAsync(recommendation.Versions.Select(v => v.CommunityId), cancellationToken);
        var view = (await db.ToViewsAsync(markdown, [recommendation], viewerId, cancellationToken))[0];
        return new RecommendationHistory(view, recommendation.Versions.OrderBy(v => v.Number)
            .Select(v => new RecommendationVersionView(
                v.Event, v.Rating, v.Note, RecommendationProjections.TopicOrNull(v.Topic), v.Visibility,
                v.CommunityId is { } c ? communities[c] : null, v.At))
            .ToList());
    }
}
