using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>Shared read helpers, so every list shows people, applications and links the same way.</summary>
internal static class CommunityProjections
{
    /// <summary>How many competences a summary carries; the profile page has them all.</summary>
    public const int CompetencesShown = 8;

    /// <summary>Summaries of the people with <paramref name="ids"/>, by id.</summary>
    public static async Task<Dictionary<Guid, PersonSummary>> LoadPeopleAsync(
        this RapportDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var people = await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new PersonSummary(
                p.Id,
                p.Handle,
                p.DisplayName,
                p.Competences.OrderBy(c => c.Topic).ThenBy(c => c.Context).Take(CompetencesShown)
                    .Select(c => new CompetenceTag(c.Topic, c.Context)).ToList()))
            .ToListAsync(cancellationToken);
        return people.ToDictionary(p => p.Id);
    }

    /// <summary>Views of <paramref name="applications"/> (answers included), in the order given.</summary>
    public static async Task<List<ApplicationView>> ToViewsAsync(
        this RapportDbContext db, IReadOnlyList<MembershipApplication> applications, Community community, CancellationToken cancellationToken)
    {
        var people = await db.LoadPeopleAsync(applications.Select(a => a.ApplicantId).Distinct().ToList(), cancellationToken);
        return applications.Select(a => new ApplicationView(
            a.Id,
            community.Slug,
            community.Name,
            people[a.ApplicantId],
            a.Status,
            a.SubmittedAt,
            a.Answers.OrderBy(x => x.Id).Select(x => new AnswerView(x.Question, x.Text)).ToList(),
            a.DecidedAt,
            a.DecisionMessage)).ToList();
    }

    public static InvitationLinkView ToView(this InvitationLink link) =>
        new(link.Id, link.CreatedAt, link.ExpiresAt, link.MaxUses, link.Uses, link.RevokedAt);
}
