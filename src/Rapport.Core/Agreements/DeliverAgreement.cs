using Rapport.Core.Interactions;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;

namespace Rapport.Core.Agreements;

/// <summary>
/// The helper marks a confirmed agreement delivered: a <c>delivered</c> interaction from helper to asker, the asker is
/// notified, and the problem moves to delivered once no other confirmed agreement is still waiting for delivery
/// (<see cref="AgreementSteps.SettleProblemAsync"/>). Delivering before both confirmed, twice, or as anyone but the
/// helper is a Conflict and changes nothing.
/// </summary>
public sealed class DeliverAgreement(AgreementSteps steps)
{
    public async Task<Outcome<AgreementView>> ExecuteAsync(Guid viewerId, Guid problemId, Guid agreementId, CancellationToken cancellationToken)
    {
        var agreement = await steps.FindAgreementAsync(viewerId, problemId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return Outcome<AgreementView>.NotFound();
        }

        var refusal = viewerId != agreement.HelperId ? AgreementRefusals.OnlyHelperDelivers
            : agreement.Problem!.IsEnded ? ProblemLifecycle.Describe(ProblemRefusal.Ended)
            : agreement.Status == AgreementStatus.Delivered ? AgreementRefusals.AlreadyDelivered
            : agreement.Status != AgreementStatus.Confirmed ? AgreementRefusals.NotConfirmed
            : null;
        if (refusal is not null)
        {
            return Outcome<AgreementView>.Conflict(refusal);
        }

        agreement.Status = AgreementStatus.Delivered;
        agreement.DeliveredAt = steps.Now;
        await steps.SettleProblemAsync(agreement, cancellationToken);
        steps.AddInteraction(agreement.HelperId, agreement.AskerId, InteractionKind.Delivered, agreement);
        var name = await steps.NameAsync(viewerId, cancellationToken);
        await steps.NotifyOtherSideAsync(agreement, viewerId, NotificationKind.AgreementDelivered, "delivered",
            $"{name} marked your agreement on “{agreement.Problem!.Title}” delivered.", cancellationToken);
        await steps.Db.SaveChangesAsync(cancellationToken);
        return await steps.ViewAsync(agreement, viewerId, cancellationToken);
    }
}
