using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;

namespace Rapport.Core.Offers;

/// <summary>A person's offers (by handle; null: the viewer's own), newest first, as the viewer may see them. Unknown handle: NotFound.</summary>
public sealed class ListOffers(RapportDbContext db, MarkdownRenderer markdown)
{
    /// <summary>Offers listed at most (active and paused together); far more than anyone keeps.</summary>
    public const int MaxListed = 100;

    public async Task<Outcome<IReadOnlyList<OfferView>>> ExecuteAsync(Guid viewerId, string? handle, CancellationToken cancellationToken)
    {
        var personId = viewerId;
        if (handle is not null)
        {
            var normalized = Handle.Normalize(handle);
            var found = normalized is null ? null : await db.People.Where(p => p.Handle == normalized).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
            if (found is not { } id)
            {
                return Outcome<IReadOnlyList<OfferView>>.NotFound();
            }

            personId = id;
        }

        return await db.Offers.Where(o => o.PersonId == personId).VisibleTo(viewerId).OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Take(MaxListed).ToViewsAsync(db, markdown, viewerId, cancellationToken);
    }
}
