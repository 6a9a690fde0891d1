using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.AccessTokens;

public static class AccessTokensRegistration
{
    /// <summary>Registers the personal access token use cases.</summary>
    public static IServiceCollection AddAccessTokens(this IServiceCollection services)
    {
        services.AddScoped<CreateAccessToken>();
        services.AddScoped<RevokeAccessToken>();
        services.AddScoped<ListAccessTokens>();
        return services;
    }
}
