using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Dialogue;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Testing;

namespace Rapport.Web.Tests.Agreements;

/// <summary>Problems and contributions inserted directly, as their own use cases (on the problems branch) would leave them.</summary>
internal static class ProblemSeed
{
    public static async Task<Guid> ProblemAsync(IServiceProvider services, TestPerson author, string title, ProblemVisibility visibility = ProblemVisibility.Public)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var problem = new Problem
        {
            Id = Guid.CreateVersion7(now), AuthorId = author.Person.Id, Kind = ProblemKind.Problem, Title = title, Body = "The hull leaks.",
            Visibility = visibility, CreatedAt = now, StatusChangedAt = now,
        };
        problem.Topics.Add(new ProblemTopic { Topic = "sailing" });
        db.Problems.Add(problem);
        await db.SaveChangesAsync();
        return problem.Id;
    }

    public static async Task<Guid> ContributionAsync(IServiceProvider services, Guid problemId, TestPerson author, string body)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var problem = await db.Problems.SingleAsync(p => p.Id == problemId);
        if (problem.AuthorId != author.Person.Id && problem.Status == ProblemStatus.Open)
        {
            problem.StartDialogue(now);
        }

        var contribution = new Contribution { Id = Guid.CreateVersion7(now), ProblemId = problemId, AuthorId = author.Person.Id, Body = body, CreatedAt = now };
        db.Contributions.Add(contribution);
        await db.SaveChangesAsync();
        return contribution.Id;
    }
}
