using Rapport.Core.Persistence;

namespace Rapport.Core.Tests.Persistence;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void Describe_Postgres_NamesServerAndDatabaseButNeverThePassword()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres,
            "Host=db.example.org;Port=5433;Database=rapport;Username=rapport;Password=secret", Path.GetTempPath());

        var description = settings.Describe();

        Assert.Equal("PostgreSQL db.example.org:5433/rapport", description);
        Assert.DoesNotContain("secret", description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Describe_Sqlite_NamesTheFile()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=/var/lib/rapport/rapport.db;Password=secret", Path.GetTempPath());

        var description = settings.Describe();

        Assert.Equal("SQLite /var/lib/rapport/rapport.db", description);
        Assert.DoesNotContain("secret", description, StringComparison.OrdinalIgnoreCase);
    }
}
