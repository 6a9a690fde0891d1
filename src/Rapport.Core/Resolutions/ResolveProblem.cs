using Microsoft.EntityFrameworkCore;
using Rapport.Core.Interactions;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;

namespace Rapport.Core.Resolutions;

/// <summary>
/// The asker (or a host of its community) resolves a problem with a summary, citing the contributions it used (at least
/// one, at most <see cref="Resolution.MaxCredits"/>, all on this problem). Every cited contribution credits its author
/// (one <see cref="Credit"/> each); every referral in the invitation chain that led to a credited contributor credits its
/// referrer (<see cref="ReferralChain"/>). Nobody is credited for their own resolution. Each credit appends a
/// <c>credited</c> interaction from the resolver; each credited person gets one notice, and the asker one when a host
/// resolved it. Refused (changing nothing): a problem the viewer cannot see (NotFound); someone else's (Conflict); a move
/// the lifecycle refuses, e.g. an already resolved problem (Conflict); a contribution of another problem (field error).
/// </summary>
public sealed class ResolveProblem(ResolutionSteps steps)
{
    public async Task<Outcome<ResolutionView>> ExecuteAsync(Guid viewerId, Guid problemId, ResolutionInput input, CancellationToken cancellationToken)
    {
        var (problem, refused) = await steps.FindForAsync<ResolutionView>(viewerId, problemId, cancellationToken);
        if (problem is null)
        {
            return refused!;
        }

        if (ProblemLifecycle.Refusal(problem.Status, ProblemTransition.Resolve) is { } refusal)
        {
            return Outcome<ResolutionView>.Conflict(ProblemLifecycle.Describe(refusal));
        }

        var db = steps.Db;
        var summary = input.Summary?.Trim() ?? "";
        var cited = (input.ContributionIds ?? []).Distinct().ToList();
        var errors = new FieldErrors().Required("summary", summary, "Summary").MaxLength("summary", summary, Resolution.SummaryMaxLength, "Summary");
        if (cited.Count == 0)
        {
            errors.Add("contributionIds", "Cite at least one contribution that helped. To end without one, close the problem instead.");
        }
        else if (cited.Count > Resolution.MaxCredits)
        {
            errors.Add("contributionIds", $"Cite at most {Resolution.MaxCredits} contributions.");
        }

        var contributions = cited.Count is 0 or > Resolution.MaxCredits
            ? []
            : await db.Contributions.Where(c => cited.Contains(c.Id) && c.ProblemId == problem.Id)
                .Select(c => new { c.Id, c.AuthorId }).ToListAsync(cancellationToken);
        if (contributions.Count != cited.Count && errors.For("contributionIds").Count == 0)
        {
            errors.Add("contributionIds", "Cite only contributions to this problem.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<ResolutionView>.Invalid(errors);
        }

        var now = steps.Now;
        problem.Resolve(now);
        var resolution = new Resolution
        {
            Id = Guid.CreateVersion7(now), ProblemId = problem.Id, ResolvedById = viewerId, Outcome = ResolutionOutcome.Resolved,
            Summary = summary, CreatedAt = now,
        };
        foreach (var contribution in contributions.OrderBy(c => cited.IndexOf(c.Id)).Where(c => c.AuthorId != viewerId))
        {
            resolution.Credits.Add(new Credit
            {
                Id = Guid.CreateVersion7(now), ResolutionId = resolution.Id, CreditedPersonId = contribution.AuthorId, ContributionId = contribution.Id, CreatedAt = now,
            });
        }

        var invitations = await db.Invitations.AsNoTracking().Where(i => i.ProblemId == problem.Id).ToListAsync(cancellationToken);
        foreach (var contributor in resolution.Credits.Select(c => c.CreditedPersonId).Distinct().ToList())
        {
            foreach (var referral in ReferralChain.Leading(contributor, invitations))
            {
                if (referral.InvitedById != viewerId && resolution.Credits.All(c => c.InvitationId != referral.Id))
                {
                    resolution.Credits.Add(new Credit
                    {
                        Id = Guid.CreateVersion7(now), ResolutionId = resolution.Id, CreditedPersonId = referral.InvitedById, InvitationId = referral.Id, CreatedAt = now,
                    });
                }
            }
        }

        db.Resolutions.Add(resolution);
        foreach (var credit in resolution.Credits)
        {
            db.Interactions.Add(new Interaction
            {
                Id = Guid.CreateVersion7(now), FromId = viewerId, ToId = credit.CreditedPersonId, Kind = InteractionKind.Credited, ProblemId = problem.Id,
                ContributionId = credit.ContributionId, InvitationId = credit.InvitationId, CreatedAt = now,
            });
        }

        var link = ResolutionSteps.Link(problem.Id);
        foreach (var person in resolution.Credits.Select(c => c.CreditedPersonId).Distinct())
        {
            await steps.Notices.AddAsync(person, viewerId, NotificationKind.Credited, $"resolution:{resolution.Id}:credited",
                $"You were credited in the resolution of “{problem.Title}”.", link, problem.Id, cancellationToken);
        }

        await steps.Notices.AddAsync(problem.AuthorId, viewerId, NotificationKind.ProblemResolved, $"resolution:{resolution.Id}",
            $"“{problem.Title}” was resolved by a host of its community.", link, problem.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await steps.ViewsAsync([resolution], cancellationToken))[0];
    }
}
