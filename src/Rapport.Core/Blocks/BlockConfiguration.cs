using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.People;

namespace Rapport.Core.Blocks;

internal sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> block)
    {
        block.HasKey(b => new { b.BlockerId, b.BlockedId });
        // "Who blocked me" for the either-direction rule.
        block.HasIndex(b => b.BlockedId);
        block.ToTable(t => t.HasCheckConstraint("CK_Blocks_NotSelf", "\"BlockerId\" <> \"BlockedId\""));
        block.HasOne<Person>().WithMany().HasForeignKey(b => b.BlockerId).OnDelete(DeleteBehavior.Cascade);
        block.HasOne<Person>().WithMany().HasForeignKey(b => b.BlockedId).OnDelete(DeleteBehavior.Cascade);
    }
}
