using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.People;

namespace Rapport.Core.Agreements;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> agreement)
    {
        agreement.Property(a => a.Scope).HasMaxLength(Agreement.ScopeMaxLength);
        agreement.Property(a => a.Terms).HasMaxLength(Agreement.TermsMaxLength);
        agreement.Property(a => a.PriceCurrency).HasMaxLength(Agreement.CurrencyCodeLength);
        agreement.Property(a => a.PriceAmount).HasPrecision(Agreement.PricePrecision, Agreement.PriceScale);
        agreement.Ignore(a => a.IsActive);
        // One active agreement per (problem, helper), even when two requests race. Same SQL on both providers.
        agreement.HasIndex(a => new { a.ProblemId, a.HelperId })
            .IsUnique()
            .HasFilter($"\"Status\" <> {(int)AgreementStatus.Cancelled}")
            .HasDatabaseName("IX_Agreements_OneActivePerHelper");
        agreement.HasIndex(a => new { a.HelperId, a.CreatedAt });
        agreement.HasIndex(a => new { a.AskerId, a.CreatedAt });
        agreement.ToTable(t => t.HasCheckConstraint(
            "CK_Agreements_PriceHasCurrency", "(\"PriceAmount\" IS NULL) = (\"PriceCurrency\" IS NULL)"));
        agreement.HasOne(a => a.Problem).WithMany().HasForeignKey(a => a.ProblemId).OnDelete(DeleteBehavior.Cascade);
        agreement.HasOne(a => a.Asker).WithMany().HasForeignKey(a => a.AskerId).OnDelete(DeleteBehavior.Cascade);
        agreement.HasOne(a => a.Helper).WithMany().HasForeignKey(a => a.HelperId).OnDelete(DeleteBehavior.Cascade);
        agreement.HasOne<Person>().WithMany().HasForeignKey(a => a.ProposedById).OnDelete(DeleteBehavior.Cascade);
        agreement.HasMany(a => a.Reflections).WithOne().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReflectionConfiguration : IEntityTypeConfiguration<Reflection>
{
    public void Configure(EntityTypeBuilder<Reflection> reflection)
    {
        reflection.Property(r => r.Text).HasMaxLength(Reflection.TextMaxLength);
        // One per person per agreement.
        reflection.HasIndex(r => new { r.AgreementId, r.PersonId }).IsUnique();
        reflection.HasIndex(r => r.PersonId);
        reflection.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
