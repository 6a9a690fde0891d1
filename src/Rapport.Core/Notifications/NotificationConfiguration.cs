using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.People;
using Rapport.Core.Problems;

namespace Rapport.Core.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.EventKey).HasMaxLength(Notification.EventKeyMaxLength);
        notification.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        notification.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        // One notice per event per person, even when two writers race.
        notification.HasIndex(n => new { n.PersonId, n.EventKey }).IsUnique();
        // The inbox, newest first; the digest's "not yet emailed".
        notification.HasIndex(n => new { n.PersonId, n.CreatedAt });
        notification.HasIndex(n => new { n.EmailedAt, n.ReadAt });
        notification.HasIndex(n => n.ProblemId);
        notification.HasOne<Problem>().WithMany().HasForeignKey(n => n.ProblemId).OnDelete(DeleteBehavior.Cascade);
        notification.HasOne(n => n.Person).WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationDigestConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> digest)
    {
        digest.HasKey(d => d.PersonId);
        digest.HasIndex(d => d.LastSentAt);
        digest.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
