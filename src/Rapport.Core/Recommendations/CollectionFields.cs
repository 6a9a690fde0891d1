using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>A collection's fields after validation, the community resolved to one the owner belongs to.</summary>
internal sealed record ValidCollection(string Title, string Description, TrustVisibility Visibility, Guid? CommunityId)
{
    public static async Task<ValidCollection?> ValidateAsync(
        RapportDbContext db, Guid ownerId, CollectionInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        var title = RecommendationRules.Text(input.Title, "title", "Title", Collection.TitleMaxLength, errors, multiline: false);
        errors.Required("title", title, "Title");
        var description = RecommendationRules.Text(input.Description, "description", "Description", Collection.DescriptionMaxLength, errors);
        var slug = RecommendationRules.Audience(input.Visibility, input.Community, errors, allowPrivate: false);
        Guid? communityId = null;
        if (slug is not null && errors.For("community").Count == 0
            && (communityId = await db.MemberCommunityAsync(ownerId, slug, cancellationToken)) is null)
        {
            errors.Add("community", RecommendationRules.NotYourCommunity);
        }

        return errors.IsEmpty ? new ValidCollection(title, description, input.Visibility!.Value, communityId) : null;
    }
}
