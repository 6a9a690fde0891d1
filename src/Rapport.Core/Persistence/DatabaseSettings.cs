using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Rapport.Core.Persistence;

/// <summary>
/// Where the data lives. Read from configuration:
/// <c>Rapport:DataDirectory</c> (default <c>./data</c>), <c>Rapport:Database:Provider</c> (<c>Sqlite</c> or <c>Postgres</c>)
/// and <c>Rapport:Database:ConnectionString</c> (required for Postgres; for SQLite it overrides the file in the data directory).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string SqliteMigrationsAssembly = "Rapport.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Rapport.Migrations.Postgres";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["Rapport:DataDirectory"] is { Length: > 0 } dir ? dir : "data");
        var providerText = configuration["Rapport:Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"Rapport:Database:Provider must be Sqlite or Postgres, not '{providerText}'.");
        var connectionString = configuration["Rapport:Database:ConnectionString"] is { Length: > 0 } configured ? configured : null;

        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Rapport:Database:Provider is Postgres but Rapport:Database:ConnectionString is empty. " +
                "Set it, e.g. Rapport__Database__ConnectionString='Host=localhost;Database=rapport;Username=rapport;Password=...'.");
        }

        connectionString ??= $"Data Source={Path.Combine(dataDirectory, "rapport.db")}";
        return new DatabaseSettings(provider, connectionString, dataDirectory);
    }

    /// <summary>
    /// Where the data is, for logs and messages: the SQLite file, or PostgreSQL's host, port and database.
    /// Never the password or any other part of the connection string.
    /// </summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        _ => new NpgsqlConnectionStringBuilder(ConnectionString) is var pg ? $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}" : "",
    };
}
