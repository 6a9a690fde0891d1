using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Trust;

public static class TrustRegistration
{
    /// <summary>
    /// Registers the trust statement use cases, this node's graph replica and the trust queries over it. The background
    /// refresher (<see cref="AddTrustGraphRefresher"/>) is for long-running hosts only.
    /// </summary>
    public static IServiceCollection AddTrust(this IServiceCollection services)
    {
        services.AddLogging(); // the graph store logs failed refreshes; a no-op when the host added logging already
        services.AddSingleton<TrustGraphStore>();
        services.AddScoped<TrustStatementWriter>();
        services.AddScoped<StateTrust>();
        services.AddScoped<ChangeTrustStatement>();
        services.AddScoped<RevokeTrustStatement>();
        services.AddScoped<GetTrustStatement>();
        services.AddScoped<GetTrustStatementHistory>();
        services.AddScoped<ListMyTrustStatements>();
        services.AddScoped<ListTrustStatementsAbout>();
        services.AddScoped<GetTrustIn>();
        services.AddScoped<ExplainTrust>();
        services.AddScoped<GetWebOfTrust>();
        services.AddScoped<GetTrustNeighbourhood>();
        return services;
    }

    /// <summary>Follows the trust change log in the background (<c>Rapport:Trust</c> settings), so other nodes' writes arrive.</summary>
    public static IServiceCollection AddTrustGraphRefresher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Rapport:Trust").Get<TrustGraphSettings>() ?? new TrustGraphSettings());
        services.AddHostedService<TrustGraphRefresher>();
        return services;
    }
}
