using Rapport.Core.Outcomes;

namespace Rapport.Core.Recommendations;

/// <summary>Revokes the author's recommendation: it stops counting and only its author still sees it, with its history.</summary>
public sealed class RevokeRecommendation(RecommendationWriter writer)
{
    public Task<Outcome<bool>> ExecuteAsync(Guid personId, Guid recommendationId, CancellationToken cancellationToken) =>
        writer.RevokeAsync(personId, recommendationId, cancellationToken);
}
