using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>One recommendation, if the viewer may see it (<see cref="RecommendationAccess.CanSee"/>); otherwise NotFound, as for a missing one.</summary>
public sealed class GetRecommendation(RapportDbContext db, MarkdownRenderer markdown)
{
    public async Task<Outcome<RecommendationView>> ExecuteAsync(Guid viewerId, Guid recommendationId, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.AsNoTracking()
            .Where(r => r.Id == recommendationId)
            .Where(RecommendationAccess.CanSee(viewerId))
            .SingleOrDefaultAsync(cancellationToken);
        return recommendation is null
            ? Outcome<RecommendationView>.NotFound()
            : (await db.ToViewsAsync(markdown, [recommendation], viewerId, cancellationToken))[0];
    }
}
