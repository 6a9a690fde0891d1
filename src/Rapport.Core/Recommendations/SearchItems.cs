using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>What to look for among items: words of the title (<c>Query</c>), a topic, a kind. All optional.</summary>
public sealed record ItemSearch(string? Query = null, string? Topic = null, ItemKind? Kind = null);

/// <summary>
/// Items whose title contains the query (case-insensitive) and that carry the topic and kind asked for, newest first.
/// Items are public, so this needs no visibility rule; who recommended them is not part of the answer.
/// </summary>
public sealed class SearchItems(RapportDbContext db, MarkdownRenderer markdown)
{
    public const int QueryMaxLength = 100;

    public async Task<Outcome<Page<ItemView>>> ExecuteAsync(ItemSearch search, PageRequest page, CancellationToken cancellationToken)
    {
        var errors = page.Validate(new FieldErrors());
        var text = RecommendationRules.Text(search.Query, "q", "Search", QueryMaxLength, errors, multiline: false);
        var topic = RecommendationRules.Topic(search.Topic, "topic", errors);
        if (search.Kind is { } k && !Enum.IsDefined(k))
        {
            errors.Add("kind", "Unknown kind.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<Page<ItemView>>.Invalid(errors);
        }

        var query = db.Items.AsNoTracking();
        if (text.Length > 0)
        {
            // Matched case-insensitively on both providers; LIKE wildcards in the text are escaped.
            var pattern = "%" + text.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(i => EF.Functions.Like(i.Title.ToLower(), pattern, "\\"));
        }

        if (topic.Length > 0)
        {
            query = query.Where(i => i.Topics.Any(t => t.Topic == topic));
        }

        if (search.Kind is { } kind)
        {
            query = query.Where(i => i.Kind == kind);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.Include(i => i.Topics).OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<ItemView>(items.Select(i => RecommendationProjections.ToView(i, markdown)).ToList(), total, page.Skip, page.Take);
    }
}
