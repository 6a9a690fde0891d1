using System.Collections.Concurrent;
using Rapport.Core.Persistence;

[assembly: AssemblyFixture(typeof(Rapport.Web.Tests.Infrastructure.Apps))]

namespace Rapport.Web.Tests.Infrastructure;

/// <summary>
/// One running app per provider, shared by the whole test assembly (start-up and migrations are the slow part).
/// Tests stay independent by making their own people with unique handles. Tests that need special
/// settings start their own <see cref="RapportApp"/>.
/// </summary>
public sealed class Apps : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<RapportApp>>> _apps = new();

    public Task<RapportApp> ForAsync(DatabaseProvider provider) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<RapportApp>>(() => RapportApp.StartAsync(p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
        {
            if (app.Value.IsCompletedSuccessfully)
            {
                await app.Value.Result.DisposeAsync();
            }
        }
    }
}
