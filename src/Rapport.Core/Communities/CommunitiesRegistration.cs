using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Communities;

public static class CommunitiesRegistration
{
    /// <summary>Registers the Communities use cases.</summary>
    public static IServiceCollection AddCommunities(this IServiceCollection services)
    {
        return services;
    }
}
