using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>A recommendation's fields after validation: trimmed, normalized; the community still a slug.</summary>
internal sealed record ValidRecommendation(int? Rating, string Note, string Topic, TrustVisibility Visibility, string? CommunitySlug)
{
    public static ValidRecommendation? Validate(RecommendationInput input, FieldErrors errors)
    {
        if (input.Rating is < Recommendation.MinRating or > Recommendation.MaxRating)
        {
            errors.Add("rating", $"A rating is {Recommendation.MinRating} to {Recommendation.MaxRating}; leave it out to endorse without one.");
        }

        var note = RecommendationRules.Text(input.Note, "note", "Note", Recommendation.NoteMaxLength, errors);
        var topic = RecommendationRules.Topic(input.Topic, "topic", errors);
        var slug = RecommendationRules.Audience(input.Visibility, input.Community, errors, allowPrivate: true);
        return errors.IsEmpty ? new ValidRecommendation(input.Rating, note, topic, input.Visibility!.Value, slug) : null;
    }
}

/// <summary>
/// The one way a recommendation changes: in a transaction, it updates the current row, appends a
/// <see cref="RecommendationVersion"/> and logs the author in the <see cref="RecommendationChangeLog"/> (so every
/// node's feed index re-reads them), within the daily limit. Recommending exactly what is current writes nothing.
/// </summary>
public sealed class RecommendationWriter(RapportDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    internal async Task<Outcome<Recommended>> RecommendAsync(
        Guid personId, Guid? itemId, Guid? recommendationId, ValidRecommendation fields, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Recommendation recommendation;
        bool created;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var existing = recommendationId is { } id
                ? await db.Recommendations.SingleOrDefaultAsync(r => r.Id == id && r.PersonId == personId, cancellationToken)
                : await db.Recommendations.SingleOrDefaultAsync(r => r.PersonId == personId && r.ItemId == itemId, cancellationToken);
            if (existing is null && (recommendationId is not null || !await db.Items.AnyAsync(i => i.Id == itemId, cancellationToken)))
            {
                return Outcome<Recommended>.NotFound();
            }

            Guid? communityId = null;
            if (fields.CommunitySlug is { } slug && (communityId = await db.MemberCommunityAsync(personId, slug, cancellationToken)) is null)
            {
                return Outcome<Recommended>.Invalid("community", RecommendationRules.NotYourCommunity);
            }

            if (existing is { IsRevoked: false } && Same(existing, fields, communityId))
            {
                return new Recommended((await db.ToViewsAsync(markdown, [existing], personId, cancellationToken))[0], Created: false);
            }

            if (await ChangesTodayAsync(personId, now, cancellationToken) >= Recommendation.MaxChangesPerDay)
            {
                return Outcome<Recommended>.Conflict(
                    $"You have recommended or changed recommendations {Recommendation.MaxChangesPerDay} times in the last 24 hours. Try again later.");
            }

            created = existing is null;
            var restating = existing is null or { IsRevoked: true };
            recommendation = existing ?? new Recommendation { Id = Guid.CreateVersion7(now), PersonId = personId, ItemId = itemId!.Value, CreatedAt = now };
            if (created)
            {
                db.Recommendations.Add(recommendation);
            }

            recommendation.Rating = fields.Rating;
            recommendation.Note = fields.Note;
            recommendation.Topic = fields.Topic;
            recommendation.Visibility = fields.Visibility;
            recommendation.CommunityId = communityId;
            recommendation.RevokedAt = null;
            await RecordAsync(recommendation, created, restating ? TrustStatementEvent.Stated : TrustStatementEvent.Changed, now, cancellationToken);
            await RecommendationChangeLog.AppendAsync(db, [personId], now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new Recommended((await db.ToViewsAsync(markdown, [recommendation], personId, cancellationToken))[0], created);
    }

    /// <summary>Revokes the author's recommendation; revoking a revoked one again is Ok and writes nothing. Never refused for the limit.</summary>
    internal async Task<Outcome<bool>> RevokeAsync(Guid personId, Guid recommendationId, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == recommendationId && r.PersonId == personId, cancellationToken);
        if (recommendation is null)
        {
            return Outcome<bool>.NotFound();
        }

        if (!recommendation.IsRevoked)
        {
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            recommendation.RevokedAt = now;
            await RecordAsync(recommendation, created: false, TrustStatementEvent.Revoked, now, cancellationToken);
            await RecommendationChangeLog.AppendAsync(db, [personId], now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>Appends the next version; the unique (recommendation, number) index refuses a concurrent writer of the same number.</summary>
    private async Task RecordAsync(Recommendation recommendation, bool created, TrustStatementEvent happened, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = created ? 0 : await db.RecommendationVersions.Where(v => v.RecommendationId == recommendation.Id)
            .MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        recommendation.ChangedAt = now;
        db.RecommendationVersions.Add(new RecommendationVersion
        {
            Id = Guid.CreateVersion7(now),
            RecommendationId = recommendation.Id,
            Number = last + 1,
            AuthorId = recommendation.PersonId,
            Event = happened,
            Rating = recommendation.Rating,
            Note = recommendation.Note,
            Topic = recommendation.Topic,
            Visibility = recommendation.Visibility,
            CommunityId = recommendation.CommunityId,
            At = now,
        });
    }

    private Task<int> ChangesTodayAsync(Guid authorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - TimeSpan.FromDays(1);
        return db.RecommendationVersions.CountAsync(v => v.AuthorId == authorId && v.At > since, cancellationToken);
    }

    private static bool Same(Recommendation r, ValidRecommendation fields, Guid? communityId) =>
        r.Rating == fields.Rating && r.Visibility == fields.Visibility && r.CommunityId == communityId
        && string.Equals(r.Note, fields.Note, StringComparison.Ordinal) && string.Equals(r.Topic, fields.Topic, StringComparison.Ordinal);
}
