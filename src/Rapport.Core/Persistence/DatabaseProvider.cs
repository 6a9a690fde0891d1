namespace Rapport.Core.Persistence;

public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file in the data directory: the one-command default.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL through Npgsql, for several app nodes.</summary>
    Postgres = 1,
}
