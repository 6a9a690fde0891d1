using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Core.Resolutions;

internal sealed class ResolutionConfiguration : IEntityTypeConfiguration<Resolution>
{
    public void Configure(EntityTypeBuilder<Resolution> resolution)
    {
        resolution.Property(r => r.Summary).HasMaxLength(Resolution.SummaryMaxLength);
        // A problem's resolutions, newest last.
        resolution.HasIndex(r => new { r.ProblemId, r.CreatedAt });
        resolution.HasIndex(r => r.ResolvedById);
        resolution.HasOne(r => r.Problem).WithMany().HasForeignKey(r => r.ProblemId).OnDelete(DeleteBehavior.Cascade);
        resolution.HasOne(r => r.ResolvedBy).WithMany().HasForeignKey(r => r.ResolvedById).OnDelete(DeleteBehavior.Cascade);
        resolution.HasMany(r => r.Credits).WithOne().HasForeignKey(c => c.ResolutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CreditConfiguration : IEntityTypeConfiguration<Credit>
{
    public void Configure(EntityTypeBuilder<Credit> credit)
    {
        credit.Property(c => c.Note).HasMaxLength(Credit.NoteMaxLength);
        // A credit is for one contribution or one referral, never both or neither (same SQL on both providers).
        credit.ToTable(t => t.HasCheckConstraint(
            "CK_Credits_ContributionOrReferral", "(\"ContributionId\" IS NULL) <> (\"InvitationId\" IS NULL)"));
        // A resolution cites a contribution or credits a referral once.
        credit.HasIndex(c => new { c.ResolutionId, c.ContributionId }).IsUnique().HasFilter("\"ContributionId\" IS NOT NULL");
        credit.HasIndex(c => new { c.ResolutionId, c.InvitationId }).IsUnique().HasFilter("\"InvitationId\" IS NOT NULL");
        // A person's ledger, newest first; what a contribution or referral was credited for.
        credit.HasIndex(c => new { c.CreditedPersonId, c.CreatedAt });
        credit.HasIndex(c => c.ContributionId);
        credit.HasIndex(c => c.InvitationId);
        credit.HasOne(c => c.CreditedPerson).WithMany().HasForeignKey(c => c.CreditedPersonId).OnDelete(DeleteBehavior.Cascade);
        credit.HasOne(c => c.Contribution).WithMany().HasForeignKey(c => c.ContributionId).OnDelete(DeleteBehavior.Cascade);
        credit.HasOne(c => c.Invitation).WithMany().HasForeignKey(c => c.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}
