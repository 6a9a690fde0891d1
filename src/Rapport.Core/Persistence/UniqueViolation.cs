using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Rapport.Core.Persistence;

/// <summary>
/// Recognises a save refused by a unique index, on either provider, so a use case can answer a racing twin the way it
/// answers the duplicate it would have found by looking first (a Conflict), and let every other failure through.
/// </summary>
internal static class UniqueViolation
{
    /// <summary>SQLite's extended result codes for a unique index or primary key refusing a row.</summary>
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
