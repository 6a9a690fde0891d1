using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;

namespace Rapport.Core.Resolutions;

/// <summary>
/// The asker (or a host of its community) reopens a resolved or closed problem: back to the dialogue (or open, if nobody
/// else ever contributed). Earlier resolutions and their credits are kept. Reopening a problem that has not ended is a
/// Conflict; the asker is notified when a host reopened it.
/// </summary>
public sealed class ReopenProblem(ResolutionSteps steps)
{
    public async Task<Outcome<ProblemStatus>> ExecuteAsync(Guid viewerId, Guid problemId, CancellationToken cancellationToken)
    {
        var (problem, refused) = await steps.FindForAsync<ProblemStatus>(viewerId, problemId, cancellationToken);
        if (problem is null)
        {
            return refused!;
        }

        var now = steps.Now;
        if (problem.Reopen(now) is { } refusal)
        {
            return Outcome<ProblemStatus>.Conflict(ProblemLifecycle.Describe(refusal));
        }

        await steps.Notices.AddAsync(problem.AuthorId, viewerId, NotificationKind.ProblemReopened, $"problem:{problem.Id}:reopened:{now.UtcTicks}",
            $"“{problem.Title}” was reopened by a host of its community.", ResolutionSteps.Link(problem.Id), problem.Id, cancellationToken);
        await steps.Db.SaveChangesAsync(cancellationToken);
        return problem.Status;
    }
}
