using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;
using Rapport.Web.AccessTokens;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Accounts;

public static class AccountsRegistration
{
    /// <summary>Re-exported for tests and callers that think of it as a web setting.</summary>
    public const int MinimumPasswordHashIterations = Core.Accounts.AccountsRegistration.MinimumPasswordHashIterations;

    /// <summary>
    /// Sign-in on top of Core's account rules: the cookie (server-side sessions), personal access tokens,
    /// tokens sent by mail, the mail sender and the sign-in rate limits.
    /// </summary>
    public static WebApplicationBuilder AddRapportAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AccountLinkMailer>();

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddIdentityCookies();
        authentication.AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenDefaults.Scheme, configureOptions: null);

        // Core registered the user store and rules (AddAccounts); sign-in and mailed tokens are the web host's.
        new IdentityBuilder(typeof(Account), typeof(IdentityRole), services)
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<EmailConfirmationTokenProvider>(EmailConfirmationTokenProvider.ProviderName);
        services.Configure<IdentityOptions>(options => options.Tokens.EmailConfirmationTokenProvider = EmailConfirmationTokenProvider.ProviderName);
        // Password reset and email change links: one hour (ASVS 6.3.x); single use, because using one changes the security stamp.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(1));

        // Passkey sign-in never names the account (PasskeyRequestOptions), so only a discoverable passkey can ever sign
        // in: refuse the others when they are added rather than fail at every sign-in. A passkey signs in without the
        // password and skips the second factor, so it must be two factors itself: the device checks who holds it
        // (PIN, fingerprint, face). The RP id stays the request's host name, as the links in account mail do.
        services.Configure<IdentityPasskeyOptions>(options =>
        {
            options.ResidentKeyRequirement = "required";
            options.UserVerificationRequirement = "required";
        });

        // Re-check the security stamp on every request, so a stamp change (suspension, 2FA reset) also ends sessions at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        ConfigureCookies(services, SecureCookies.From(builder));

        // Keys live in the database so every app node can read every other node's cookies.
        services.AddDataProtection().SetApplicationName("Rapport").PersistKeysToDbContext<RapportDbContext>();

        services.AddAccountMail(builder.Configuration);
        services.AddAccountRateLimits(builder.Configuration);
        return builder;
    }

    private static void ConfigureCookies(IServiceCollection services, SecureCookies cookies)
    {
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((options, store) =>
            {
                options.Cookie.Name = cookies.Name("rapport");
                options.LoginPath = "/Account/Login";
                options.LogoutPath = "/Account/Logout";
                options.AccessDeniedPath = "/Account/AccessDenied";
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
                options.SlidingExpiration = true;
                options.SessionStore = store;
                // The API answers 401/403 problem details; only pages redirect to the sign-in form.
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            });
        services.ConfigureExternalCookie(options => options.Cookie.Name = cookies.Name("rapport-external"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options => options.Cookie.Name = cookies.Name("rapport-2fa"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options => options.Cookie.Name = cookies.Name("rapport-2fa-remember"));
        services.PostConfigureAll<CookieAuthenticationOptions>(options =>
        {
            options.Cookie.SecurePolicy = cookies.Policy;
            options.Cookie.HttpOnly = true;
            options.Cookie.Path = "/";
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ApiRegistration.IsApiRequest(context.HttpContext))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Middleware the accounts need: the rate limiter behind the sign-in, registration and reset limits.</summary>
    public static WebApplication UseRapportAccounts(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The account pages' endpoints (sign-out, passkey options, data download) and <c>/api/v1/me</c>.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdditionalIdentityEndpoints();
        endpoints.MapMeApi();
        return endpoints;
    }
}
