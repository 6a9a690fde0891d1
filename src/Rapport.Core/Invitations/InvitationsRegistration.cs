using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Invitations;

public static class InvitationsRegistration
{
    /// <summary>Registers routing, the invitation use cases and the writer they share.</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddScoped<InvitationWriter>();
        services.AddScoped<RouteProblem>();
        services.AddSingleton<Learning.RoutingModelStore>().AddHostedService<Learning.RoutingModelRefresher>();
        services.AddScoped<InviteByHand>();
        services.AddScoped<WithdrawInvitation>();
        services.AddScoped<ListProblemInvitations>();
        services.AddScoped<ListMyInvitations>();
        services.AddScoped<AcceptInvitation>();
        services.AddScoped<DeclineInvitation>();
        services.AddScoped<ReferInvitation>();
        return services;
    }
}
