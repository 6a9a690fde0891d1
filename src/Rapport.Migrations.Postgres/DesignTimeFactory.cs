using Microsoft.EntityFrameworkCore.Design;
using Rapport.Core.Persistence;

namespace Rapport.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RapportDbContext>
{
    public RapportDbContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=rapport_design", Path.GetTempPath());
        return DatabaseRegistration.CreateStandaloneContext(settings);
    }
}
