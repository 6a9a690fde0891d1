using Microsoft.EntityFrameworkCore;
using Rapport.Core.Interactions;
using Rapport.Core.Invitations;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;

namespace Rapport.Core.Offers;

/// <summary>
/// One-tap "ask again": someone who already has a relationship with an offer's provider (<see cref="Relationships"/>)
/// makes a prefilled request — kind request, visible to the invited only, the offer's title and topics, their optional
/// text as the body — and an <see cref="InvitationSource.AskAgain"/> invitation straight to the provider, with an
/// <c>asked</c> interaction and the provider's notice. Refused without a relationship (conflict), for one's own or a
/// paused offer (conflict), and when <see cref="AskRules"/> refuses the provider (blocked, away, over budget: conflict).
/// The request goes through the same posting rules as any problem (<see cref="PostProblem.DraftAsync"/>: validation,
/// with errors on <c>text</c>, and the daily limit, with the same Conflict); instead of the router it is sent straight to
/// the provider. An offer the viewer may not see: NotFound.
/// </summary>
public sealed class AskAgain(RapportDbContext db, InvitationWriter writer, TimeProvider clock)
{
    public const string DefaultBody = "I would like to ask you again for this.";

    public const string TitlePrefix = "Ask again: ";

    public async Task<Outcome<AskedAgain>> ExecuteAsync(Guid askerId, Guid offerId, string? text, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.AsNoTracking().Include(o => o.Topics).Where(o => o.Id == offerId).VisibleTo(askerId).SingleOrDefaultAsync(cancellationToken);
        if (offer is null)
        {
            return Outcome<AskedAgain>.NotFound();
        }

        if (offer.PersonId == askerId || !offer.IsActive)
        {
            return Outcome<AskedAgain>.Conflict(offer.PersonId == askerId ? "This is your own offer." : "This offer is paused.");
        }

        if (!await Relationships.ExistsAsync(db, askerId, offer.PersonId, cancellationToken))
        {
            return Outcome<AskedAgain>.Conflict("“Ask again” is for people who have worked with this person before; post a problem and invite them instead.");
        }

        var input = new ProblemInput(
            ProblemKind.Request, $"{TitlePrefix}{offer.Title}", string.IsNullOrWhiteSpace(text) ? DefaultBody : text,
            [.. offer.Topics.Take(Problem.MaxTopics).Select(t => t.Topic)], offer.Place, null, ProblemVisibility.Invited);
        var drafted = await PostProblem.DraftAsync(db, clock, askerId, input, cancellationToken);
        if (drafted.Value is not { } problem)
        {
            return drafted.Kind == OutcomeKind.Conflict ? Outcome<AskedAgain>.Conflict(drafted.Detail!) : Outcome<AskedAgain>.Invalid(AsTextErrors(drafted.Errors));
        }

        problem.OfferId = offer.Id;
        var now = problem.CreatedAt;
        var provider = await db.People.SingleAsync(p => p.Id == offer.PersonId, cancellationToken);
        if (await AskRules.RefusalAsync(db, problem, askerId, provider, now, cancellationToken) is { } refusal)
        {
            return Outcome<AskedAgain>.Conflict(AskRules.Describe(refusal));
        }

        db.Problems.Add(problem);
        db.Interactions.Add(new Interaction
        {
            Id = Guid.CreateVersion7(now), FromId = askerId, ToId = offer.PersonId, Kind = InteractionKind.Asked, ProblemId = problem.Id, CreatedAt = now,
        });
        var invitation = await writer.AddAsync(
            problem, askerId, offer.PersonId, InvitationSource.AskAgain, new WhyYou([], [], [], "", null, offer.Title), null, null, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var view = (await db.Invitations.Where(i => i.Id == invitation.Id).ToViewsAsync(db, cancellationToken))[0];
        return new AskedAgain(problem.Id, view);
    }

    /// <summary>
    /// The one field the person wrote is the text (the body); everything else comes from the offer, which its own rules
    /// keep within the posting rules, so any error is reported on <c>text</c>.
    /// </summary>
    private static FieldErrors AsTextErrors(FieldErrors errors)
    {
        var onText = new FieldErrors();
        foreach (var message in errors.ToDictionary().SelectMany(e => e.Value))
        {
            onText.Add("text", message);
        }

        return onText;
    }
}
