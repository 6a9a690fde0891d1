using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;

namespace Rapport.Core.Accounts;

public static class IdentityStoresRegistration
{
    /// <summary>OWASP's floor for PBKDF2-HMAC-SHA512; the .NET default (100,000) is lower.</summary>
    public const int MinimumPasswordHashIterations = 210_000;

    /// <summary>
    /// Identity's user and role stores over <see cref="RapportDbContext"/> with Rapport's account rules
    /// (password policy, lockout, hashing cost). Every host that creates or checks accounts (web, CLI, tests)
    /// calls this, so a password set by one is judged by the same rules in the other. Hosts add their own
    /// sign-in pieces (cookies, token providers) on the returned builder.
    /// </summary>
    public static IdentityBuilder AddRapportIdentityStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = Math.Max(
            MinimumPasswordHashIterations,
            configuration.GetValue("Rapport:Security:PasswordHashIterations", MinimumPasswordHashIterations)));

        return services.AddIdentityCore<Account>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.Stores.SchemaVersion = DatabaseRegistration.IdentitySchema;
                options.User.RequireUniqueEmail = true;
                // Length, not composition (ASVS 5.0 6.2): 12 to 128 characters, any characters.
                options.Password.RequiredLength = 12;
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
            .AddEntityFrameworkStores<RapportDbContext>();
    }
}
