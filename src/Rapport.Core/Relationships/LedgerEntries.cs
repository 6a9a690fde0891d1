using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Resolutions;

namespace Rapport.Core.Relationships;

/// <summary>
/// One line of a contribution ledger: what a person gave (a cited contribution or a referral), to whom (the problem's
/// asker), and what it enabled (the resolution's summary).
/// </summary>
public sealed record LedgerEntry(
    Guid CreditId,
    CreditKind Kind,
    Guid ProblemId,
    string ProblemTitle,
    PersonSummary Credited,
    PersonSummary To,
    string Enabled,
    string EnabledHtml,
    Guid? ContributionId,
    Guid? InvitationId,
    DateTimeOffset CreditedAt);

/// <summary>
/// The one ledger query: credits, joined to their resolution and problem, only where the viewer may see the problem
/// (<see cref="ProblemAccess.Through{T}"/>), newest first. Never counted across people nor ranked.
/// </summary>
internal static class LedgerEntries
{
    /// <summary>Set by an object initializer, not a constructor, so EF can still filter and sort on its members.</summary>
    internal sealed class Row
    {
        public Guid Id { get; init; }

        public Guid CreditedId { get; init; }

        public Guid? ContributionId { get; init; }

        public Guid? InvitationId { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public Guid ProblemId { get; init; }

        public string Title { get; init; } = "";

        public Guid AskerId { get; init; }

        public string Summary { get; init; } = "";
    }

    public static IQueryable<Row> Visible(RapportDbContext db, Guid viewerId) =>
        from c in db.Credits.AsNoTracking()
        join r in db.Resolutions.Where(ProblemAccess.Through<Resolution>(r => r.Problem!, viewerId)) on c.ResolutionId equals r.Id
        select new Row
        {
            Id = c.Id, CreditedId = c.CreditedPersonId, ContributionId = c.ContributionId, InvitationId = c.InvitationId, CreatedAt = c.CreatedAt,
            ProblemId = r.ProblemId, Title = r.Problem!.Title, AskerId = r.Problem.AuthorId, Summary = r.Summary,
        };

    public static async Task<List<LedgerEntry>> ToEntriesAsync(RapportDbContext db, MarkdownRenderer markdown, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var people = await db.LoadPeopleAsync(rows.SelectMany(r => new[] { r.CreditedId, r.AskerId }).Distinct().ToList(), cancellationToken);
        return rows.Select(r => new LedgerEntry(
            r.Id, r.ContributionId is null ? CreditKind.Referral : CreditKind.Contribution, r.ProblemId, r.Title, people[r.CreditedId], people[r.AskerId],
            r.Summary, markdown.ToSafeHtml(r.Summary), r.ContributionId, r.InvitationId, r.CreatedAt)).ToList();
    }
}
