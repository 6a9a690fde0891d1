using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;

namespace Rapport.Core.Problems;

/// <summary>Which problems to list.</summary>
public enum ProblemListing
{
    /// <summary>Every problem the viewer may see.</summary>
    Visible = 0,

    /// <summary>The viewer's own.</summary>
    Mine = 1,
}

/// <summary>Narrows a problem list: a topic, a community (slug), a status; each optional.</summary>
public sealed record ProblemFilter(string? Topic = null, string? Community = null, ProblemStatus? Status = null);

/// <summary>
/// Problems the viewer may see (<see cref="ProblemAccess.CanSee"/>), newest first, optionally only their own, on one
/// topic, in one community or in one status. Totals count only what the viewer may see.
/// </summary>
public sealed class ListProblems(RapportDbContext db)
{
    public async Task<Outcome<Page<ProblemSummary>>> ExecuteAsync(
        Guid viewerId, ProblemListing listing, ProblemFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var errors = page.Validate(new FieldErrors());
        if (!Enum.IsDefined(listing))
        {
            errors.Add("listing", "Choose all you may see, or yours.");
        }

        var topic = RecommendationRules.Topic(filter.Topic, "topic", errors);
        if (filter.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add("status", "Choose open, in dialogue, agreed, delivered, resolved or closed.");
        }

        var slug = string.IsNullOrWhiteSpace(filter.Community) ? null : CommunitySlug.Normalize(filter.Community);
        if (!string.IsNullOrWhiteSpace(filter.Community) && slug is null)
        {
            errors.Add("community", "Name a community by its address.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<Page<ProblemSummary>>.Invalid(errors);
        }

        var query = db.Problems.AsNoTracking().Where(ProblemAccess.CanSee(viewerId));
        if (listing == ProblemListing.Mine)
        {
            query = query.Where(p => p.AuthorId == viewerId);
        }

        if (topic.Length > 0)
        {
            query = query.Where(p => p.Topics.Any(t => t.Topic == topic));
        }

        if (slug is not null)
        {
            query = query.Where(p => p.Community!.Slug == slug);
        }

        if (filter.Status is { } wanted)
        {
            query = query.Where(p => p.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await db.ToSummariesAsync(
            query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Skip(page.Skip).Take(page.Take),
            viewerId, cancellationToken);
        return new Page<ProblemSummary>(items, total, page.Skip, page.Take);
    }
}
