using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>
/// A community page for a signed-in viewer: description and norms (sanitized HTML), questions, the first
/// members, and where the viewer stands — their role, and their latest application (pending, or the last
/// decision with its message). Every community is visible to every signed-in person.
/// </summary>
public sealed class GetCommunity(RapportDbContext db, CommunityAccess access, MarkdownRenderer markdown)
{
    /// <summary>Members shown on the page; the rest are a page of <see cref="ListMembers"/> away.</summary>
    public const int MembersShown = 100;

    public async Task<Outcome<CommunityDetail>> ExecuteAsync(Guid personId, string? slug, CancellationToken cancellationToken)
    {
        var viewer = await access.FindAsync(slug, personId, cancellationToken);
        if (viewer is null)
        {
            return Outcome<CommunityDetail>.NotFound();
        }

        var community = viewer.Community;
        var questions = await db.ApplicationQuestions.AsNoTracking().Where(q => q.CommunityId == community.Id)
            .OrderBy(q => q.Position).Select(q => q.Text).ToListAsync(cancellationToken);
        var memberCount = await db.Memberships.CountAsync(m => m.CommunityId == community.Id, cancellationToken);
        var members = await ListMembers.LoadAsync(db, community.Id, 0, MembersShown, cancellationToken);
        var application = await db.MembershipApplications.AsNoTracking()
            .Where(a => a.CommunityId == community.Id && a.ApplicantId == personId && a.Status != ApplicationStatus.Withdrawn)
            .OrderBy(a => a.Status == ApplicationStatus.Pending ? 0 : 1).ThenByDescending(a => a.SubmittedAt)
            .Include(a => a.Answers)
            .FirstOrDefaultAsync(cancellationToken);
        var applicationView = application is null ? null : (await db.ToViewsAsync([application], community, cancellationToken))[0];

        return new CommunityDetail(
            community.Slug,
            community.Name,
            community.Description,
            markdown.ToSafeHtml(community.Description),
            community.Norms,
            markdown.ToSafeHtml(community.Norms),
            community.MembershipMode,
            questions,
            memberCount,
            members,
            viewer.Role,
            applicationView,
            community.CreatedAt);
    }
}
