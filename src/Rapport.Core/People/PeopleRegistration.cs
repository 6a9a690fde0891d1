using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.People;

public static class PeopleRegistration
{
    /// <summary>Registers the People use cases.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        return services;
    }
}
