using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Trust.Explanation;

/// <summary>
/// Why and Level over one perspective: explores the reachable graph, then finds the strongest simple paths. A path's
/// strength is the product of its hop weights (fallback hops discounted); only trust statements make paths.
/// </summary>
internal static class PathSearch
{
    /// <summary>The longest path an explanation may have: beyond it paths explain little and searches grow fast.</summary>
    internal const int MaxHopsLimit = 16;

    /// <summary>The most paths one explanation returns.</summary>
    internal const int MaxPathsLimit = 100;

    internal static IReadOnlyList<TrustPath> Why(in PerspectiveView view, int target, int maxPaths, int maxHops)
    {
        Validate(view, target, maxPaths, maxHops);
        if (maxPaths == 0 || target == view.Viewer)
        {
            return [];
        }

        var workspace = WorkspacePool<PathWorkspace>.Rent();
        try
        {
            if (!workspace.Reachable.Explore(view, target, maxHops))
            {
                return [];
            }

            Span<int> found = stackalloc int[maxPaths];
            var count = workspace.Paths.Search(workspace.Reachable, maxPaths, found);
            var paths = new TrustPath[count];
            for (var i = 0; i < count; i++)
            {
                var hops = new TrustHop[workspace.Paths.Hops(found[i])];
                workspace.Paths.WriteHops(found[i], hops);
                paths[i] = new TrustPath((float)workspace.Paths.Strength(found[i]), hops);
            }

            return paths;
        }
        finally
        {
            WorkspacePool<PathWorkspace>.Return(workspace);
        }
    }

    /// <summary>The strongest path's strength, or null when no path of at most <paramref name="maxHops"/> hops exists.</summary>
    internal static float? Strongest(in PerspectiveView view, int target, int maxHops)
    {
        Validate(view, target, 1, maxHops);
        if (target == view.Viewer)
        {
            return null;
        }

        var workspace = WorkspacePool<PathWorkspace>.Rent();
        try
        {
            if (!workspace.Reachable.Explore(view, target, maxHops))
            {
                return null;
            }

            Span<int> found = stackalloc int[1];
            return workspace.Paths.Search(workspace.Reachable, 1, found) == 1 ? (float)workspace.Paths.Strength(found[0]) : null;
        }
        finally
        {
            WorkspacePool<PathWorkspace>.Return(workspace);
        }
    }

    private static void Validate(in PerspectiveView view, int target, int maxPaths, int maxHops)
    {
        if ((uint)target >= (uint)view.NodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(target), "The target is not a node of this snapshot.");
        }

        if (maxPaths is < 0 or > MaxPathsLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPaths), $"maxPaths is in 0..{MaxPathsLimit}.");
        }

        if (maxHops is < 1 or > MaxHopsLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxHops), $"maxHops is in 1..{MaxHopsLimit}.");
        }
    }

    /// <summary>The reusable state of one path search.</summary>
    internal sealed class PathWorkspace
    {
        internal ReachableGraph Reachable { get; } = new();

        internal StrongestPaths Paths { get; } = new();
    }
}
