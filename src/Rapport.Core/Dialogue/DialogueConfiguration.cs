using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Core.Dialogue;

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> contribution)
    {
        contribution.Property(c => c.Body).HasMaxLength(Contribution.BodyMaxLength);
        contribution.Property(c => c.Url).HasMaxLength(Contribution.UrlMaxLength);
        contribution.Property(c => c.PerspectiveName).HasMaxLength(Contribution.PerspectiveNameMaxLength);
        contribution.Property(c => c.QuotedText).HasMaxLength(Contribution.QuotedTextMaxLength);
        // A problem's dialogue in order; the daily limit counts one author's recent contributions.
        contribution.HasIndex(c => new { c.ProblemId, c.CreatedAt });
        contribution.HasIndex(c => new { c.AuthorId, c.CreatedAt });
        contribution.HasIndex(c => c.ReplyToId);
        contribution.HasOne(c => c.Problem).WithMany().HasForeignKey(c => c.ProblemId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an account deletes its person's contributions (the database cascades from the account).
        contribution.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        // A reply outlives what it answered; it just stops naming it.
        contribution.HasOne(c => c.ReplyTo).WithMany().HasForeignKey(c => c.ReplyToId).OnDelete(DeleteBehavior.SetNull);
        contribution.HasMany(c => c.Thanks).WithOne().HasForeignKey(t => t.ContributionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThanksConfiguration : IEntityTypeConfiguration<Thanks>
{
    public void Configure(EntityTypeBuilder<Thanks> thanks)
    {
        // Once per person and contribution, even when two clicks race.
        thanks.HasKey(t => new { t.ContributionId, t.PersonId });
        thanks.HasIndex(t => new { t.PersonId, t.CreatedAt });
        thanks.HasOne(t => t.Person).WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
