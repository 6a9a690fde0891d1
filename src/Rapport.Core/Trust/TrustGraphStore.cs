using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rapport.Core.Persistence;
using Rapport.Trust.Graph;

namespace Rapport.Core.Trust;

/// <summary>
/// This node's replica of the trust graph (one per process, a singleton). Readers take <see cref="GetAsync"/> and never
/// wait, except for the very first load. One refresh runs at a time: it reads the trust change log after the current
/// version, re-reads what the entries name, applies that to the snapshot and publishes the result atomically. A node's
/// own writes refresh it at once (<see cref="CatchUpAsync"/>); <see cref="TrustGraphRefresher"/> picks up the other
/// nodes' writes every few seconds. After a failed refresh the next one rebuilds from scratch.
/// </summary>
public sealed partial class TrustGraphStore(IServiceScopeFactory scopes, ILogger<TrustGraphStore> logger) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly TrustGraphIndex _index = new();
    private volatile TrustGraph? _current;
    private bool _rebuild = true;

    /// <summary>The graph as last published; null before the first load.</summary>
    public TrustGraph? Current => _current;

    /// <summary>How many times the graph was read from scratch (the first load included): for tests and diagnostics.</summary>
    public int Rebuilds { get; private set; }

    /// <summary>The current graph, loading it first if this node has none yet.</summary>
    public async ValueTask<TrustGraph> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } graph)
        {
            return graph;
        }

        await RefreshAsync(cancellationToken);
        return _current!;
    }

    /// <summary>Brings the graph up to the database's change log. Throws when the database or the engine fails.</summary>
    public Task RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(atLeast: null, cancellationToken);

    /// <summary>As <see cref="RefreshAsync(CancellationToken)"/>; with <paramref name="atLeast"/>, nothing when a refresh that ran meanwhile got there.</summary>
    private async Task RefreshAsync(long? atLeast, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (atLeast is { } wanted && !_rebuild && _current is { } graph && graph.Version >= wanted)
            {
                return; // concurrent writers on this node: the refresh one of them ran took the others' changes too
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            try
            {
                _current = await NextAsync(db, _rebuild ? null : _current, cancellationToken);
                _rebuild = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _rebuild = true; // a cancelled refresh applied nothing; a failed one may have met a bad batch, so start over
                throw;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// After this node committed change-log entry <paramref name="sequence"/>: refresh unless the graph already has it
    /// (or was never loaded: its first reader loads everything). Never fails the write that called it: a failure is
    /// logged and the background refresh tries again.
    /// </summary>
    internal async Task CatchUpAsync(long sequence, CancellationToken cancellationToken)
    {
        if (_current is not { } graph || graph.Version >= sequence)
        {
            return;
        }

        try
        {
            await RefreshAsync(sequence, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRefreshFailed(logger, e);
        }
    }

    /// <summary>The graph after <paramref name="current"/>'s changes, or read from scratch when there is none to follow.</summary>
    private async Task<TrustGraph> NextAsync(RapportDbContext db, TrustGraph? current, CancellationToken cancellationToken)
    {
        if (current is not null)
        {
            var batch = await TrustGraphReader.ReadChangesAsync(db, _index, current.Version, cancellationToken);
            if (batch is not null)
            {
                return batch.Version == current.Version
                    ? current
                    : new TrustGraph(current.Snapshot.Apply(_index.NodeCount, batch.Upserts, batch.Removals, batch.Version), _index);
            }
        }

        var load = await TrustGraphReader.ReadAllAsync(db, _index, cancellationToken);
        Rebuilds++;
        return new TrustGraph(TrustSnapshot.Build(_index.NodeCount, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(load.Edges), load.Version), _index);
    }

    public void Dispose() => _refresh.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the trust graph failed; the next refresh rebuilds it.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
