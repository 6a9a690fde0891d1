using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Core.Invitations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        // One invitation per (problem, invitee), even when routing and a referral race; also the visibility rule's lookup.
        invitation.HasIndex(i => new { i.ProblemId, i.InviteeId }).IsUnique();
        // "Invitations to me", newest first; the attention budget counts one invitee's recent invitations.
        invitation.HasIndex(i => new { i.InviteeId, i.CreatedAt });
        invitation.HasIndex(i => new { i.InviteeId, i.Status });
        invitation.HasIndex(i => i.InvitedById);
        invitation.HasIndex(i => i.ReferredFromId);
        invitation.Property(i => i.Reason).HasMaxLength(Invitation.ReasonMaxLength);
        invitation.Property(i => i.ResponseNote).HasMaxLength(Invitation.ResponseNoteMaxLength);
        invitation.HasOne(i => i.Invitee).WithMany().HasForeignKey(i => i.InviteeId).OnDelete(DeleteBehavior.Cascade);
        invitation.HasOne(i => i.InvitedBy).WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.Cascade);
        // A referral outlives the invitation it came from; the chain just stops there.
        invitation.HasOne(i => i.ReferredFrom).WithMany().HasForeignKey(i => i.ReferredFromId).OnDelete(DeleteBehavior.SetNull);
    }
}
