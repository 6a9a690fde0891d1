using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>
/// Hosts change a community's name, texts, membership mode and questions. The address (slug) stays,
/// so links and invitations keep working. Answers already given keep their copy of the question.
/// </summary>
public sealed class EditCommunity(RapportDbContext db, CommunityAccess access)
{
    public async Task<Outcome<CommunitySummary>> ExecuteAsync(Guid personId, string? slug, CommunityFields fields, CancellationToken cancellationToken)
    {
        var community = await access.FindForAsync(slug, personId, CommunityOperation.Edit, cancellationToken);
        if (community is null)
        {
            return Outcome<CommunitySummary>.NotFound();
        }

        var errors = new FieldErrors();
        if (ValidCommunityFields.Validate(fields, errors) is not { } valid)
        {
            return Outcome<CommunitySummary>.Invalid(errors);
        }

        community.Name = valid.Name;
        community.Description = valid.Description;
        community.Norms = valid.Norms;
        community.MembershipMode = valid.Mode;
        var oldQuestions = await db.ApplicationQuestions.Where(q => q.CommunityId == community.Id).ToListAsync(cancellationToken);
        var newQuestions = valid.ToQuestions(community.Id);
        if (!oldQuestions.OrderBy(q => q.Position).Select(q => q.Text).SequenceEqual(valid.Questions, StringComparer.Ordinal))
        {
            db.ApplicationQuestions.RemoveRange(oldQuestions);
            db.ApplicationQuestions.AddRange(newQuestions);
        }

        await db.SaveChangesAsync(cancellationToken);
        var members = await db.Memberships.CountAsync(m => m.CommunityId == community.Id, cancellationToken);
        return new CommunitySummary(community.Slug, community.Name, community.MembershipMode, members, community.CreatedAt);
    }
}
