using Microsoft.EntityFrameworkCore;
using Rapport.Core.Blocks;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;

namespace Rapport.Core.Agreements;

/// <summary>
/// One side proposes an agreement on a problem: the asker names a helper who took part (a contributor, or an invitee
/// who has not declined, referred it on, been withdrawn or let it expire), or such a helper proposes with themselves
/// as the helper. The proposer's confirmation is recorded with the proposal; the other side confirms
/// (<see cref="ConfirmAgreement"/>). One active agreement per (problem, helper): agreeing twice is a Conflict, also when
/// two requests race (the unique index). Nobody agrees across a block (<see cref="Block.Between"/>), either way. A problem the viewer may not see is NotFound; an ended one is a Conflict.
/// The other side is notified.
/// </summary>
public sealed class ProposeAgreement(AgreementSteps steps)
{
    public async Task<Outcome<AgreementView>> ExecuteAsync(Guid viewerId, Guid problemId, AgreementProposal input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var valid = ValidAgreement.Validate(input, errors);
        var problem = await steps.FindProblemAsync(viewerId, problemId, cancellationToken);
        if (problem is null)
        {
            return Outcome<AgreementView>.NotFound();
        }

        if (valid is null)
        {
            return Outcome<AgreementView>.Invalid(errors);
        }

        if (problem.IsEnded)
        {
            return Outcome<AgreementView>.Conflict(ProblemLifecycle.Describe(ProblemRefusal.Ended));
        }

        var db = steps.Db;
        Guid helperId;
        if (viewerId == problem.AuthorId)
        {
            var named = valid.Helper is null
                ? null
                : await db.People.Where(p => p.Handle == valid.Helper).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
            if (named is not { } id || !await steps.TookPartAsync(problem, id, cancellationToken))
            {
                return Outcome<AgreementView>.Invalid("helper", valid.Helper is null
                    ? "Name the helper you agree with by their handle."
                    : AgreementRefusals.HelperMustTakePart);
            }

            helperId = id;
        }
        else
        {
            if (!await steps.TookPartAsync(problem, viewerId, cancellationToken))
            {
                return Outcome<AgreementView>.Conflict(AgreementRefusals.ProposerMustTakePart);
            }

            if (valid.Helper is not null
                && !await db.People.AnyAsync(p => p.Id == viewerId && p.Handle == valid.Helper, cancellationToken))
            {
                return Outcome<AgreementView>.Invalid("helper", "As a helper you propose an agreement between yourself and the asker; leave the helper empty.");
            }

            helperId = viewerId;
        }

        if (await db.Blocks.Where(Block.Between(problem.AuthorId, helperId)).AnyAsync(cancellationToken))
        {
            return Outcome<AgreementView>.Conflict(AgreementRefusals.AcrossBlock);
        }

        if (await db.Agreements.AnyAsync(a => a.ProblemId == problem.Id && a.HelperId == helperId && a.Status != AgreementStatus.Cancelled, cancellationToken))
        {
            return Outcome<AgreementView>.Conflict(AgreementRefusals.AlreadyAgreed);
        }

        var now = steps.Now;
        var agreement = new Agreement
        {
            Id = Guid.CreateVersion7(now),
            ProblemId = problem.Id,
            AskerId = problem.AuthorId,
            HelperId = helperId,
            ProposedById = viewerId,
            Scope = valid.Scope,
            Terms = valid.Terms,
            PriceAmount = valid.PriceAmount,
            PriceCurrency = valid.PriceCurrency,
            DueOn = valid.DueOn,
            AskerConfirmedAt = viewerId == problem.AuthorId ? now : null,
            HelperConfirmedAt = viewerId == helperId ? now : null,
            CreatedAt = now,
            Problem = problem,
        };
        db.Agreements.Add(agreement);
        var name = await steps.NameAsync(viewerId, cancellationToken);
        await steps.NotifyOtherSideAsync(agreement, viewerId, NotificationKind.AgreementProposed, "proposed",
            $"{name} proposed an agreement on “{problem.Title}”.", cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<AgreementView>.Conflict(AgreementRefusals.AlreadyAgreed);
        }

        return await steps.ViewAsync(agreement, viewerId, cancellationToken);
    }
}
