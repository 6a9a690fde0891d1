using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Communities;

public static class CommunitiesRegistration
{
    /// <summary>Registers the Communities use cases and the access rules they share.</summary>
    public static IServiceCollection AddCommunities(this IServiceCollection services)
    {
        services.AddScoped<CommunityAccess>();
        services.AddScoped<CreateCommunity>();
        services.AddScoped<EditCommunity>();
        services.AddScoped<ListCommunities>();
        services.AddScoped<GetCommunity>();
        services.AddScoped<ListMembers>();
        services.AddScoped<JoinCommunity>();
        services.AddScoped<LeaveCommunity>();
        services.AddScoped<ChangeMemberRole>();
        services.AddScoped<ApplyToCommunity>();
        services.AddScoped<WithdrawApplication>();
        services.AddScoped<GetApplication>();
        services.AddScoped<ListApplications>();
        services.AddScoped<DecideApplication>();
        services.AddScoped<CreateInvitationLink>();
        services.AddScoped<ListInvitationLinks>();
        services.AddScoped<RevokeInvitationLink>();
        services.AddScoped<PreviewInvitation>();
        services.AddScoped<JoinWithInvitation>();
        return services;
    }
}
