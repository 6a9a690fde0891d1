using Microsoft.Extensions.ObjectPool;
using Rapport.Trust.Feed;

namespace Rapport.Core.Recommendations;

/// <summary>
/// One feed request's working memory, reused by the next request: the visible recommendations (thousands per viewer,
/// newest first), the votes and the ranking, and the maps that number items and recommenders. Each would otherwise be
/// allocated per request, most of them on the large-object heap (over 85 kB), whose allocations bring on full
/// collections; the pool keeps a few (bounded by concurrency), each as large as the largest request it served.
/// </summary>
internal sealed class FeedWorkspace
{
    private static readonly ObjectPool<FeedWorkspace> Pool = new DefaultObjectPool<FeedWorkspace>(new Policy());

    private IndexedRecommendation[] _visible = [];
    private int _visibleUsed;

    /// <summary>The sources' lists the index merges (references to its arrays, cleared on return).</summary>
    public List<IndexedRecommendation[]> Lists { get; } = [];

    /// <summary>Authors of community recommendations in the viewer's communities, whose membership is read.</summary>
    public HashSet<Guid> SharedAuthors { get; } = [];

    public FeedVote[] Votes { get; private set; } = [];

    public RankedItem[] Ranked { get; private set; } = [];

    /// <summary>Items in the order they were first met (the ranking's item indices), and each one's index.</summary>
    public List<Guid> Items { get; } = [];

    public Dictionary<Guid, int> ItemIndex { get; } = [];

    /// <summary>Recommenders, most trusted first (then by id): the ranking's recommender indices.</summary>
    public List<(Guid Id, double Trust)> Recommenders { get; } = [];

    public Dictionary<Guid, int> RecommenderIndex { get; } = [];

    public static FeedWorkspace Rent() => Pool.Get();

    public static void Return(FeedWorkspace workspace) => Pool.Return(workspace);

    /// <summary>A buffer of at least <paramref name="count"/> visible recommendations (contents undefined).</summary>
    public IndexedRecommendation[] Visible(int count)
    {
        if (_visible.Length < count)
        {
            _visible = new IndexedRecommendation[count];
        }

        _visibleUsed = Math.Max(_visibleUsed, count);
        return _visible;
    }

    /// <summary>Makes <see cref="Votes"/> and <see cref="Ranked"/> at least <paramref name="count"/> long.</summary>
    public void EnsureVotes(int count)
    {
        if (Votes.Length < count)
        {
            Votes = new FeedVote[count];
            Ranked = new RankedItem[count];
        }
    }

    private sealed class Policy : PooledObjectPolicy<FeedWorkspace>
    {
        public override FeedWorkspace Create() => new();

        public override bool Return(FeedWorkspace workspace)
        {
            // Entries hold the index's topic arrays; cleared (the part used) so a returned workspace keeps none alive.
            Array.Clear(workspace._visible, 0, workspace._visibleUsed);
            workspace._visibleUsed = 0;
            workspace.Lists.Clear();
            workspace.SharedAuthors.Clear();
            workspace.Items.Clear();
            workspace.ItemIndex.Clear();
            workspace.Recommenders.Clear();
            workspace.RecommenderIndex.Clear();
            return true;
        }
    }
}
