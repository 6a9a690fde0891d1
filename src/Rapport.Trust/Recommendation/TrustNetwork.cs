using Rapport.Trust.Graph;

namespace Rapport.Trust.Recommendation;

/// <summary>
/// Who trusts whom among the users of a <see cref="RatingMatrix"/>, for the recommenders: binary, directed trust in
/// compressed sparse rows, out (trustees) and in (trustors). Self-loops and repeated pairs are dropped on build.
/// </summary>
public sealed class TrustNetwork
{
    private readonly int[] outStart;
    private readonly int[] trustees;
    private readonly int[] inStart;
    private readonly int[] trustors;
    private TrustSnapshot? snapshot;

    private TrustNetwork(int userCount, (int From, int To)[] edges)
    {
        UserCount = userCount;
        EdgeCount = edges.Length;
        (outStart, trustees) = Rows(userCount, edges, outgoing: true);
        (inStart, trustors) = Rows(userCount, edges, outgoing: false);
    }

    /// <summary>A network over <paramref name="userCount"/> users in which nobody trusts anybody.</summary>
    public static TrustNetwork None(int userCount) => new(userCount, []);

    /// <summary>Number of user indices.</summary>
    public int UserCount { get; }

    /// <summary>Number of distinct trust edges kept.</summary>
    public int EdgeCount { get; }

    /// <summary>
    /// Builds the network from (trustor, trustee) pairs; a pair given twice counts once and a self-loop not at all.
    /// </summary>
    public static TrustNetwork Build(int userCount, ReadOnlySpan<(int From, int To)> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(userCount);
        var kept = new HashSet<(int, int)>();
        var list = new List<(int From, int To)>(edges.Length);
        foreach (var edge in edges)
        {
            if ((uint)edge.From >= (uint)userCount || (uint)edge.To >= (uint)userCount)
            {
                throw new ArgumentException($"Trust edge {edge} names a user out of range.", nameof(edges));
            }

            if (edge.From != edge.To && kept.Add(edge))
            {
                list.Add(edge);
            }
        }

        return new TrustNetwork(userCount, [.. list]);
    }

    /// <summary>Whom <paramref name="user"/> trusts, ascending.</summary>
    public ReadOnlySpan<int> TrusteesOf(int user) => trustees.AsSpan(outStart[user], outStart[user + 1] - outStart[user]);

    /// <summary>Who trusts <paramref name="user"/>, ascending.</summary>
    public ReadOnlySpan<int> TrustorsOf(int user) => trustors.AsSpan(inStart[user], inStart[user + 1] - inStart[user]);

    /// <summary>
    /// The network as a trust-engine snapshot (public, general statements of value 1), built on first use. Two threads
    /// racing here may each build one; both are equal and either is kept.
    /// </summary>
    internal TrustSnapshot Snapshot => snapshot ??= BuildSnapshot();

    private TrustSnapshot BuildSnapshot()
    {
        var edges = new StatementEdge[EdgeCount];
        var at = 0;
        for (var u = 0; u < UserCount; u++)
        {
            foreach (var v in TrusteesOf(u))
            {
                edges[at++] = new StatementEdge(u, v, 1f, TopicIndex.General, EdgeScope.Public);
            }
        }

        return TrustSnapshot.Build(UserCount, edges, 0);
    }

    private static (int[] Start, int[] Columns) Rows(int rowCount, (int From, int To)[] edges, bool outgoing)
    {
        var start = new int[rowCount + 1];
        foreach (var (from, to) in edges)
        {
            start[(outgoing ? from : to) + 1]++;
        }

        for (var r = 0; r < rowCount; r++)
        {
            start[r + 1] += start[r];
        }

        var next = start[..^1];
        var columns = new int[edges.Length];
        foreach (var (from, to) in edges)
        {
            columns[next[outgoing ? from : to]++] = outgoing ? to : from;
        }

        for (var r = 0; r < rowCount; r++)
        {
            Array.Sort(columns, start[r], start[r + 1] - start[r]);
        }

        return (start, columns);
    }
}
