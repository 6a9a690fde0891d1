using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Offers;

public static class OffersRegistration
{
    /// <summary>Registers the offer use cases and "ask again".</summary>
    public static IServiceCollection AddOffers(this IServiceCollection services)
    {
        services.AddScoped<CreateOffer>();
        services.AddScoped<EditOffer>();
        services.AddScoped<DeleteOffer>();
        services.AddScoped<ListOffers>();
        services.AddScoped<GetOffer>();
        services.AddScoped<AskAgain>();
        return services;
    }
}
