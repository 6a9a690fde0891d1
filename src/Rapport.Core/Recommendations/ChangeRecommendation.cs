using Rapport.Core.Outcomes;

namespace Rapport.Core.Recommendations;

/// <summary>Changes the author's recommendation <c>id</c> (changing a revoked one makes it current again). Anyone else's is NotFound.</summary>
public sealed class ChangeRecommendation(RecommendationWriter writer)
{
    public async Task<Outcome<RecommendationView>> ExecuteAsync(Guid personId, Guid recommendationId, RecommendationInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (ValidRecommendation.Validate(input, errors) is not { } fields)
        {
            return Outcome<RecommendationView>.Invalid(errors);
        }

        var outcome = await writer.RecommendAsync(personId, itemId: null, recommendationId, fields, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => outcome.Value!.Recommendation,
            OutcomeKind.Invalid => Outcome<RecommendationView>.Invalid(outcome.Errors),
            OutcomeKind.Conflict => Outcome<RecommendationView>.Conflict(outcome.Detail!),
            _ => Outcome<RecommendationView>.NotFound(),
        };
    }
}
