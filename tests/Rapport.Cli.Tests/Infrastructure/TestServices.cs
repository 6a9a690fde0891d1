using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Cli.Tests.Infrastructure;

/// <summary>The database and Identity's stores over a test database, to check what a command wrote.</summary>
internal static class TestServices
{
    public static ServiceProvider Create(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddRapportDatabase(database.Settings);
        services.AddAccounts(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider();
    }
}
