using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Dialogue;

namespace Rapport.Core.Problems;

public static class ProblemsRegistration
{
    /// <summary>Registers the problem and dialogue use cases.</summary>
    public static IServiceCollection AddProblems(this IServiceCollection services)
    {
        services.AddScoped<PostProblem>();
        services.AddScoped<EditProblem>();
        services.AddScoped<GetProblem>();
        services.AddScoped<ListProblems>();
        services.AddScoped<FindSimilarProblems>();
        services.AddScoped<Contribute>();
        services.AddScoped<ThankContribution>();
        return services;
    }
}
