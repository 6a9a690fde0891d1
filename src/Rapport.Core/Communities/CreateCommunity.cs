using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>Starts a community at a free address; its creator becomes its first host.</summary>
public sealed class CreateCommunity(RapportDbContext db, TimeProvider clock)
{
    public async Task<Outcome<CommunitySummary>> ExecuteAsync(Guid personId, string? slug, CommunityFields fields, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var normalizedSlug = CommunitySlug.Normalize(slug);
        if (CommunitySlug.Problem(normalizedSlug) is { } slugProblem)
        {
            errors.Add("slug", slugProblem);
        }

        var valid = ValidCommunityFields.Validate(fields, errors);
        if (valid is null || normalizedSlug is null || !errors.IsEmpty)
        {
            return Outcome<CommunitySummary>.Invalid(errors);
        }

        if (await db.Communities.AnyAsync(c => c.Slug == normalizedSlug, cancellationToken))
        {
            return SlugTaken();
        }

        var now = clock.GetUtcNow();
        var community = new Community
        {
            Id = Guid.CreateVersion7(now),
            Slug = normalizedSlug,
            Name = valid.Name,
            Description = valid.Description,
            Norms = valid.Norms,
            MembershipMode = valid.Mode,
            CreatedAt = now,
        };
        community.Questions.AddRange(valid.ToQuestions(community.Id));
        community.Memberships.Add(new Membership { CommunityId = community.Id, PersonId = personId, Role = CommunityRole.Host, JoinedAt = now });
        db.Communities.Add(community);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Communities.AnyAsync(c => c.Slug == normalizedSlug, cancellationToken))
            {
                return SlugTaken(); // someone took the address between the check and the insert
            }

            throw;
        }

        return new CommunitySummary(community.Slug, community.Name, community.MembershipMode, 1, community.CreatedAt);
    }

    private static Outcome<CommunitySummary> SlugTaken() => Outcome<CommunitySummary>.Invalid("slug", "That address is taken.");
}
