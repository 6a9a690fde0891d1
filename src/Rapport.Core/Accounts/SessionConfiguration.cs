using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Core.Accounts;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> session)
    {
        session.HasIndex(s => s.AccountId);
        session.Property(s => s.Id).ValueGeneratedNever();
        session.Property(s => s.UserAgent).HasMaxLength(Session.UserAgentMaxLength);
        session.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
