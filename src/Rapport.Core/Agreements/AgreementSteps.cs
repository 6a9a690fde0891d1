using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Interactions;
using Rapport.Core.Invitations;
using Rapport.Core.Markdown;
using Rapport.Core.Notifications;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;

namespace Rapport.Core.Agreements;

/// <summary>
/// What every agreement step shares: finding the problem and agreement the way the viewer may see them (anything else
/// is NotFound), appending the step's <see cref="Interaction"/> between the two people, notifying the other side through
/// <see cref="Notices"/> (in the same unit of work), and the view answered.
/// </summary>
public sealed class AgreementSteps(RapportDbContext db, Notices notices, MarkdownRenderer markdown, TimeProvider clock)
{
    /// <summary>The invitation states in which an invitee counts as having taken part (asked and not said no).</summary>
    internal static readonly InvitationStatus[] TakingPart = [InvitationStatus.Pending, InvitationStatus.Accepted];

    internal RapportDbContext Db => db;

    internal DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The problem, tracked, when the viewer may see it; otherwise null (answer NotFound).</summary>
    internal Task<Problem?> FindProblemAsync(Guid viewerId, Guid problemId, CancellationToken cancellationToken) =>
        db.Problems.Where(ProblemAccess.CanSee(viewerId)).Include(p => p.Topics).SingleOrDefaultAsync(p => p.Id == problemId, cancellationToken);

    /// <summary>The agreement (tracked, with its problem and reflections) when the viewer may see its problem; otherwise null.</summary>
    internal Task<Agreement?> FindAgreementAsync(Guid viewerId, Guid problemId, Guid agreementId, CancellationToken cancellationToken) =>
        db.Agreements.Where(ProblemAccess.Through<Agreement>(a => a.Problem!, viewerId))
            .Include(a => a.Problem).ThenInclude(p => p!.Topics)
            .Include(a => a.Reflections)
            .SingleOrDefaultAsync(a => a.Id == agreementId && a.ProblemId == problemId, cancellationToken);

    /// <summary>
    /// Whether <paramref name="personId"/> took part in the problem as a helper may: they contributed to its dialogue, or
    /// were invited to it and have not declined, referred it on, been withdrawn or let it expire. Never its author.
    /// </summary>
    internal async Task<bool> TookPartAsync(Problem problem, Guid personId, CancellationToken cancellationToken) =>
        personId != problem.AuthorId
        && (await db.Contributions.AnyAsync(c => c.ProblemId == problem.Id && c.AuthorId == personId, cancellationToken)
            || await db.Invitations.AnyAsync(
                i => i.ProblemId == problem.Id && i.InviteeId == personId && TakingPart.Contains(i.Status), cancellationToken));

    internal void AddInteraction(Guid fromId, Guid toId, InteractionKind kind, Agreement agreement) =>
        db.Interactions.Add(new Interaction
        {
            Id = Guid.CreateVersion7(Now),
            FromId = fromId,
            ToId = toId,
            Kind = kind,
            ProblemId = agreement.ProblemId,
            AgreementId = agreement.Id,
            CreatedAt = Now,
        });

    /// <summary>Notifies the other side of <paramref name="agreement"/> about <paramref name="actorId"/>'s step.</summary>
    internal Task NotifyOtherSideAsync(Agreement agreement, Guid actorId, NotificationKind kind, string step, string text, CancellationToken cancellationToken)
    {
        var other = actorId == agreement.AskerId ? agreement.HelperId : agreement.AskerId;
        return notices.AddAsync(other, actorId, kind, $"agreement:{agreement.Id}:{step}", text, Link(agreement.ProblemId), agreement.ProblemId, cancellationToken);
    }

    /// <summary>The page where a problem's agreements are shown and acted on.</summary>
    public static string Link(Guid problemId) => $"/problems/{problemId}/agreements";

    /// <summary>The display name of a person, for a notice.</summary>
    internal async Task<string> NameAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.People.Where(p => p.Id == personId).Select(p => p.DisplayName).SingleAsync(cancellationToken);

    /// <summary>
    /// Keeps the problem's status in step after an agreement stops being confirmed-and-waiting (delivered or cancelled):
    /// while the problem is agreed and no other confirmed agreement is waiting for delivery, it becomes delivered when
    /// at least one agreement was delivered, and otherwise returns to the dialogue.
    /// </summary>
    internal async Task SettleProblemAsync(Agreement changed, CancellationToken cancellationToken)
    {
        var problem = changed.Problem!;
        if (problem.Status != ProblemStatus.Agreed)
        {
            return;
        }

        var others = await db.Agreements
            .Where(a => a.ProblemId == problem.Id && a.Id != changed.Id)
            .Select(a => a.Status)
            .ToListAsync(cancellationToken);
        if (others.Contains(AgreementStatus.Confirmed))
        {
            return;
        }

        var anyDelivered = changed.Status == AgreementStatus.Delivered || others.Contains(AgreementStatus.Delivered);
        _ = anyDelivered ? problem.RecordDelivery(Now) : problem.ReturnToDialogue(Now);
    }

    /// <summary>Views of <paramref name="agreements"/> as <paramref name="viewerId"/> sees them, in the order given.</summary>
    internal async Task<List<AgreementView>> ViewsAsync(IReadOnlyList<Agreement> agreements, Guid viewerId, CancellationToken cancellationToken)
    {
        var ids = agreements.SelectMany(a => a.Reflections.Select(r => r.PersonId).Append(a.AskerId).Append(a.HelperId)).Distinct().ToList();
        var people = await db.LoadPeopleAsync(ids, cancellationToken);
        return agreements.Select(a => new AgreementView(
            a.Id, a.ProblemId, people[a.AskerId], people[a.HelperId], a.ProposedById,
            a.Scope, markdown.ToSafeHtml(a.Scope), a.Terms, markdown.ToSafeHtml(a.Terms),
            a.PriceAmount, a.PriceCurrency, a.DueOn, a.Status,
            a.AskerConfirmedAt, a.HelperConfirmedAt, a.DeliveredAt, a.CancelledAt, a.CreatedAt,
            a.Reflections.OrderBy(r => r.CreatedAt).Select(r => new ReflectionView(r.Id, people[r.PersonId], r.Text, r.CreatedAt)).ToList(),
            Moves(a, viewerId))).ToList();
    }

    internal async Task<AgreementView> ViewAsync(Agreement agreement, Guid viewerId, CancellationToken cancellationToken) =>
        (await ViewsAsync([agreement], viewerId, cancellationToken))[0];

    /// <summary>The moves the rules allow <paramref name="viewerId"/> (the use cases also check the problem's state).</summary>
    public static AgreementMoves Moves(Agreement agreement, Guid viewerId)
    {
        var isParty = viewerId == agreement.AskerId || viewerId == agreement.HelperId;
        var ended = agreement.Problem is { } p && p.IsEnded;
        return new AgreementMoves(
            CanConfirm: !ended && agreement.Status == AgreementStatus.Proposed && isParty && viewerId != agreement.ProposedById,
            CanDeliver: !ended && agreement.Status == AgreementStatus.Confirmed && viewerId == agreement.HelperId,
            CanCancel: agreement.Status is AgreementStatus.Proposed or AgreementStatus.Confirmed && isParty,
            CanReflect: agreement.Status == AgreementStatus.Delivered && isParty && agreement.Reflections.All(r => r.PersonId != viewerId));
    }
}
