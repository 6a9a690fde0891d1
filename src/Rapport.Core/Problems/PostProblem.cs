using Microsoft.EntityFrameworkCore;
using Rapport.Core.Invitations;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Problems;

/// <summary>
/// Posts a problem: valid fields (<see cref="ProblemInput"/>), a community only among the author's own, at most
/// <see cref="Problem.MaxPostedPerDay"/> problems per person in 24 hours (Conflict beyond). It starts open and is routed at
/// once (<see cref="RouteProblem"/>: the best matching people are invited, each with why; the asker can find more helpers or
/// invite by hand later). Answers its summary.
/// </summary>
public sealed class PostProblem(RapportDbContext db, TimeProvider clock, RouteProblem router)
{
    public async Task<Outcome<ProblemSummary>> ExecuteAsync(Guid authorId, ProblemInput input, CancellationToken cancellationToken)
    {
        var drafted = await DraftAsync(db, clock, authorId, input, cancellationToken);
        if (drafted.Value is not { } problem)
        {
            return drafted.Kind == OutcomeKind.Conflict ? Outcome<ProblemSummary>.Conflict(drafted.Detail!) : Outcome<ProblemSummary>.Invalid(drafted.Errors);
        }

        db.Problems.Add(problem);
        await db.SaveChangesAsync(cancellationToken);
        // The problem is stored first: routing finding nobody (or refusing) never takes the post back.
        await router.ExecuteAsync(authorId, problem.Id, cancellationToken);
        return (await db.ToSummariesAsync(db.Problems.AsNoTracking().Where(p => p.Id == problem.Id), authorId, cancellationToken)).Single();
    }

    /// <summary>
    /// The posting rules every way a problem comes in goes through (here, and a one-tap ask again): valid fields, then
    /// the daily limit. Answers the new problem, not yet added to <paramref name="db"/>; Invalid or Conflict otherwise.
    /// </summary>
    internal static async Task<Outcome<Problem>> DraftAsync(
        RapportDbContext db, TimeProvider clock, Guid authorId, ProblemInput input, CancellationToken cancellationToken)
    {
        var validated = await ProblemRules.ValidateAsync(db, authorId, input, cancellationToken);
        if (validated.Value is not { } valid)
        {
            return Outcome<Problem>.Invalid(validated.Errors);
        }

        var now = clock.GetUtcNow();
        var since = now - TimeSpan.FromDays(1);
        if (await db.Problems.CountAsync(p => p.AuthorId == authorId && p.CreatedAt > since, cancellationToken) >= Problem.MaxPostedPerDay)
        {
            return Outcome<Problem>.Conflict(DailyLimitReached);
        }

        var problem = new Problem
        {
            Id = Guid.CreateVersion7(now),
            AuthorId = authorId,
            CreatedAt = now,
            StatusChangedAt = now,
        };
        Apply(problem, valid);
        return problem;
    }

    internal static readonly string DailyLimitReached =
        $"You have posted {Problem.MaxPostedPerDay} problems in the last 24 hours. Try again later.";

    internal static void Apply(Problem problem, ValidProblem valid)
    {
        problem.Kind = valid.Kind;
        problem.Title = valid.Title;
        problem.Body = valid.Body;
        problem.Place = valid.Place;
        problem.CommunityId = valid.CommunityId;
        problem.Visibility = valid.Visibility;
        problem.Topics.RemoveAll(t => !valid.Topics.Contains(t.Topic, StringComparer.Ordinal));
        foreach (var topic in valid.Topics.Where(t => problem.Topics.All(existing => existing.Topic != t)))
        {
            problem.Topics.Add(new ProblemTopic { ProblemId = problem.Id, Topic = topic });
        }
    }
}
