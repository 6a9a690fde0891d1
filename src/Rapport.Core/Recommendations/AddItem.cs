using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Recommendations;

/// <summary>
/// Adds an item, or answers the existing one when its canonical URL is already an item (Created false; the existing
/// item's title, description and topics stay as they are). At most <see cref="Item.MaxCreatedPerDay"/> new items per
/// person in 24 hours (Conflict beyond).
/// </summary>
public sealed class AddItem(RapportDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    public async Task<Outcome<AddedItem>> ExecuteAsync(Guid personId, ItemInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Choose what it is: link, book, video, product, service, place, person or thought.");
        }

        var title = RecommendationRules.Text(input.Title, "title", "Title", Item.TitleMaxLength, errors, multiline: false);
        errors.Required("title", title, "Title");
        var description = RecommendationRules.Text(input.Description, "description", "Description", Item.DescriptionMaxLength, errors);
        string? url = null;
        if (!string.IsNullOrWhiteSpace(input.Url))
        {
            url = input.Url.Length > CanonicalUrl.MaxLength ? null : CanonicalUrl.Canonicalize(input.Url);
            if (url is null || url.Length > CanonicalUrl.MaxLength)
            {
                errors.Add("url", $"Give a web address starting with http:// or https://, at most {CanonicalUrl.MaxLength} characters.");
            }
        }

        var topics = new List<string>();
        foreach (var raw in input.Topics ?? [])
        {
            var topic = RecommendationRules.Topic(raw, "topics", errors);
            if (topic.Length > 0 && !topics.Contains(topic, StringComparer.Ordinal))
            {
                topics.Add(topic);
            }
        }

        if (topics.Count > Item.MaxTopics || input.Topics?.Count > 4 * Item.MaxTopics)
        {
            errors.Add("topics", $"An item has at most {Item.MaxTopics} topics.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<AddedItem>.Invalid(errors);
        }

        if (url is not null && await ByUrlAsync(url, cancellationToken) is { } existing)
        {
            return new AddedItem(existing, Created: false);
        }

        var now = clock.GetUtcNow();
        var since = now - TimeSpan.FromDays(1);
        if (await db.Items.CountAsync(i => i.CreatedById == personId && i.CreatedAt > since, cancellationToken) >= Item.MaxCreatedPerDay)
        {
            return Outcome<AddedItem>.Conflict($"You have added {Item.MaxCreatedPerDay} items in the last 24 hours. Try again later.");
        }

        var item = new Item
        {
            Id = Guid.CreateVersion7(now),
            Kind = input.Kind!.Value,
            Title = title,
            Description = description,
            Url = url,
            CreatedById = personId,
            CreatedAt = now,
            Topics = topics.Select(t => new ItemTopic { Topic = t }).ToList(),
        };
        db.Items.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (url is not null)
        {
            // Someone added the same URL between our read and our write: theirs is the item.
            db.ChangeTracker.Clear();
            if (await ByUrlAsync(url, cancellationToken) is { } raced)
            {
                return new AddedItem(raced, Created: false);
            }

            throw;
        }

        return new AddedItem(RecommendationProjections.ToView(item, markdown), Created: true);
    }

    private async Task<ItemView?> ByUrlAsync(string url, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking().Include(i => i.Topics).SingleOrDefaultAsync(i => i.Url == url, cancellationToken);
        return item is null ? null : RecommendationProjections.ToView(item, markdown);
    }
}
