using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Demo;

public static class DemoRegistration
{
    /// <summary>Registers the Demo use cases.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoFilmTrust>();
        return services;
    }
}
