using System.Collections.Concurrent;
using Rapport.Core.Persistence;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Api;

/// <summary>
/// An app per provider that only one test class uses, so "nothing changed" can be checked on the whole
/// database (the shared apps see other classes' writes at the same time), with one <see cref="Scene"/> in it.
/// </summary>
public sealed class IsolatedApps : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<RapportApp>>> _apps = new();
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<Scene>>> _scenes = new();

    public Task<RapportApp> ForAsync(DatabaseProvider provider) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<RapportApp>>(() => RapportApp.StartAsync(p))).Value;

    internal Task<Scene> SceneAsync(DatabaseProvider provider) =>
        _scenes.GetOrAdd(provider, p => new Lazy<Task<Scene>>(async () => await Scene.CreateAsync(await ForAsync(p)))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated && a.Value.IsCompletedSuccessfully))
        {
            await app.Value.Result.DisposeAsync();
        }
    }
}
