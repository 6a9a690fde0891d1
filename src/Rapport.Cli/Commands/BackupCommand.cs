using System.CommandLine;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Core.Persistence;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport backup FILE</c>: a consistent copy of a SQLite database, safe while the app is running
/// (<c>VACUUM INTO</c> reads one snapshot; WAL lets writers carry on). PostgreSQL has pg_dump for that.
/// </summary>
internal static class BackupCommand
{
    /// <summary>The exit code when the backup must be made by another tool (pg_dump).</summary>
    public const int UseAnotherTool = 2;

    public static Command Create(DatabaseOptions database)
    {
        var file = new Argument<FileInfo>("file") { Description = "The backup file to write (a SQLite database you can open or copy back)." };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it already exists." };
        var command = new Command("backup",
            "Write a consistent backup of a SQLite database to FILE, safe while Rapport is running. " +
            $"Refuses to overwrite FILE without --force. For PostgreSQL, prints the pg_dump command and exits with {UseAnotherTool}.")
        {
            file,
            force,
        };
        command.SetRapportAction(async (parse, output, cancellationToken) =>
        {
            var settings = DatabaseOptions.Settings(database.Configuration(parse));
            var target = parse.GetValue(file)!.FullName;
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"rapport: back up PostgreSQL with pg_dump (it asks for the password, or reads PGPASSWORD or ~/.pgpass):{Environment.NewLine}" +
                    $"  {PgDumpCommand(settings.ConnectionString, target)}");
                return UseAnotherTool;
            }

            var source = Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
            await SqliteBackup.WriteAsync(settings.ConnectionString, source, target, parse.GetValue(force), cancellationToken);
            await output.WriteLineAsync($"Backed up {source} to {target} ({new FileInfo(target).Length / 1024} KiB).");
            return 0;
        });
        return command;
    }

    /// <summary>The pg_dump line for this connection string, without its password.</summary>
    internal static string PgDumpCommand(string connectionString, string target)
    {
        var pg = new NpgsqlConnectionStringBuilder(connectionString);
        var parts = new List<string> { "pg_dump", "--format=custom" };
        if (!string.IsNullOrEmpty(pg.Host))
        {
            parts.Add($"--host={Shell(pg.Host)}");
        }

        parts.Add($"--port={pg.Port}");
        if (!string.IsNullOrEmpty(pg.Username))
        {
            parts.Add($"--username={Shell(pg.Username)}");
        }

        if (!string.IsNullOrEmpty(pg.Database))
        {
            parts.Add($"--dbname={Shell(pg.Database)}");
        }

        parts.Add($"--file={Shell(target)}");
        return string.Join(' ', parts);
    }

    private static string Shell(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or ':' or ',' or '+' or '=' or '@')
            ? value
            : $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
