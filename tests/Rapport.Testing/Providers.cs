using Rapport.Core.Persistence;

namespace Rapport.Testing;

/// <summary>Theory data: one row per database provider. The PostgreSQL row skips itself without a server (never in CI).</summary>
public sealed class Providers : TheoryData<DatabaseProvider>
{
    public Providers()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}
