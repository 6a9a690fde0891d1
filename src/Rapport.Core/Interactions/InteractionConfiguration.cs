using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Agreements;
using Rapport.Core.Dialogue;
using Rapport.Core.Invitations;

namespace Rapport.Core.Interactions;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> interaction)
    {
        // A relationship's history (either direction is one more lookup); a person's recent interactions.
        interaction.HasIndex(i => new { i.FromId, i.ToId, i.CreatedAt });
        interaction.HasIndex(i => new { i.ToId, i.CreatedAt });
        interaction.HasIndex(i => i.ProblemId);
        interaction.HasIndex(i => i.ContributionId);
        interaction.HasIndex(i => i.AgreementId);
        interaction.HasIndex(i => i.InvitationId);
        interaction.HasOne(i => i.From).WithMany().HasForeignKey(i => i.FromId).OnDelete(DeleteBehavior.Cascade);
        interaction.HasOne(i => i.To).WithMany().HasForeignKey(i => i.ToId).OnDelete(DeleteBehavior.Cascade);
        interaction.HasOne(i => i.Problem).WithMany().HasForeignKey(i => i.ProblemId).OnDelete(DeleteBehavior.Cascade);
        interaction.HasOne<Contribution>().WithMany().HasForeignKey(i => i.ContributionId).OnDelete(DeleteBehavior.Cascade);
        interaction.HasOne<Agreement>().WithMany().HasForeignKey(i => i.AgreementId).OnDelete(DeleteBehavior.Cascade);
        interaction.HasOne<Invitation>().WithMany().HasForeignKey(i => i.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}
