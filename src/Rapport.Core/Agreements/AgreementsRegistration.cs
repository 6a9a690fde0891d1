using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Core.Agreements;

public static class AgreementsRegistration
{
    /// <summary>Registers the agreement steps: propose, confirm, deliver, cancel, reflect, and the list.</summary>
    public static IServiceCollection AddAgreements(this IServiceCollection services)
    {
        services.AddScoped<AgreementSteps>();
        services.AddScoped<ProposeAgreement>();
        services.AddScoped<ConfirmAgreement>();
        services.AddScoped<DeliverAgreement>();
        services.AddScoped<CancelAgreement>();
        services.AddScoped<ReflectOnAgreement>();
        services.AddScoped<ListAgreements>();
        return services;
    }
}
