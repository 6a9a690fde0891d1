using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Agreements;
using Rapport.Core.Dialogue;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Resolutions;

namespace Rapport.Web.Tests.Security.Probes;

/// <summary>
/// The agreement chain in the canary world (private level only): O's invited-only problem, which nobody else may see, with
/// O's contribution, an agreement naming X (Secret) as helper — delivered, with O's reflection — and O's resolution
/// crediting X. Every text carries a canary; X is named in the rows but may not see the problem, so X gets 404s and
/// an empty ledger like everyone else. Inserted directly (no interactions or notices), so third parties' views do not
/// change between levels.
/// </summary>
internal static class ProblemChainCanaries
{
    public const string Problem = "pr_hidden";
    public const string Agreement = "ag_hidden";

    public static readonly string[] Labels = [Problem, Agreement];

    public static readonly string[] Canaries =
    [
        $"{CanaryWorld.Marker}-ptitle", $"{CanaryWorld.Marker}-pbody", $"{CanaryWorld.Marker}-contribution", $"{CanaryWorld.Marker}-scope",
        $"{CanaryWorld.Marker}-terms", $"{CanaryWorld.Marker}-reflection", $"{CanaryWorld.Marker}-summary",
    ];

    public static async Task SeedAsync(IServiceProvider services, Guid owner, Guid secret, IDictionary<string, Guid> ids)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var problem = new Problem
        {
            Id = Guid.CreateVersion7(now), AuthorId = owner, Kind = ProblemKind.Request, Title = Canaries[0], Body = Canaries[1],
            Visibility = ProblemVisibility.Invited, CreatedAt = now, StatusChangedAt = now,
        };
        problem.Topics.Add(new ProblemTopic { Topic = "sailing" });
        var contribution = new Contribution { Id = Guid.CreateVersion7(now), ProblemId = problem.Id, AuthorId = secret, Body = Canaries[2], CreatedAt = now };
        var agreement = new Agreement
        {
            Id = Guid.CreateVersion7(now), ProblemId = problem.Id, AskerId = owner, HelperId = secret, ProposedById = owner, Scope = Canaries[3],
            Terms = Canaries[4], Status = AgreementStatus.Delivered, AskerConfirmedAt = now, HelperConfirmedAt = now, DeliveredAt = now, CreatedAt = now,
        };
        var resolution = new Resolution
        {
            Id = Guid.CreateVersion7(now), ProblemId = problem.Id, ResolvedById = owner, Outcome = ResolutionOutcome.Resolved, Summary = Canaries[6], CreatedAt = now,
        };
        resolution.Credits.Add(new Credit { Id = Guid.CreateVersion7(now), CreditedPersonId = secret, ContributionId = contribution.Id, CreatedAt = now });
        db.Problems.Add(problem);
        db.Contributions.Add(contribution);
        db.Agreements.Add(agreement);
        db.Reflections.Add(new Reflection { Id = Guid.CreateVersion7(now), AgreementId = agreement.Id, PersonId = owner, Text = Canaries[5], CreatedAt = now });
        db.Resolutions.Add(resolution);
        await db.SaveChangesAsync();
        ids[Problem] = problem.Id;
        ids[Agreement] = agreement.Id;
    }
}
