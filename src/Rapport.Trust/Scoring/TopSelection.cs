using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>
/// Picks the best scored nodes among those a query touched with a bounded min-heap: O(touched · log k), no allocation.
/// Order: higher score first, then lower node index, so equal scores come out the same way every time.
/// </summary>
internal static class TopSelection
{
    internal static int Select(RankWorkspace workspace, int viewer, Span<ScoredNode> into) =>
        Select(workspace, viewer, NodeOrder.Identity, into);

    /// <summary>
    /// The best touched nodes of a workspace indexed by the snapshot's internal node index (<paramref name="viewer"/>
    /// too), written under external indices; ties go to the lower external index, so the order is the same however the
    /// snapshot numbers its nodes inside. A node is looked up in <paramref name="order"/> only when its score could
    /// enter the heap (most touched nodes are turned away by the score alone, and each look-up is a cache miss).
    /// </summary>
    internal static int Select(RankWorkspace workspace, int viewer, NodeOrder order, Span<ScoredNode> into)
    {
        var capacity = into.Length;
        if (capacity == 0)
        {
            return 0;
        }

        var heap = workspace.Heap.AsSpan(0, capacity);
        var nodes = workspace.Push;
        var count = 0;
        for (var i = 0; i < workspace.TouchedCount; i++)
        {
            var node = workspace.Touched[i];
            var score = nodes[node].Score;
            if (node == viewer || !(score > 0))
            {
                continue;
            }

            if (count == capacity && score < heap[0].Score)
            {
                continue;
            }

            Offer(heap, ref count, new ScoredNode(order.External(node), score));
        }

        for (var last = count - 1; last >= 0; last--)
        {
            into[last] = heap[0];
            heap[0] = heap[last];
            SiftDown(heap[..last], 0);
        }

        return count;
    }

    /// <summary>Keeps <paramref name="candidate"/> in the heap of the best <c>heap.Length</c> when it is among them.</summary>
    internal static void Offer(Span<ScoredNode> heap, ref int count, ScoredNode candidate)
    {
        if (count < heap.Length)
        {
            heap[count] = candidate;
            SiftUp(heap, count++);
        }
        else if (Better(candidate, heap[0]))
        {
            heap[0] = candidate;
            SiftDown(heap[..count], 0);
        }
    }

    /// <summary>Whether <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
    internal static bool Better(ScoredNode a, ScoredNode b) => a.Score > b.Score || (a.Score == b.Score && a.Node < b.Node);

    // The heap keeps the worst of the kept nodes at its root.
    private static void SiftUp(Span<ScoredNode> heap, int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Better(heap[parent], heap[index]))
            {
                break;
            }

            (heap[parent], heap[index]) = (heap[index], heap[parent]);
            index = parent;
        }
    }

    internal static void SiftDown(Span<ScoredNode> heap, int index)
    {
        while (true)
        {
            var worst = index;
            var left = (2 * index) + 1;
            var right = left + 1;
            if (left < heap.Length && Better(heap[worst], heap[left]))
            {
                worst = left;
            }

            if (right < heap.Length && Better(heap[worst], heap[right]))
            {
                worst = right;
            }

            if (worst == index)
            {
                return;
            }

            (heap[worst], heap[index]) = (heap[index], heap[worst]);
            index = worst;
        }
    }
}
