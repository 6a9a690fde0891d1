using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rapport.Core.Persistence;

namespace Rapport.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RapportDbContext>
{
    public RapportDbContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=rapport_design", Path.GetTempPath());
        var options = new DbContextOptionsBuilder<RapportDbContext>();
        DatabaseRegistration.Configure(options, settings);
        return new RapportDbContext(options.Options);
    }
}
