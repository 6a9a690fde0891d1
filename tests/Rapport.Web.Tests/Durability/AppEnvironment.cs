using Rapport.Core.Persistence;

namespace Rapport.Web.Tests.Durability;

/// <summary>The environment the app process runs with: production, our database, no demo, no throttling of the load.</summary>
internal static class AppEnvironment
{
    // Every configured rate limit (appsettings.json, Rapport:Security:RateLimits): all requests come from one
    // loopback address, so production limits would turn the load into 429s. A limit added later must be listed here.
    private static readonly string[] RateLimits =
        ["LoginPerClient", "LoginPerAccount", "RegisterPerClient", "ForgotPasswordPerClient", "ResendConfirmationPerClient", "WritesPerAccount", "SearchesPerAccount", "TrustStatementsPerAccount"];

    public static void Apply(IDictionary<string, string?> environment, DatabaseSettings database)
    {
        // Nothing inherited from the developer's shell may change what runs (another database, URLs, environment).
        foreach (var key in environment.Keys.Where(IsInherited).ToList())
        {
            environment.Remove(key);
        }

        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Rapport__DataDirectory"] = database.DataDirectory;
        environment["Rapport__Database__Provider"] = database.Provider.ToString();
        environment["Rapport__Database__ConnectionString"] = database.ConnectionString;
        environment["Rapport__SeedDemo"] = "false";
        foreach (var limit in RateLimits)
        {
            environment[$"Rapport__Security__RateLimits__{limit}"] = "1000000";
        }

        // Warnings and errors only: the log is kept for failure messages. Lifetime events say when Kestrel listens.
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
    }

    private static bool IsInherited(string key) =>
        key.StartsWith("Rapport__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase);
}
