using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Core.Offers;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> offer)
    {
        offer.Property(o => o.Title).HasMaxLength(Offer.TitleMaxLength);
        offer.Property(o => o.Description).HasMaxLength(Offer.DescriptionMaxLength);
        offer.Property(o => o.ForWhom).HasMaxLength(Offer.ForWhomMaxLength);
        offer.Property(o => o.Place).HasMaxLength(Offer.PlaceMaxLength);
        // A person's offers; routing reads the active ones.
        offer.HasIndex(o => new { o.PersonId, o.IsActive });
        offer.HasOne(o => o.Person).WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
        offer.HasMany(o => o.Topics).WithOne().HasForeignKey(t => t.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfferTopicConfiguration : IEntityTypeConfiguration<OfferTopic>
{
    public void Configure(EntityTypeBuilder<OfferTopic> topic)
    {
        topic.HasKey(t => new { t.OfferId, t.Topic });
        topic.Property(t => t.Topic).HasMaxLength(Rapport.Trust.Topics.Topic.MaxLength);
        topic.HasIndex(t => t.Topic);
    }
}
