using Microsoft.Data.Sqlite;

namespace Rapport.Cli.Commands;

/// <summary>
/// Copies a live SQLite database with <c>VACUUM INTO</c>: one read transaction, so the copy is a consistent
/// snapshot while writers carry on (WAL). The copy is written beside the target, flushed to disk and then
/// renamed, so FILE is never left half-written.
/// </summary>
internal static class SqliteBackup
{
    public static async Task WriteAsync(string connectionString, string source, string target, bool force, CancellationToken cancellationToken)
    {
        if (!File.Exists(source))
        {
            throw new CliException($"There is no database at {source}. Run `rapport migrate` first.");
        }

        if (string.Equals(source, target, StringComparison.Ordinal))
        {
            throw new CliException($"{target} is the database itself; choose another file.");
        }

        if (File.Exists(target) && !force)
        {
            throw new CliException($"{target} already exists. Pass --force to replace it.");
        }

        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw new CliException($"The directory {directory} does not exist.");
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // ReadWrite without Create: never make an empty database where the source should be.
            var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
            await using (var connection = new SqliteConnection(builder.ConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout = 10000; VACUUM INTO $path;";
                command.Parameters.AddWithValue("$path", temporary);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await UseWriteAheadLogAsync(temporary, cancellationToken);

            await using (var written = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite))
            {
                written.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: force);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// VACUUM INTO writes a rollback-journal database. The live one is in WAL mode, and a restored copy must be too:
    /// a read-only connection (EF opens one to test that the file exists) cannot switch modes and fails.
    /// </summary>
    private static async Task UseWriteAheadLogAsync(string path, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
