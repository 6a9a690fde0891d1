using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.People;

public static class PeopleRegistration
{
    /// <summary>Registers the People use cases.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<EditProfile>();
        services.AddScoped<AddCompetence>();
        services.AddScoped<RemoveCompetence>();
        services.AddScoped<ReplaceCompetences>();
        services.AddScoped<GetProfile>();
        services.AddScoped<FindPeople>();
        return services;
    }
}
