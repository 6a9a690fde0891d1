using Microsoft.EntityFrameworkCore;
using Rapport.Core.Interactions;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;

namespace Rapport.Core.Agreements;

/// <summary>
/// Each side writes one short reflection on a delivered agreement: a <c>reflected</c> interaction to the other side,
/// who is notified. After the asker's reflection the answer carries a <see cref="TrustOffer"/>: state or raise trust in
/// the helper on the problem's first topic, through the trust pages and <c>StateTrust</c>. Reflecting before delivery
/// or twice is a Conflict and changes nothing.
/// </summary>
public sealed class ReflectOnAgreement(AgreementSteps steps)
{
    public async Task<Outcome<Reflected>> ExecuteAsync(Guid viewerId, Guid problemId, Guid agreementId, string? text, CancellationToken cancellationToken)
    {
        var agreement = await steps.FindAgreementAsync(viewerId, problemId, agreementId, cancellationToken);
        if (agreement is null)
        {
            return Outcome<Reflected>.NotFound();
        }

        var refusal = viewerId != agreement.AskerId && viewerId != agreement.HelperId ? AgreementRefusals.NotParty
            : agreement.Status != AgreementStatus.Delivered ? AgreementRefusals.NotDelivered
            : agreement.Reflections.Any(r => r.PersonId == viewerId) ? AgreementRefusals.AlreadyReflected
            : null;
        if (refusal is not null)
        {
            return Outcome<Reflected>.Conflict(refusal);
        }

        var trimmed = text?.Trim() ?? "";
        var errors = new FieldErrors().Required("text", trimmed, "Your reflection").MaxLength("text", trimmed, Reflection.TextMaxLength, "Your reflection");
        if (!errors.IsEmpty)
        {
            return Outcome<Reflected>.Invalid(errors);
        }

        var now = steps.Now;
        // Added through the set: a new entity with its key already set, reached through a navigation, would be taken for an existing one.
        steps.Db.Reflections.Add(new Reflection { Id = Guid.CreateVersion7(now), AgreementId = agreement.Id, PersonId = viewerId, Text = trimmed, CreatedAt = now });
        var other = viewerId == agreement.AskerId ? agreement.HelperId : agreement.AskerId;
        steps.AddInteraction(viewerId, other, InteractionKind.Reflected, agreement);
        var name = await steps.NameAsync(viewerId, cancellationToken);
        await steps.NotifyOtherSideAsync(agreement, viewerId, NotificationKind.ReflectionWritten, $"reflection:{viewerId}",
            $"{name} wrote a reflection on your agreement on “{agreement.Problem!.Title}”.", cancellationToken);
        try
        {
            await steps.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<Reflected>.Conflict(AgreementRefusals.AlreadyReflected);
        }

        var view = await steps.ViewAsync(agreement, viewerId, cancellationToken);
        var offer = viewerId == agreement.AskerId
            ? new TrustOffer(view.Helper.Handle, view.Helper.DisplayName, agreement.Problem.Topics.Select(t => t.Topic).Order(StringComparer.Ordinal).FirstOrDefault())
            : null;
        return new Reflected(view, offer);
    }
}
