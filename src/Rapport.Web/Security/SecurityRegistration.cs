using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Rapport.Web.Api;

namespace Rapport.Web.Security;

public static class SecurityRegistration
{
    public static WebApplicationBuilder AddRapportSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Deny by default: an endpoint without [AllowAnonymous] or a policy requires a signed-in person.
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        ApiGroups.AddApiPolicy(authorization);

        var cookies = SecureCookies.From(builder);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = cookies.Name("rapport-antiforgery");
            options.Cookie.SecurePolicy = cookies.Policy;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.HeaderName = "RequestVerificationToken";
        });

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only configured proxies are believed; the default (loopback) stays for a local reverse proxy.
            foreach (var proxy in builder.Configuration.GetSection("Rapport:Security:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UseRapportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        // Pages answer errors with readable pages; the API answers with problem details.
        app.UseWhen(context => !ApiRegistration.IsApiRequest(context), pages =>
        {
            pages.UseExceptionHandler("/Error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        app.UseWhen(ApiRegistration.IsApiRequest, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        // Routing again after the error handlers, so a re-executed /Error or /not-found finds its (anonymous) page.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
