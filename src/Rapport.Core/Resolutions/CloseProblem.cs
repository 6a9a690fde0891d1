using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;

namespace Rapport.Core.Resolutions;

/// <summary>
/// The asker (or a host of its community) closes a problem without a solution, saying what came of it (the outcome
/// text, required). Nobody is credited. The same refusals as <see cref="ResolveProblem"/>; the asker is notified when a
/// host closed it.
/// </summary>
public sealed class CloseProblem(ResolutionSteps steps)
{
    public async Task<Outcome<ResolutionView>> ExecuteAsync(Guid viewerId, Guid problemId, string? outcome, CancellationToken cancellationToken)
    {
        var (problem, refused) = await steps.FindForAsync<ResolutionView>(viewerId, problemId, cancellationToken);
        if (problem is null)
        {
            return refused!;
        }

        if (ProblemLifecycle.Refusal(problem.Status, ProblemTransition.Close) is { } refusal)
        {
            return Outcome<ResolutionView>.Conflict(ProblemLifecycle.Describe(refusal));
        }

        var summary = outcome?.Trim() ?? "";
        var errors = new FieldErrors().Required("summary", summary, "The outcome").MaxLength("summary", summary, Resolution.SummaryMaxLength, "The outcome");
        if (!errors.IsEmpty)
        {
            return Outcome<ResolutionView>.Invalid(errors);
        }

        var now = steps.Now;
        problem.Close(now);
        var resolution = new Resolution
        {
            Id = Guid.CreateVersion7(now), ProblemId = problem.Id, ResolvedById = viewerId, Outcome = ResolutionOutcome.Closed, Summary = summary, CreatedAt = now,
        };
        steps.Db.Resolutions.Add(resolution);
        await steps.Notices.AddAsync(problem.AuthorId, viewerId, NotificationKind.ProblemClosed, $"resolution:{resolution.Id}",
            $"“{problem.Title}” was closed by a host of its community.", ResolutionSteps.Link(problem.Id), problem.Id, cancellationToken);
        await steps.Db.SaveChangesAsync(cancellationToken);
        return (await steps.ViewsAsync([resolution], cancellationToken))[0];
    }
}
