using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Notifications;

public static class NotificationsRegistration
{
    /// <summary>
    /// Registers the inbox writer every feature uses (<see cref="Notices"/>) and the notification use cases. The digest
    /// (<see cref="SendNotificationDigests"/>) needs the host's <see cref="INotificationMail"/>.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notices>();
        services.AddScoped<ListNotifications>();
        services.AddScoped<CountUnreadNotifications>();
        services.AddScoped<MarkNotificationsRead>();
        services.AddScoped<ChangeDigestSetting>();
        services.AddScoped<SendNotificationDigests>();
        return services;
    }
}
