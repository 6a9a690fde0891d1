using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;

namespace Rapport.Core.Accounts;

public static class AccountsRegistration
{
    /// <summary>OWASP's floor for PBKDF2-HMAC-SHA512; the .NET default (100,000) is lower.</summary>
    public const int MinimumPasswordHashIterations = 210_000;

    /// <summary>
    /// Identity's user store and the account rules (password policy, soft lockout, unique email) and the
    /// Accounts use cases. Here rather than in the web host so every host (web, CLI, tests) applies the same rules.
    /// Sign-in, cookies and tokens sent by mail are the web host's.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<Account>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                // Length, not composition (ASVS 5.0 6.2): 12 to 128 characters, any characters.
                options.Password.RequiredLength = PasswordRules.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // Soft lockout: a pause after repeated failures, never a permanent lock.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RapportDbContext>()
            .AddPasswordValidator<AccountPasswordValidator>();

        var iterations = configuration.GetValue("Rapport:Security:PasswordHashIterations", MinimumPasswordHashIterations);
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = Math.Max(MinimumPasswordHashIterations, iterations));

        services.AddScoped<RegisterAccount>();
        services.AddScoped<EndSessions>();
        services.AddScoped<EndSession>();
        services.AddScoped<ListSessions>();
        services.AddScoped<DeleteAccount>();
        services.AddScoped<ExportPersonalData>();
        return services;
    }
}
