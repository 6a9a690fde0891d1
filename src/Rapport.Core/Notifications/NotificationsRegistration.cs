using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Notifications;

public static class NotificationsRegistration
{
    /// <summary>Registers the inbox writer every feature uses (<see cref="Notices"/>) and the notification use cases.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notices>();
        return services;
    }
}
