using Microsoft.Data.Sqlite;

namespace Rapport.Cli.Tests.Infrastructure;

/// <summary>A fresh directory for files a test writes (backups, data directories), deleted afterwards.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("rapport-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
