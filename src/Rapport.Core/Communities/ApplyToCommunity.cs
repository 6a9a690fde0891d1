using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Communities;

/// <summary>
/// Applies to a community that admits by application: one non-empty answer per current question, in
/// order. A person has at most one pending application per community (a unique index backs this up
/// against concurrent submissions); members cannot apply.
/// </summary>
public sealed class ApplyToCommunity(RapportDbContext db, CommunityAccess access, TimeProvider clock)
{
    public async Task<Outcome<ApplicationView>> ExecuteAsync(Guid personId, string? slug, IReadOnlyList<string?>? answers, CancellationToken cancellationToken)
    {
        var viewer = await access.FindAsync(slug, personId, cancellationToken);
        if (viewer is null)
        {
            return Outcome<ApplicationView>.NotFound();
        }

        var community = viewer.Community;
        if (community.MembershipMode != MembershipMode.ByApplication)
        {
            return Outcome<ApplicationView>.Conflict("This community does not take applications.");
        }

        if (viewer.IsMember)
        {
            return Outcome<ApplicationView>.Conflict("You are already a member of this community.");
        }

        if (await HasPendingAsync(community.Id, personId, cancellationToken))
        {
            return AlreadyPending();
        }

        var questions = await db.ApplicationQuestions.AsNoTracking().Where(q => q.CommunityId == community.Id)
            .OrderBy(q => q.Position).Select(q => q.Text).ToListAsync(cancellationToken);
        var errors = Validate(questions, answers ?? []);
        if (!errors.IsEmpty)
        {
            return Outcome<ApplicationView>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var application = new MembershipApplication
        {
            Id = Guid.CreateVersion7(now),
            CommunityId = community.Id,
            ApplicantId = personId,
            Status = ApplicationStatus.Pending,
            SubmittedAt = now,
        };
        application.Answers.AddRange(questions.Select((q, i) => new ApplicationAnswer { Question = q, Text = answers![i]!.Trim() }));
        db.MembershipApplications.Add(application);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await HasPendingAsync(community.Id, personId, cancellationToken))
            {
                return AlreadyPending(); // a concurrent submission won the unique index
            }

            throw;
        }

        return (await db.ToViewsAsync([application], community, cancellationToken))[0];
    }

    private static FieldErrors Validate(IReadOnlyList<string> questions, IReadOnlyList<string?> answers)
    {
        var errors = new FieldErrors();
        if (answers.Count != questions.Count)
        {
            return errors.Add("answers", $"Answer each of the {questions.Count} questions, in order.");
        }

        for (var i = 0; i < answers.Count; i++)
        {
            var field = $"answers[{i}]";
            errors.Required(field, answers[i], $"Answer {i + 1}")
                .MaxLength(field, answers[i]?.Trim(), MembershipApplication.AnswerMaxLength, $"Answer {i + 1}");
        }

        return errors;
    }

    private Task<bool> HasPendingAsync(Guid communityId, Guid personId, CancellationToken cancellationToken) =>
        db.MembershipApplications.AnyAsync(
            a => a.CommunityId == communityId && a.ApplicantId == personId && a.Status == ApplicationStatus.Pending, cancellationToken);

    private static Outcome<ApplicationView> AlreadyPending() =>
        Outcome<ApplicationView>.Conflict("You already have a pending application to this community. Withdraw it to apply again.");
}
