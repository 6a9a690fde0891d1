using Rapport.Core.Dialogue;
using Rapport.Core.People;
using Rapport.Core.Problems;
using Rapport.Core.Resolutions;

namespace Rapport.Core.Tests.Invitations;

/// <summary>Past work written straight to the database (dated in the past): problems, contributions, credits, thanks.</summary>
internal static class RoutingHistory
{
    /// <summary>A problem of <paramref name="author"/> posted at <paramref name="at"/> on <paramref name="topic"/>.</summary>
    public static Problem Problem(Person author, DateTimeOffset at, string topic, string title, ProblemVisibility visibility = ProblemVisibility.Public)
    {
        var problem = new Problem
        {
            Id = Guid.CreateVersion7(at), AuthorId = author.Id, Kind = ProblemKind.Question, Title = title, Body = $"A question about {topic}.",
            Visibility = visibility, CreatedAt = at, StatusChangedAt = at,
        };
        problem.Topics.Add(new ProblemTopic { Topic = topic });
        return problem;
    }

    /// <summary>A contribution of <paramref name="helper"/> to <paramref name="problem"/>, <paramref name="after"/> it was posted.</summary>
    public static Contribution Contribution(Problem problem, Person helper, TimeSpan after, string body) => new()
    {
        Id = Guid.CreateVersion7(problem.CreatedAt + after), ProblemId = problem.Id, AuthorId = helper.Id, Kind = ContributionKind.Reply, Body = body,
        CreatedAt = problem.CreatedAt + after,
    };

    /// <summary>A resolution of <paramref name="problem"/> crediting <paramref name="contribution"/>, <paramref name="after"/> the contribution.</summary>
    public static Resolution Credit(Problem problem, Contribution contribution, TimeSpan after)
    {
        var at = contribution.CreatedAt + after;
        var resolution = new Resolution { Id = Guid.CreateVersion7(at), ProblemId = problem.Id, ResolvedById = problem.AuthorId, Summary = "Solved.", CreatedAt = at };
        resolution.Credits.Add(new Credit { Id = Guid.CreateVersion7(at), CreditedPersonId = contribution.AuthorId, ContributionId = contribution.Id, CreatedAt = at });
        return resolution;
    }

    /// <summary>Thanks from <paramref name="from"/> for <paramref name="contribution"/>, <paramref name="after"/> it.</summary>
    public static Thanks Thanks(Contribution contribution, Person from, TimeSpan after) =>
        new() { ContributionId = contribution.Id, PersonId = from.Id, CreatedAt = contribution.CreatedAt + after };
}
