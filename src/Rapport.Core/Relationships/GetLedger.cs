using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Relationships;

/// <summary>
/// A person's contribution ledger as the viewer may see it: their credits on problems the viewer may see, newest first,
/// one page at a time. The total is of what this viewer may see of this one person; there is no ranking across people.
/// An unknown handle is NotFound.
/// </summary>
public sealed class GetLedger(RapportDbContext db, MarkdownRenderer markdown)
{
    public async Task<Outcome<Page<LedgerEntry>>> ExecuteAsync(Guid viewerId, string handle, PageRequest page, CancellationToken cancellationToken)
    {
        var errors = page.Validate(new FieldErrors());
        if (!errors.IsEmpty)
        {
            return Outcome<Page<LedgerEntry>>.Invalid(errors);
        }

        var personId = await db.People.Where(p => p.Handle == handle).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (personId is not { } id)
        {
            return Outcome<Page<LedgerEntry>>.NotFound();
        }

        var query = LedgerEntries.Visible(db, viewerId).Where(r => r.CreditedId == id);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<LedgerEntry>(await LedgerEntries.ToEntriesAsync(db, markdown, rows, cancellationToken), total, page.Skip, page.Take);
    }
}
