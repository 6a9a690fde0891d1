using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;

namespace Rapport.Core.Problems;

/// <summary>
/// What a person writes when posting or editing a problem. <c>community</c> is a slug of a community they belong to:
/// required for community visibility, optional context otherwise (routing reads its setting).
/// </summary>
public sealed record ProblemInput(
    ProblemKind? Kind,
    string? Title,
    string? Body,
    IReadOnlyList<string>? Topics,
    string? Place,
    string? Community,
    ProblemVisibility? Visibility);

/// <summary>A problem's fields once valid: normalized text and topics, and the community resolved.</summary>
internal sealed record ValidProblem(
    ProblemKind Kind, string Title, string Body, IReadOnlyList<string> Topics, string Place, Guid? CommunityId, ProblemVisibility Visibility);

internal static class ProblemRules
{
    /// <summary>Validates <paramref name="input"/> for <paramref name="authorId"/>; field errors name the API's fields.</summary>
    public static async Task<Outcome<ValidProblem>> ValidateAsync(
        RapportDbContext db, Guid authorId, ProblemInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Choose what it is: a question, problem, request or project.");
        }

        var title = RecommendationRules.Text(input.Title, "title", "Title", Problem.TitleMaxLength, errors, multiline: false);
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add("title", "Title is required.");
        }
        else if (title.Length < Problem.TitleMinLength)
        {
            errors.Add("title", $"Title needs at least {Problem.TitleMinLength} characters.");
        }

        var body = RecommendationRules.Text(input.Body, "body", "Description", Problem.BodyMaxLength, errors);
        var place = RecommendationRules.Text(input.Place, "place", "Place", Problem.PlaceMaxLength, errors, multiline: false);
        var topics = new List<string>();
        foreach (var raw in input.Topics ?? [])
        {
            var topic = RecommendationRules.Topic(raw, "topics", errors);
            if (topic.Length > 0 && !topics.Contains(topic, StringComparer.Ordinal))
            {
                topics.Add(topic);
            }
        }

        if (topics.Count > Problem.MaxTopics || input.Topics?.Count > 4 * Problem.MaxTopics)
        {
            errors.Add("topics", $"A problem has at most {Problem.MaxTopics} topics.");
        }

        var slug = string.IsNullOrWhiteSpace(input.Community) ? null : CommunitySlug.Normalize(input.Community);
        if (input.Visibility is not { } visibility || !Enum.IsDefined(visibility))
        {
            errors.Add("visibility", "Choose who may see it: public, community or only the people invited.");
        }
        else if (visibility == ProblemVisibility.Community && string.IsNullOrWhiteSpace(input.Community))
        {
            errors.Add("community", "Name the community that may see it.");
        }

        if (!string.IsNullOrWhiteSpace(input.Community) && slug is null)
        {
            errors.Add("community", RecommendationRules.NotYourCommunity);
        }

        if (!errors.IsEmpty)
        {
            return Outcome<ValidProblem>.Invalid(errors);
        }

        Guid? communityId = null;
        if (slug is not null)
        {
            communityId = await db.Memberships.AsNoTracking()
                .Where(m => m.PersonId == authorId && m.Community!.Slug == slug)
                .Select(m => (Guid?)m.CommunityId)
                .SingleOrDefaultAsync(cancellationToken);
            if (communityId is null)
            {
                return Outcome<ValidProblem>.Invalid("community", RecommendationRules.NotYourCommunity);
            }
        }

        return new ValidProblem(input.Kind!.Value, title, body, topics, place, communityId, input.Visibility!.Value);
    }
}
