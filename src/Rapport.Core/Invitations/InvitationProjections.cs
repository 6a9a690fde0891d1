using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Persistence;

namespace Rapport.Core.Invitations;

internal static class InvitationProjections
{
    /// <summary>The invitations the query selects (already limited to what the viewer may see), as views, in its order.</summary>
    public static async Task<List<InvitationView>> ToViewsAsync(this IQueryable<Invitation> invitations, RapportDbContext db, CancellationToken cancellationToken)
    {
        var rows = await invitations.AsNoTracking()
            .Select(i => new
            {
                Invitation = i,
                i.Problem!.Title,
                i.Problem.Kind,
                i.Problem.Status,
                i.Problem.AuthorId,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.SelectMany(r => new[] { r.Invitation.InviteeId, r.Invitation.InvitedById, r.AuthorId }).Distinct().ToList();
        var people = await db.LoadPeopleAsync(ids, cancellationToken);
        return rows.ConvertAll(r => new InvitationView(
            r.Invitation.Id,
            new InvitedProblem(r.Invitation.ProblemId, r.Title, r.Kind, r.Status, people[r.AuthorId]),
            people[r.Invitation.InviteeId],
            people[r.Invitation.InvitedById],
            r.Invitation.Source,
            r.Invitation.Status,
            WhyYou.Parse(r.Invitation.Reason),
            r.Invitation.Score,
            r.Invitation.ReferredFromId,
            r.Invitation.ResponseNote,
            r.Invitation.CreatedAt,
            r.Invitation.RespondedAt));
    }
}
