using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Communities;

namespace Rapport.Core.Recommendations;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> item)
    {
        item.Property(i => i.Title).HasMaxLength(Item.TitleMaxLength);
        item.Property(i => i.Description).HasMaxLength(Item.DescriptionMaxLength);
        item.Property(i => i.Url).HasMaxLength(CanonicalUrl.MaxLength);
        // The same canonical URL is one item; items without a URL are many.
        item.HasIndex(i => i.Url).IsUnique();
        // Search by title; the daily limit counts one person's recent items.
        item.HasIndex(i => i.Title);
        item.HasIndex(i => new { i.CreatedById, i.CreatedAt });
        // Items outlive the account that added them: others recommend and collect them.
        item.HasOne(i => i.CreatedBy).WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.SetNull);
        item.HasMany(i => i.Topics).WithOne().HasForeignKey(t => t.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ItemTopicConfiguration : IEntityTypeConfiguration<ItemTopic>
{
    public void Configure(EntityTypeBuilder<ItemTopic> topic)
    {
        topic.HasKey(t => new { t.ItemId, t.Topic });
        topic.Property(t => t.Topic).HasMaxLength(Rapport.Trust.Topics.Topic.MaxLength);
        topic.HasIndex(t => t.Topic);
    }
}

internal sealed class RecommendationEntityConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> recommendation)
    {
        // One current recommendation per (person, item); also a person's recommendations, at once.
        recommendation.HasIndex(r => new { r.PersonId, r.ItemId }).IsUnique();
        // An item's recommendations, and the feed's "by these people, newest first".
        recommendation.HasIndex(r => r.ItemId);
        recommendation.HasIndex(r => new { r.PersonId, r.ChangedAt });
        recommendation.Property(r => r.Note).HasMaxLength(Recommendation.NoteMaxLength);
        recommendation.Property(r => r.Topic).HasMaxLength(Rapport.Trust.Topics.Topic.MaxLength);
        recommendation.Ignore(r => r.IsRevoked);
        // Deleting an account deletes its person's recommendations (the database cascades from the account).
        recommendation.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        recommendation.HasOne(r => r.Item).WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
        recommendation.HasOne(r => r.Community).WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        recommendation.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommendationVersionConfiguration : IEntityTypeConfiguration<RecommendationVersion>
{
    public void Configure(EntityTypeBuilder<RecommendationVersion> version)
    {
        version.Property(v => v.Id).ValueGeneratedNever();
        // A recommendation's history, in order; two writers of one version number cannot both commit.
        version.HasIndex(v => new { v.RecommendationId, v.Number }).IsUnique();
        // The daily change limit counts one author's recent changes.
        version.HasIndex(v => new { v.AuthorId, v.At });
        version.Property(v => v.Note).HasMaxLength(Recommendation.NoteMaxLength);
        version.Property(v => v.Topic).HasMaxLength(Rapport.Trust.Topics.Topic.MaxLength);
        version.HasOne<Community>().WithMany().HasForeignKey(v => v.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> collection)
    {
        collection.Property(c => c.Title).HasMaxLength(Collection.TitleMaxLength);
        collection.Property(c => c.Description).HasMaxLength(Collection.DescriptionMaxLength);
        collection.HasIndex(c => new { c.OwnerId, c.ChangedAt });
        collection.HasIndex(c => c.ForkedFromId);
        collection.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        collection.HasOne(c => c.Community).WithMany().HasForeignKey(c => c.CommunityId).OnDelete(DeleteBehavior.Restrict);
        // A fork outlives its origin; it just stops naming it.
        collection.HasOne<Collection>().WithMany().HasForeignKey(c => c.ForkedFromId).OnDelete(DeleteBehavior.SetNull);
        collection.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.CollectionId).OnDelete(DeleteBehavior.Cascade);
        collection.HasMany(c => c.Follows).WithOne().HasForeignKey(f => f.CollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollectionEntryConfiguration : IEntityTypeConfiguration<CollectionEntry>
{
    public void Configure(EntityTypeBuilder<CollectionEntry> entry)
    {
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.HasIndex(e => new { e.CollectionId, e.Position });
        entry.Property(e => e.Note).HasMaxLength(CollectionEntry.NoteMaxLength);
        entry.HasOne(e => e.Item).WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollectionFollowConfiguration : IEntityTypeConfiguration<CollectionFollow>
{
    public void Configure(EntityTypeBuilder<CollectionFollow> follow)
    {
        follow.HasKey(f => new { f.CollectionId, f.PersonId });
        // "Collections I follow".
        follow.HasIndex(f => new { f.PersonId, f.At });
        follow.HasOne<People.Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommendationChangeConfiguration : IEntityTypeConfiguration<RecommendationChange>
{
    public void Configure(EntityTypeBuilder<RecommendationChange> change)
    {
        change.HasKey(c => c.Sequence);
        change.Property(c => c.Sequence).ValueGeneratedNever();
        // Pruning deletes by age.
        change.HasIndex(c => c.At);
    }
}

internal sealed class RecommendationChangeHeadConfiguration : IEntityTypeConfiguration<RecommendationChangeHead>
{
    public void Configure(EntityTypeBuilder<RecommendationChangeHead> head)
    {
        head.ToTable("RecommendationChangeHead");
        head.Property(h => h.Id).ValueGeneratedNever();
        head.HasData(new RecommendationChangeHead { Id = RecommendationChangeHead.SingletonId, Sequence = 0 });
    }
}
