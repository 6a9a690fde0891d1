using Microsoft.Data.Sqlite;
using Rapport.Core.Persistence;

namespace Rapport.Web.Tests.Durability;

internal static class Unpooled
{
    /// <summary>
    /// The same database without SQLite connection pooling. The test must hold no SQLite connection open while the
    /// app is killed and restarted: the app alone recovers the file, as on a server where nothing else opens it.
    /// (PostgreSQL connections of the test are another client of the server, which is what production sees.)
    /// </summary>
    public static DatabaseSettings Connections(DatabaseSettings database) => database.Provider == DatabaseProvider.Sqlite
        ? database with { ConnectionString = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString }
        : database;
}
