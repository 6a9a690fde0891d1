using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Problems;

namespace Rapport.Core.Agreements;

/// <summary>A problem's agreements, oldest first, cancelled ones included; NotFound when the viewer may not see the problem.</summary>
public sealed class ListAgreements(AgreementSteps steps)
{
    /// <summary>At most this many are listed; a problem has one active agreement per helper, so this is generous.</summary>
    public const int MaxListed = 200;

    public async Task<Outcome<IReadOnlyList<AgreementView>>> ExecuteAsync(Guid viewerId, Guid problemId, CancellationToken cancellationToken)
    {
        var problem = await steps.Db.Problems.AsNoTracking().Where(ProblemAccess.CanSee(viewerId)).SingleOrDefaultAsync(p => p.Id == problemId, cancellationToken);
        if (problem is null)
        {
            return Outcome<IReadOnlyList<AgreementView>>.NotFound();
        }

        var agreements = await steps.Db.Agreements.AsNoTracking()
            .Where(a => a.ProblemId == problemId)
            .Include(a => a.Reflections)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        foreach (var agreement in agreements)
        {
            agreement.Problem = problem;
        }

        return await steps.ViewsAsync(agreements, viewerId, cancellationToken);
    }
}
