using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.AccessTokens;
using Rapport.Core.Accounts;
using Rapport.Core.Agreements;
using Rapport.Core.Blocks;
using Rapport.Core.Communities;
using Rapport.Core.Demo;
using Rapport.Core.Home;
using Rapport.Core.Invitations;
using Rapport.Core.Markdown;
using Rapport.Core.Notifications;
using Rapport.Core.Offers;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Recommendations;
using Rapport.Core.Relationships;
using Rapport.Core.Resolutions;
using Rapport.Core.Trust;

namespace Rapport.Core;

public static class CoreRegistration
{
    /// <summary>The database, the clock and every use case. Hosts (web, CLI) call this once.</summary>
    public static IServiceCollection AddRapportCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddRapportDatabase(DatabaseSettings.From(configuration));
        services.AddSingleton<MarkdownRenderer>();
        services.AddAccounts(configuration);
        services.AddAccessTokens();
        services.AddPeople();
        services.AddCommunities();
        services.AddTrust();
        services.AddRecommendations();
        services.AddProblems();
        services.AddNotifications();
        services.AddAgreements().AddResolutions().AddRelationships();
        services.AddInvitations();
        services.AddBlocks();
        services.AddOffers();
        services.AddDemo();
        services.AddScoped<GetHomeSummary>();
        return services;
    }
}
