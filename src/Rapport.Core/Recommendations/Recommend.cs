using Rapport.Core.Outcomes;

namespace Rapport.Core.Recommendations;

/// <summary>
/// Recommends an item: one recommendation per (person, item), so recommending again changes it (or makes a revoked one
/// current again), keeping its id and appending to its history. An unknown item is NotFound. At most
/// <see cref="Recommendation.MaxChangesPerDay"/> changes in 24 hours (Conflict beyond).
/// </summary>
public sealed class Recommend(RecommendationWriter writer)
{
    public async Task<Outcome<Recommended>> ExecuteAsync(Guid personId, Guid itemId, RecommendationInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var fields = ValidRecommendation.Validate(input, errors);
        return fields is null
            ? Outcome<Recommended>.Invalid(errors)
            : await writer.RecommendAsync(personId, itemId, recommendationId: null, fields, cancellationToken);
    }
}
