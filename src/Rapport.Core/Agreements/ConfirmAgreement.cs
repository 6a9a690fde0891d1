using Rapport.Core.Interactions;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;

namespace Rapport.Core.Agreements;

/// <summary>
/// The other side confirms a proposed agreement: it becomes confirmed, the problem moves to agreed
/// (<see cref="Problem.RecordAgreement"/>), an <c>agreed</c> interaction is appended from the confirmer to the proposer,
/// and the proposer is notified. Confirming one's own proposal, or an agreement not waiting for confirmation, is a
/// Conflict and changes nothing.
/// </summary>
public sealed class ConfirmAgreement(AgreementSteps steps)
{
    public async Task<Outcome<AgreementView>> ExecuteAsync(Guid viewerId, Guid problemId, Guid agreementId, CancellationToken cancellationToken)
    {
        var agreement = await steps.FindAgreementAsync(viewerId, problemId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return Outcome<AgreementView>.NotFound();
        }

        var refusal = viewerId != agreement.AskerId && viewerId != agreement.HelperId ? AgreementRefusals.NotParty
            : agreement.Problem!.IsEnded ? ProblemLifecycle.Describe(ProblemRefusal.Ended)
            : agreement.Status != AgreementStatus.Proposed ? AgreementRefusals.NotProposed
            : viewerId == agreement.ProposedById ? AgreementRefusals.OwnProposal
            : null;
        if (refusal is not null)
        {
            return Outcome<AgreementView>.Conflict(refusal);
        }

        var now = steps.Now;
        if (agreement.Problem!.RecordAgreement(now) is { } moveRefused)
        {
            return Outcome<AgreementView>.Conflict(ProblemLifecycle.Describe(moveRefused));
        }

        if (viewerId == agreement.AskerId)
        {
            agreement.AskerConfirmedAt = now;
        }
        else
        {
            agreement.HelperConfirmedAt = now;
        }

        agreement.Status = AgreementStatus.Confirmed;
        steps.AddInteraction(viewerId, agreement.ProposedById, InteractionKind.Agreed, agreement);
        var name = await steps.NameAsync(viewerId, cancellationToken);
        await steps.NotifyOtherSideAsync(agreement, viewerId, NotificationKind.AgreementConfirmed, "confirmed",
            $"{name} confirmed your agreement on “{agreement.Problem.Title}”.", cancellationToken);
        await steps.Db.SaveChangesAsync(cancellationToken);
        return await steps.ViewAsync(agreement, viewerId, cancellationToken);
    }
}
