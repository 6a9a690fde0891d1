using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.People;

namespace Rapport.Core.Communities;

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> community)
    {
        community.HasIndex(c => c.Slug).IsUnique();
        community.Property(c => c.Slug).HasMaxLength(Community.SlugMaxLength);
        community.Property(c => c.Name).HasMaxLength(Community.NameMaxLength);
        // The list sorts by folded name, then slug.
        community.HasIndex(c => new { c.SearchName, c.Slug });
        community.Property(c => c.Description).HasMaxLength(Community.DescriptionMaxLength);
        community.Property(c => c.Norms).HasMaxLength(Community.NormsMaxLength);
        // Existing communities get the default too.
        community.Property(c => c.InvitationsPerProblem).HasDefaultValue(Community.DefaultInvitationsPerProblem);
        community.HasMany(c => c.Questions).WithOne().HasForeignKey(q => q.CommunityId).OnDelete(DeleteBehavior.Cascade);
        community.HasMany(c => c.Memberships).WithOne(m => m.Community).HasForeignKey(m => m.CommunityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> membership)
    {
        membership.HasKey(m => new { m.CommunityId, m.PersonId });
        membership.HasIndex(m => m.PersonId);
        membership.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationQuestionConfiguration : IEntityTypeConfiguration<ApplicationQuestion>
{
    public void Configure(EntityTypeBuilder<ApplicationQuestion> question) =>
        question.Property(q => q.Text).HasMaxLength(ApplicationQuestion.TextMaxLength);
}

internal sealed class MembershipApplicationConfiguration : IEntityTypeConfiguration<MembershipApplication>
{
    public void Configure(EntityTypeBuilder<MembershipApplication> application)
    {
        application.HasIndex(a => new { a.CommunityId, a.Status });
        application.HasIndex(a => a.ApplicantId);
        // At most one pending application per person and community, even when two submissions race.
        // The filter is the same SQL on SQLite and PostgreSQL (quoted identifier, enum stored as integer).
        application.HasIndex(a => new { a.CommunityId, a.ApplicantId })
            .IsUnique()
            .HasFilter($"\"Status\" = {(int)ApplicationStatus.Pending}")
            .HasDatabaseName("IX_MembershipApplications_OnePendingPerApplicant");
        application.HasOne(a => a.Community).WithMany().HasForeignKey(a => a.CommunityId).OnDelete(DeleteBehavior.Cascade);
        application.HasOne(a => a.Applicant).WithMany().HasForeignKey(a => a.ApplicantId).OnDelete(DeleteBehavior.Cascade);
        application.HasOne<Person>().WithMany().HasForeignKey(a => a.DecidedById).OnDelete(DeleteBehavior.SetNull);
        application.Property(a => a.DecisionMessage).HasMaxLength(MembershipApplication.DecisionMessageMaxLength);
        application.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationAnswerConfiguration : IEntityTypeConfiguration<ApplicationAnswer>
{
    public void Configure(EntityTypeBuilder<ApplicationAnswer> answer)
    {
        answer.Property(a => a.Question).HasMaxLength(ApplicationQuestion.TextMaxLength);
        answer.Property(a => a.Text).HasMaxLength(MembershipApplication.AnswerMaxLength);
    }
}

internal sealed class InvitationLinkConfiguration : IEntityTypeConfiguration<InvitationLink>
{
    public void Configure(EntityTypeBuilder<InvitationLink> link)
    {
        link.HasIndex(l => l.SecretHash).IsUnique();
        link.Property(l => l.SecretHash).HasMaxLength(64);
        link.HasOne<Community>().WithMany().HasForeignKey(l => l.CommunityId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<Person>().WithMany().HasForeignKey(l => l.CreatedById).OnDelete(DeleteBehavior.Cascade);
    }
}
