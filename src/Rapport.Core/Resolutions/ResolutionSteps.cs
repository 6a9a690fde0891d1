using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Markdown;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;

namespace Rapport.Core.Resolutions;

/// <summary>
/// What resolving, closing and reopening share: the problem as the viewer may see it (NotFound otherwise), the one rule
/// for who may end or reopen it — its asker, or for a community problem a host of that community (anyone else who can
/// see it gets a Conflict saying so) — and the views answered.
/// </summary>
public sealed class ResolutionSteps(RapportDbContext db, Notices notices, MarkdownRenderer markdown, TimeProvider clock)
{
    public const string NotAllowed = "Only the asker, or a host of its community for a community problem, can resolve, close or reopen this problem.";

    internal RapportDbContext Db => db;

    internal Notices Notices => notices;

    internal DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Whether <paramref name="personId"/> may resolve, close or reopen <paramref name="problem"/>.</summary>
    public async Task<bool> MayEndAsync(Problem problem, Guid personId, CancellationToken cancellationToken) =>
        problem.AuthorId == personId
        || (problem.CommunityId is { } community
            && await db.Memberships.AnyAsync(m => m.CommunityId == community && m.PersonId == personId && m.Role == CommunityRole.Host, cancellationToken));

    /// <summary>The problem (tracked) when the viewer may see it and end it; the outcome to answer otherwise.</summary>
    internal async Task<(Problem? Problem, Outcome<T>? Refused)> FindForAsync<T>(Guid viewerId, Guid problemId, CancellationToken cancellationToken)
    {
        var problem = await db.Problems.Where(ProblemAccess.CanSee(viewerId)).SingleOrDefaultAsync(p => p.Id == problemId, cancellationToken);
        if (problem is null)
        {
            return (null, Outcome<T>.NotFound());
        }

        return await MayEndAsync(problem, viewerId, cancellationToken) ? (problem, null) : (null, Outcome<T>.Conflict(NotAllowed));
    }

    /// <summary>The problem's page for a notice.</summary>
    public static string Link(Guid problemId) => $"/problems/{problemId}/resolve";

    internal async Task<List<ResolutionView>> ViewsAsync(IReadOnlyList<Resolution> resolutions, CancellationToken cancellationToken)
    {
        var ids = resolutions.SelectMany(r => r.Credits.Select(c => c.CreditedPersonId).Append(r.ResolvedById)).Distinct().ToList();
        var people = await db.LoadPeopleAsync(ids, cancellationToken);
        return resolutions.Select(r => new ResolutionView(
            r.Id, r.ProblemId, r.Outcome, r.Summary, markdown.ToSafeHtml(r.Summary), people[r.ResolvedById], r.CreatedAt,
            r.Credits.OrderBy(c => c.ContributionId is null).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Select(c => new CreditView(c.Id, people[c.CreditedPersonId], c.ContributionId is null ? CreditKind.Referral : CreditKind.Contribution,
                    c.ContributionId, c.InvitationId)).ToList())).ToList();
    }
}
