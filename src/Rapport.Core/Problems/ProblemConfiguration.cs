using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Offers;

namespace Rapport.Core.Problems;

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> problem)
    {
        problem.Property(p => p.Title).HasMaxLength(Problem.TitleMaxLength);
        problem.Property(p => p.Body).HasMaxLength(Problem.BodyMaxLength);
        problem.Property(p => p.Place).HasMaxLength(Problem.PlaceMaxLength);
        problem.Ignore(p => p.IsEnded);
        // "Mine", newest first; the daily limit counts one author's recent problems.
        problem.HasIndex(p => new { p.AuthorId, p.CreatedAt });
        // Browsing: a community's problems, and public ones by status, newest first.
        problem.HasIndex(p => new { p.CommunityId, p.CreatedAt });
        problem.HasIndex(p => new { p.Visibility, p.Status, p.CreatedAt });
        // A community problem names its community (both providers read the enum as an integer).
        problem.ToTable(t => t.HasCheckConstraint(
            "CK_Problems_CommunityVisibilityNamesCommunity",
            $"\"Visibility\" <> {(int)ProblemVisibility.Community} OR \"CommunityId\" IS NOT NULL"));
        // Deleting an account deletes its person's problems and all that hangs off them.
        problem.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Cascade);
        problem.HasOne(p => p.Community).WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Restrict);
        problem.HasOne<Offer>().WithMany().HasForeignKey(p => p.OfferId).OnDelete(DeleteBehavior.SetNull);
        problem.HasMany(p => p.Topics).WithOne().HasForeignKey(t => t.ProblemId).OnDelete(DeleteBehavior.Cascade);
        problem.HasMany(p => p.Invitations).WithOne(i => i.Problem).HasForeignKey(i => i.ProblemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProblemTopicConfiguration : IEntityTypeConfiguration<ProblemTopic>
{
    public void Configure(EntityTypeBuilder<ProblemTopic> topic)
    {
        topic.HasKey(t => new { t.ProblemId, t.Topic });
        topic.Property(t => t.Topic).HasMaxLength(Rapport.Trust.Topics.Topic.MaxLength);
        topic.HasIndex(t => t.Topic);
    }
}
