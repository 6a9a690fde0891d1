using Microsoft.EntityFrameworkCore;
using Rapport.Core.Agreements;
using Rapport.Core.Communities;
using Rapport.Core.Interactions;
using Rapport.Core.Invitations;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Trust;

namespace Rapport.Core.Relationships;

/// <summary>
/// The two-way view between the viewer and one other person: the interactions between the two (only these two ever see
/// them; a problem one names is shown only when the viewer may see it), the problems both took part in that the viewer
/// may see, the agreements between them, the credits each way (to the person who asked), and each side's current trust
/// statements about the other that the viewer may see. Each list shows the newest <see cref="Shown"/>. An unknown handle
/// is NotFound; oneself is a Conflict.
/// </summary>
public sealed class GetRelationship(RapportDbContext db, MarkdownRenderer markdown)
{
    public const int Shown = 50;

    public async Task<Outcome<Relationship>> ExecuteAsync(Guid viewerId, string handle, CancellationToken cancellationToken)
    {
        var otherId = await db.People.Where(p => p.Handle == handle).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (otherId is not { } other)
        {
            return Outcome<Relationship>.NotFound();
        }

        if (other == viewerId)
        {
            return Outcome<Relationship>.Conflict("A relationship is between you and someone else; this is your own profile.");
        }

        var people = await db.LoadPeopleAsync([viewerId, other], cancellationToken);
        var visible = db.Problems.Where(ProblemAccess.CanSee(viewerId));
        var interactions = (await db.Interactions.AsNoTracking()
            .Where(i => (i.FromId == viewerId && i.ToId == other) || (i.FromId == other && i.ToId == viewerId))
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(Shown)
            .Select(i => new { i.Id, i.FromId, i.Kind, i.CreatedAt, Problem = visible.Where(p => p.Id == i.ProblemId).Select(p => new { p.Id, p.Title }).FirstOrDefault() })
            .ToListAsync(cancellationToken))
            .Select(i => new RelationshipInteraction(i.Id, i.FromId == viewerId, i.Kind, i.Problem?.Id, i.Problem?.Title, i.CreatedAt))
            .ToList();

        var shared = await visible.AsNoTracking()
            .Where(p => (p.AuthorId == viewerId
                         || db.Contributions.Any(c => c.ProblemId == p.Id && c.AuthorId == viewerId)
                         || p.Invitations.Any(i => i.InviteeId == viewerId && i.Status != InvitationStatus.Withdrawn))
                        && (p.AuthorId == other
                            || db.Contributions.Any(c => c.ProblemId == p.Id && c.AuthorId == other)
                            || p.Invitations.Any(i => i.InviteeId == other && i.Status != InvitationStatus.Withdrawn)))
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Take(Shown)
            .Select(p => new SharedProblem(p.Id, p.Title, p.Status, p.AuthorId == viewerId, p.CreatedAt))
            .ToListAsync(cancellationToken);

        var agreements = await db.Agreements.AsNoTracking()
            .Where(ProblemAccess.Through<Agreement>(a => a.Problem!, viewerId))
            .Where(a => (a.AskerId == viewerId && a.HelperId == other) || (a.AskerId == other && a.HelperId == viewerId))
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Take(Shown)
            .Select(a => new RelationshipAgreement(a.Id, a.ProblemId, a.Problem!.Title, a.AskerId == viewerId, a.Status, a.Scope, a.CreatedAt, a.DeliveredAt))
            .ToListAsync(cancellationToken);

        var ledger = LedgerEntries.Visible(db, viewerId);
        var toThem = await ledger.Where(r => r.CreditedId == other && r.AskerId == viewerId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(Shown).ToListAsync(cancellationToken);
        var toViewer = await ledger.Where(r => r.CreditedId == viewerId && r.AskerId == other)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(Shown).ToListAsync(cancellationToken);

        var statements = await db.TrustStatements.AsNoTracking()
            .Where(TrustStatementAccess.CanSee(viewerId))
            .Where(s => s.RevokedAt == null && ((s.FromId == viewerId && s.ToId == other) || (s.FromId == other && s.ToId == viewerId)))
            .OrderBy(s => s.Topic).ThenBy(s => s.Id)
            .Take(Shown * 2)
            .ToListAsync(cancellationToken);
        var trust = await db.ToViewsAsync(markdown, statements, viewerId, cancellationToken);

        return new Relationship(
            people[other],
            interactions,
            shared,
            agreements,
            await LedgerEntries.ToEntriesAsync(db, markdown, toThem, cancellationToken),
            await LedgerEntries.ToEntriesAsync(db, markdown, toViewer, cancellationToken),
            trust.Where(s => s.From.Id == viewerId).ToList(),
            trust.Where(s => s.From.Id == other).ToList());
    }
}

/// <summary>The viewer's relationship with <see cref="Other"/>; "mine" and "theirs" are from the viewer's side.</summary>
public sealed record Relationship(
    PersonSummary Other,
    IReadOnlyList<RelationshipInteraction> Interactions,
    IReadOnlyList<SharedProblem> SharedProblems,
    IReadOnlyList<RelationshipAgreement> Agreements,
    IReadOnlyList<LedgerEntry> CreditsGiven,
    IReadOnlyList<LedgerEntry> CreditsReceived,
    IReadOnlyList<TrustStatementView> MyTrust,
    IReadOnlyList<TrustStatementView> TheirTrust);

/// <summary>One interaction between the two; the problem is null when there is none or the viewer may not see it.</summary>
public sealed record RelationshipInteraction(Guid Id, bool FromViewer, InteractionKind Kind, Guid? ProblemId, string? ProblemTitle, DateTimeOffset CreatedAt);

public sealed record SharedProblem(Guid Id, string Title, ProblemStatus Status, bool AskedByViewer, DateTimeOffset CreatedAt);

public sealed record RelationshipAgreement(
    Guid Id, Guid ProblemId, string ProblemTitle, bool ViewerIsAsker, AgreementStatus Status, string Scope, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt);
