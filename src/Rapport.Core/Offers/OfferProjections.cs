using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Persistence;

namespace Rapport.Core.Offers;

internal static class OfferProjections
{
    /// <summary>
    /// Who sees which offer: its provider every one of theirs; every other signed-in person the active ones. The one rule
    /// for the single read and the lists.
    /// </summary>
    public static IQueryable<Offer> VisibleTo(this IQueryable<Offer> offers, Guid viewerId) =>
        offers.Where(o => o.PersonId == viewerId || o.IsActive);

    public static async Task<List<OfferView>> ToViewsAsync(
        this IQueryable<Offer> offers, RapportDbContext db, MarkdownRenderer markdown, Guid viewerId, CancellationToken cancellationToken)
    {
        var rows = await offers.AsNoTracking().Include(o => o.Topics).ToListAsync(cancellationToken);
        var providers = rows.Select(o => o.PersonId).Distinct().ToList();
        var people = await db.LoadPeopleAsync(providers, cancellationToken);
        var related = await Relationships.WithAsync(db, viewerId, providers, cancellationToken);
        return rows.ConvertAll(o => new OfferView(
            o.Id, people[o.PersonId], o.Title, o.Description, markdown.ToSafeHtml(o.Description), o.ForWhom, o.Place,
            [.. o.Topics.Select(t => t.Topic).Order(StringComparer.Ordinal)], o.IsActive, o.CreatedAt, o.ChangedAt,
            o.PersonId == viewerId, o.IsActive && o.PersonId != viewerId && related.Contains(o.PersonId)));
    }
}
