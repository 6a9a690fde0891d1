using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Relationships;

public static class RelationshipsRegistration
{
    /// <summary>Registers the contribution ledger and the relationship view.</summary>
    public static IServiceCollection AddRelationships(this IServiceCollection services)
    {
        services.AddScoped<GetLedger>();
        services.AddScoped<GetRelationship>();
        return services;
    }
}
