using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rapport.Core.AccessTokens;
using Rapport.Core.Accounts;
using Rapport.Core.Agreements;
using Rapport.Core.Blocks;
using Rapport.Core.Communities;
using Rapport.Core.Dialogue;
using Rapport.Core.Interactions;
using Rapport.Core.Invitations;
using Rapport.Core.Notifications;
using Rapport.Core.Offers;
using Rapport.Core.People;
using Rapport.Core.Problems;
using Rapport.Core.Recommendations;
using Rapport.Core.Resolutions;
using Rapport.Core.Trust;

namespace Rapport.Core.Persistence;

/// <summary>
/// The one DbContext. EF Core with two providers is the abstraction: use cases use it directly.
/// </summary>
public sealed class RapportDbContext(DbContextOptions<RapportDbContext> options)
    : IdentityDbContext<Account>(options), IDataProtectionKeyContext
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<Competence> Competences => Set<Competence>();

    public DbSet<Community> Communities => Set<Community>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<ApplicationQuestion> ApplicationQuestions => Set<ApplicationQuestion>();

    public DbSet<MembershipApplication> MembershipApplications => Set<MembershipApplication>();

    public DbSet<InvitationLink> InvitationLinks => Set<InvitationLink>();

    public DbSet<TrustStatement> TrustStatements => Set<TrustStatement>();

    public DbSet<TrustStatementVersion> TrustStatementVersions => Set<TrustStatementVersion>();

    public DbSet<TrustChange> TrustChanges => Set<TrustChange>();

    public DbSet<TrustChangeHead> TrustChangeHeads => Set<TrustChangeHead>();

    public DbSet<Item> Items => Set<Item>();

    public DbSet<ItemTopic> ItemTopics => Set<ItemTopic>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<RecommendationVersion> RecommendationVersions => Set<RecommendationVersion>();

    public DbSet<RecommendationChange> RecommendationChanges => Set<RecommendationChange>();

    public DbSet<RecommendationChangeHead> RecommendationChangeHeads => Set<RecommendationChangeHead>();

    public DbSet<Collection> Collections => Set<Collection>();

    public DbSet<CollectionEntry> CollectionEntries => Set<CollectionEntry>();

    public DbSet<CollectionFollow> CollectionFollows => Set<CollectionFollow>();

    public DbSet<Problem> Problems => Set<Problem>();

    public DbSet<ProblemTopic> ProblemTopics => Set<ProblemTopic>();

    public DbSet<Contribution> Contributions => Set<Contribution>();

    public DbSet<Thanks> Thanks => Set<Thanks>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<Reflection> Reflections => Set<Reflection>();

    public DbSet<Resolution> Resolutions => Set<Resolution>();

    public DbSet<Credit> Credits => Set<Credit>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<OfferTopic> OfferTopics => Set<OfferTopic>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();

    public DbSet<Block> Blocks => Set<Block>();

    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset stored as text; store ticks instead.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RapportDbContext).Assembly);
    }
}
