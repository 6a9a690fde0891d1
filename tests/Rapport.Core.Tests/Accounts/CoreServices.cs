using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.AccessTokens;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Accounts;

/// <summary>The Core services a host registers (Identity's store and rules, the use cases) over a test database.</summary>
internal static class CoreServices
{
    public static ServiceProvider Create(TestDatabase database, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddRapportDatabase(database.Settings);
        services.AddAccounts(new ConfigurationBuilder().Build());
        services.AddAccessTokens();
        services.AddTrust();
        return services.BuildServiceProvider();
    }
}
