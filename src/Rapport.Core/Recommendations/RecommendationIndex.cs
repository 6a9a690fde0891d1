using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations;

/// <summary>
/// One current (not revoked) recommendation as the feed's index holds it: what <see cref="RecommendationAccess"/>'s
/// in-memory rule and the feed's ranking need, and no note. <see cref="Topics"/> are its own topic and its item's, so
/// "on a topic" is one lookup.
/// </summary>
internal readonly record struct IndexedRecommendation(
    Guid Id, Guid PersonId, Guid ItemId, long ChangedAtTicks, int? Rating, TrustVisibility Visibility, Guid? CommunityId, string[] Topics)
{
    /// <summary>On <paramref name="topic"/> (its own or its item's); every recommendation is on no topic (empty).</summary>
    public bool IsOn(string topic) => topic.Length == 0 || Array.IndexOf(Topics, topic) >= 0;

    /// <summary>Newest first, then by id descending: the order the SQL lists use.</summary>
    public static int NewestFirst(IndexedRecommendation a, IndexedRecommendation b)
    {
        var byTime = b.ChangedAtTicks.CompareTo(a.ChangedAtTicks);
        return byTime != 0 ? byTime : b.Id.CompareTo(a.Id);
    }
}

/// <summary>
/// This node's replica of everyone's current recommendations, per recommender, newest first (one per process, a
/// singleton), so the feed merges the lists of the viewer's trusted people in memory instead of scanning the table.
/// Before answering, <see cref="CatchUpAsync"/> reads the recommendation change log's head: when the database has
/// entries this node has not applied (its own writes or another node's), it re-reads the people they name and replaces
/// their lists, each list at once, so a feed never misses a committed write. One refresh runs at a time; a node whose
/// next entry was pruned, or whose refresh failed, reloads everything. Who may see what is decided per request, never
/// here (<see cref="RecommendationAccess.CanSeeInMemory"/>).
/// </summary>
public sealed class RecommendationIndex : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly ConcurrentDictionary<Guid, string[]> _itemTopics = new();
    private volatile ConcurrentDictionary<Guid, IndexedRecommendation[]> _byPerson = new();
    private long _version = NotLoaded;
    private volatile bool _reload = true;

    private const long NotLoaded = -1;

    /// <summary>How many times the index was read from scratch (the first load included): for tests and diagnostics.</summary>
    public int Reloads { get; private set; }

    /// <summary>The change-log position the index reflects; -1 before the first load.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>
    /// Applies every change-log entry <paramref name="db"/> can see now (loading everything the first time). Throws when
    /// the database fails; a failed or cancelled refresh has applied nothing.
    /// </summary>
    internal async Task CatchUpAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        var head = await RecommendationChangeLog.HeadAsync(db, cancellationToken);
        if (Version >= head && !_reload)
        {
            return;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Version >= head && !_reload)
            {
                return; // a refresh that ran meanwhile got there
            }

            try
            {
                if (_reload || !await ApplyChangesAsync(db, cancellationToken))
                {
                    await ReloadAsync(db, cancellationToken);
                }

                _reload = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _reload = true;
                throw;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// Current recommendations by <paramref name="authors"/> that the viewer may see, newest first, on the topic (theirs
    /// or their item's) when given: the authors' lists, caught up with the change log first, through
    /// <see cref="RecommendationAccess.CanSeeInMemory"/>. Whether the authors of community recommendations are still
    /// members is read from the database, as the query form of the rule does, for the viewer's communities only. The
    /// answer lives in <paramref name="workspace"/>'s buffer: valid until the workspace is returned.
    /// </summary>
    internal async Task<ArraySegment<IndexedRecommendation>> VisibleAsync(
        RapportDbContext db, Guid viewerId, IReadOnlySet<Guid> viewerCommunities, IEnumerable<Guid> authors, string topic,
        FeedWorkspace workspace, CancellationToken cancellationToken)
    {
        await CatchUpAsync(db, cancellationToken);
        var byPerson = _byPerson;
        var lists = workspace.Lists;
        var shared = workspace.SharedAuthors;
        foreach (var author in authors)
        {
            if (byPerson.TryGetValue(author, out var list))
            {
                lists.Add(list);
                foreach (var r in list)
                {
                    if (r.Visibility == TrustVisibility.Community && r.CommunityId is { } c && viewerCommunities.Contains(c) && r.IsOn(topic))
                    {
                        shared.Add(r.PersonId);
                    }
                }
            }
        }

        var members = new HashSet<(Guid Person, Guid Community)>();
        if (shared.Count > 0)
        {
            var communities = viewerCommunities.ToList();
            var rows = await db.Memberships.AsNoTracking().Where(m => shared.Contains(m.PersonId) && communities.Contains(m.CommunityId))
                .Select(m => new { m.PersonId, m.CommunityId }).ToListAsync(cancellationToken);
            members.UnionWith(rows.Select(m => (m.PersonId, m.CommunityId)));
        }

        // Counted first, so the answer fills the workspace's buffer once: the sources' lists hold thousands of entries.
        var count = 0;
        foreach (var list in lists)
        {
            foreach (var r in list)
            {
                count += IsVisible(r) ? 1 : 0;
            }
        }

        var visible = workspace.Visible(count);
        var next = 0;
        foreach (var list in lists)
        {
            foreach (var r in list)
            {
                if (IsVisible(r))
                {
                    visible[next++] = r;
                }
            }
        }

        visible.AsSpan(0, count).Sort(IndexedRecommendation.NewestFirst);
        return new ArraySegment<IndexedRecommendation>(visible, 0, count);

        bool IsVisible(in IndexedRecommendation r) =>
            r.IsOn(topic) && RecommendationAccess.CanSeeInMemory(viewerId, r.PersonId, revoked: false, r.Visibility,
                bothMembers: r.CommunityId is { } c && viewerCommunities.Contains(c) && members.Contains((r.PersonId, c)));
    }

    private async Task ReloadAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        var load = await RecommendationIndexReader.ReadAllAsync(db, _itemTopics, cancellationToken);
        _byPerson = new ConcurrentDictionary<Guid, IndexedRecommendation[]>(load.ByPerson);
        Interlocked.Exchange(ref _version, load.Version);
        Reloads++;
    }

    /// <summary>False when the log cannot tell what changed (entries pruned, too many, another database).</summary>
    private async Task<bool> ApplyChangesAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        var batch = await RecommendationIndexReader.ReadChangesAsync(db, _itemTopics, Version, cancellationToken);
        if (batch is null)
        {
            return false;
        }

        var byPerson = _byPerson;
        foreach (var (person, list) in batch.ByPerson)
        {
            if (list.Length == 0)
            {
                byPerson.TryRemove(person, out _);
            }
            else
            {
                byPerson[person] = list;
            }
        }

        Interlocked.Exchange(ref _version, batch.Version);
        return true;
    }

    public void Dispose() => _refresh.Dispose();
}
