using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Problems;

/// <summary>
/// The author edits their problem's kind, title, description, topics, place, community and visibility (the same rules
/// as posting). Someone else's problem is NotFound, whether or not they may see it. The status does not change.
/// </summary>
public sealed class EditProblem(RapportDbContext db, TimeProvider clock)
{
    public async Task<Outcome<ProblemSummary>> ExecuteAsync(
        Guid authorId, Guid problemId, ProblemInput input, CancellationToken cancellationToken)
    {
        var problem = await db.Problems.Include(p => p.Topics)
            .SingleOrDefaultAsync(p => p.Id == problemId && p.AuthorId == authorId, cancellationToken);
        if (problem is null)
        {
            return Outcome<ProblemSummary>.NotFound();
        }

        var validated = await ProblemRules.ValidateAsync(db, authorId, input, cancellationToken);
        if (validated.Value is not { } valid)
        {
            return Outcome<ProblemSummary>.Invalid(validated.Errors);
        }

        PostProblem.Apply(problem, valid);
        problem.EditedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return (await db.ToSummariesAsync(db.Problems.AsNoTracking().Where(p => p.Id == problemId), authorId, cancellationToken)).Single();
    }
}
