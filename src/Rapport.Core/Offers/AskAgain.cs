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
/// paused offer (conflict), when <see cref="AskRules"/> refuses the provider (blocked, away, over budget: conflict),
/// and beyond <see cref="Problem.MaxPostedPerDay"/> problems a day. An offer the viewer may not see: NotFound.
/// The problem is written through the model here; posting's own use case owns the other ways in.
/// </summary>
public sealed class AskAgain(RapportDbContext db, InvitationWriter writer, TimeProvider clock)
{
    public const string DefaultBody = "I would like to ask you again for this.";

    public async Task<Outcome<AskedAgain>> ExecuteAsync(Guid askerId, Guid offerId, string? text, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.AsNoTracking().Include(o => o.Topics).Where(o => o.Id == offerId).VisibleTo(askerId).SingleOrDefaultAsync(cancellationToken);
        if (offer is null)
        {
            return Outcome<AskedAgain>.NotFound();
        }

        var body = text?.Trim() ?? "";
        if (body.Length > Problem.BodyMaxLength)
        {
            return Outcome<AskedAgain>.Invalid("text", $"At most {Problem.BodyMaxLength} characters.");
        }

        if (offer.PersonId == askerId || !offer.IsActive)
        {
            return Outcome<AskedAgain>.Conflict(offer.PersonId == askerId ? "This is your own offer." : "This offer is paused.");
        }

        if (!await Relationships.ExistsAsync(db, askerId, offer.PersonId, cancellationToken))
        {
            return Outcome<AskedAgain>.Conflict("“Ask again” is for people who have worked with this person before; post a problem and invite them instead.");
        }

        var now = clock.GetUtcNow();
        var since = now - TimeSpan.FromDays(1);
        if (await db.Problems.CountAsync(p => p.AuthorId == askerId && p.CreatedAt > since, cancellationToken) >= Problem.MaxPostedPerDay)
        {
            return Outcome<AskedAgain>.Conflict($"You can post at most {Problem.MaxPostedPerDay} problems a day.");
        }

        var problem = new Problem
        {
            Id = Guid.CreateVersion7(now),
            AuthorId = askerId,
            Kind = ProblemKind.Request,
            Title = $"Ask again: {offer.Title}",
            Body = body.Length > 0 ? body : DefaultBody,
            Place = offer.Place,
            Visibility = ProblemVisibility.Invited,
            OfferId = offer.Id,
            CreatedAt = now,
            StatusChangedAt = now,
        };
        problem.Topics.AddRange(offer.Topics.Take(Problem.MaxTopics).Select(t => new ProblemTopic { Topic = t.Topic }));
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
}
