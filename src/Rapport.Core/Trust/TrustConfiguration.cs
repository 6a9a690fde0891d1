using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Communities;

namespace Rapport.Core.Trust;

internal sealed class TrustStatementConfiguration : IEntityTypeConfiguration<TrustStatement>
{
    public void Configure(EntityTypeBuilder<TrustStatement> statement)
    {
        // One current statement per (from, to, topic); the index also finds it, and a person's statements, at once.
        statement.HasIndex(s => new { s.FromId, s.ToId, s.Topic }).IsUnique();
        // "Who trusts them": statements about a person.
        statement.HasIndex(s => new { s.ToId, s.Topic });
        // A member's statements shared with one community, re-read when they join or leave it.
        statement.HasIndex(s => new { s.CommunityId, s.FromId });
        statement.Property(s => s.Topic).HasMaxLength(Rapport.Trust.Topics.Topic.MaxLength);
        statement.Property(s => s.Note).HasMaxLength(TrustStatement.NoteMaxLength);
        statement.Ignore(s => s.IsRevoked);
        // Deleting an account deletes the statements by and about its person; DeleteAccount logs them first.
        statement.HasOne(s => s.From).WithMany().HasForeignKey(s => s.FromId).OnDelete(DeleteBehavior.Cascade);
        statement.HasOne(s => s.To).WithMany().HasForeignKey(s => s.ToId).OnDelete(DeleteBehavior.Cascade);
        // Communities are never deleted today; one that is must first re-scope its statements (and log that).
        statement.HasOne(s => s.Community).WithMany().HasForeignKey(s => s.CommunityId).OnDelete(DeleteBehavior.Restrict);
        statement.HasMany(s => s.Versions).WithOne().HasForeignKey(v => v.StatementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrustStatementVersionConfiguration : IEntityTypeConfiguration<TrustStatementVersion>
{
    public void Configure(EntityTypeBuilder<TrustStatementVersion> version)
    {
        version.HasKey(v => v.Sequence);
        version.Property(v => v.Sequence).ValueGeneratedNever();
        // The daily change limit counts one author's recent changes.
        version.HasIndex(v => new { v.AuthorId, v.At });
        version.Property(v => v.Note).HasMaxLength(TrustStatement.NoteMaxLength);
        version.HasOne<Community>().WithMany().HasForeignKey(v => v.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrustChangeConfiguration : IEntityTypeConfiguration<TrustChange>
{
    public void Configure(EntityTypeBuilder<TrustChange> change)
    {
        // The primary key is the log position: replicas read "after my version" along it.
        change.HasKey(c => c.Sequence);
        change.Property(c => c.Sequence).ValueGeneratedNever();
        change.Property(c => c.Topic).HasMaxLength(Rapport.Trust.Topics.Topic.MaxLength);
        // Pruning removes entries older than the retention period.
        change.HasIndex(c => c.At);
    }
}

internal sealed class TrustChangeHeadConfiguration : IEntityTypeConfiguration<TrustChangeHead>
{
    public void Configure(EntityTypeBuilder<TrustChangeHead> head)
    {
        head.ToTable("TrustChangeHead");
        head.Property(h => h.Id).ValueGeneratedNever();
        head.HasData(new TrustChangeHead { Id = TrustChangeHead.SingletonId, Sequence = 0 });
    }
}
