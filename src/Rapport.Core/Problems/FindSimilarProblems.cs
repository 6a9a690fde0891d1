using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Problems;

/// <summary>A problem found by <see cref="FindSimilarProblems"/>, with how well it matched (higher is closer).</summary>
public sealed record SimilarProblem(ProblemSummary Problem, int Relevance);

/// <summary>
/// "Similar problems already asked", while composing: full-text search (<see cref="ProblemSearch"/>) over the problems
/// the viewer may see (<see cref="ProblemAccess.CanSee"/> is applied inside the same query, before the limit), best
/// match first, then newest. A query with no searchable word answers nothing. Nothing about problems the viewer may not
/// see — not their number, not their words — affects the answer.
/// </summary>
public sealed class FindSimilarProblems(RapportDbContext db)
{
    public const int DefaultLimit = 5;
    public const int MaxLimit = 20;
    public const int QueryMaxLength = 500;

    public async Task<Outcome<IReadOnlyList<SimilarProblem>>> ExecuteAsync(
        Guid viewerId, string? query, int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().MaxLength("q", query, QueryMaxLength, "The search");
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"Limit must be between 1 and {MaxLimit}.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<IReadOnlyList<SimilarProblem>>.Invalid(errors);
        }

        var terms = ProblemSearch.Terms(query);
        if (terms.Count == 0)
        {
            return Array.Empty<SimilarProblem>();
        }

        var ranked = await (
                from hit in ProblemSearch.Hits(db, terms)
                join problem in db.Problems.Where(ProblemAccess.CanSee(viewerId)) on hit.ProblemId equals problem.Id
                orderby hit.Score descending, problem.CreatedAt descending, problem.Id descending
                select new { problem.Id, hit.Score })
            .Take(take)
            .ToListAsync(cancellationToken);
        var ids = ranked.Select(r => r.Id).ToList();
        var summaries = (await db.ToSummariesAsync(db.Problems.AsNoTracking().Where(p => ids.Contains(p.Id)), viewerId, cancellationToken))
            .ToDictionary(s => s.Id);
        return ranked.Select(r => new SimilarProblem(summaries[r.Id], r.Score)).ToList();
    }
}
