using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;

namespace Rapport.Core.Agreements;

/// <summary>
/// Either side cancels an agreement before delivery (withdrawing a proposal is the same step). It stops being active, so
/// the pair may agree anew; when it was the last confirmed agreement of an agreed problem, the problem settles
/// (delivered if another agreement was delivered, else back to the dialogue). The other side is notified; there is no
/// interaction for a cancellation. A delivered or already cancelled agreement is a Conflict.
/// </summary>
public sealed class CancelAgreement(AgreementSteps steps)
{
    public async Task<Outcome<AgreementView>> ExecuteAsync(Guid viewerId, Guid problemId, Guid agreementId, CancellationToken cancellationToken)
    {
        var agreement = await steps.FindAgreementAsync(viewerId, problemId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return Outcome<AgreementView>.NotFound();
        }

        var refusal = viewerId != agreement.AskerId && viewerId != agreement.HelperId ? AgreementRefusals.NotParty
            : agreement.Status is not (AgreementStatus.Proposed or AgreementStatus.Confirmed) ? AgreementRefusals.NotCancellable
            : null;
        if (refusal is not null)
        {
            return Outcome<AgreementView>.Conflict(refusal);
        }

        agreement.Status = AgreementStatus.Cancelled;
        agreement.CancelledAt = steps.Now;
        await steps.SettleProblemAsync(agreement, cancellationToken);
        var name = await steps.NameAsync(viewerId, cancellationToken);
        await steps.NotifyOtherSideAsync(agreement, viewerId, NotificationKind.AgreementCancelled, "cancelled",
            $"{name} cancelled the agreement on “{agreement.Problem!.Title}”.", cancellationToken);
        await steps.Db.SaveChangesAsync(cancellationToken);
        return await steps.ViewAsync(agreement, viewerId, cancellationToken);
    }
}
