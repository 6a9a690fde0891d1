using Microsoft.EntityFrameworkCore.Design;
using Rapport.Core.Persistence;

namespace Rapport.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RapportDbContext>
{
    public RapportDbContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db", Path.GetTempPath());
        return DatabaseRegistration.CreateStandaloneContext(settings);
    }
}
