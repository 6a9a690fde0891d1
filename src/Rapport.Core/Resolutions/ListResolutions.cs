using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;

namespace Rapport.Core.Resolutions;

/// <summary>A problem's resolutions and closings, newest first (the first is the current one when the problem has ended), with whether the viewer may end or reopen it.</summary>
public sealed class ListResolutions(ResolutionSteps steps)
{
    /// <summary>At most this many are listed: each needs a reopening, so real problems stay far below it.</summary>
    public const int MaxListed = 100;

    public async Task<Outcome<ProblemResolutions>> ExecuteAsync(Guid viewerId, Guid problemId, CancellationToken cancellationToken)
    {
        var problem = await steps.Db.Problems.AsNoTracking().Where(ProblemAccess.CanSee(viewerId)).SingleOrDefaultAsync(p => p.Id == problemId, cancellationToken);
        if (problem is null)
        {
            return Outcome<ProblemResolutions>.NotFound();
        }

        var resolutions = await steps.Db.Resolutions.AsNoTracking()
            .Where(r => r.ProblemId == problemId)
            .Include(r => r.Credits)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        var contributions = await steps.Db.Contributions.AsNoTracking()
            .Where(c => c.ProblemId == problemId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Take(MaxListed)
            .Select(c => new CitableContribution(c.Id, c.Author!.Handle, c.Author.DisplayName, c.Kind, c.Body.Length > CitableContribution.ExcerptLength ? c.Body.Substring(0, CitableContribution.ExcerptLength) + "…" : c.Body))
            .ToListAsync(cancellationToken);
        return new ProblemResolutions(
            problem.Id, problem.Title, problem.Status, problem.AuthorId == viewerId, await steps.MayEndAsync(problem, viewerId, cancellationToken),
            await steps.ViewsAsync(resolutions, cancellationToken), contributions);
    }
}

/// <summary>A problem's endings as the viewer sees them, and the contributions a resolution may cite.</summary>
public sealed record ProblemResolutions(
    Guid ProblemId, string Title, ProblemStatus Status, bool ViewerIsAsker, bool ViewerMayEnd, IReadOnlyList<ResolutionView> Resolutions, IReadOnlyList<CitableContribution> Contributions);

/// <summary>A contribution offered for citing: who wrote it, and the start of its text.</summary>
public sealed record CitableContribution(Guid Id, string AuthorHandle, string AuthorDisplayName, Dialogue.ContributionKind Kind, string Excerpt)
{
    public const int ExcerptLength = 200;
}
