using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Accounts;
using Rapport.Trust.Topics;

namespace Rapport.Core.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.HasIndex(p => p.Handle).IsUnique();
        person.HasIndex(p => p.AccountId).IsUnique();
        person.HasOne<Account>().WithOne().HasForeignKey<Person>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        person.Property(p => p.Handle).HasMaxLength(Person.HandleMaxLength);
        person.Property(p => p.DisplayName).HasMaxLength(Person.DisplayNameMaxLength);
        person.Property(p => p.Bio).HasMaxLength(Person.BioMaxLength);
        // The directory sorts by name, then handle.
        person.HasIndex(p => new { p.SearchName, p.Handle });
        person.HasMany(p => p.Competences).WithOne().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompetenceConfiguration : IEntityTypeConfiguration<Competence>
{
    public void Configure(EntityTypeBuilder<Competence> competence)
    {
        competence.Property(c => c.Topic).HasMaxLength(Topic.MaxLength);
        competence.Property(c => c.Context).HasMaxLength(Competence.ContextMaxLength);
        competence.HasIndex(c => c.Topic);
        competence.HasIndex(c => new { c.PersonId, c.Topic, c.Context }).IsUnique();
    }
}
