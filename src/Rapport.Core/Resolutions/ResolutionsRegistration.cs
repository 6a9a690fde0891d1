using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Resolutions;

public static class ResolutionsRegistration
{
    /// <summary>Registers resolving, closing, reopening and the list of a problem's resolutions.</summary>
    public static IServiceCollection AddResolutions(this IServiceCollection services)
    {
        services.AddScoped<ResolutionSteps>();
        services.AddScoped<ResolveProblem>();
        services.AddScoped<CloseProblem>();
        services.AddScoped<ReopenProblem>();
        services.AddScoped<ListResolutions>();
        return services;
    }
}
