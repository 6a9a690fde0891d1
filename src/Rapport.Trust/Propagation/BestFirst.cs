using Rapport.Trust.Scoring;

namespace Rapport.Trust.Propagation;

/// <summary>Picks the best of the scored people in place, in O(n log k), without allocating.</summary>
internal static class BestFirst
{
    /// <summary>
    /// Writes the best <c>into.Length</c> of <paramref name="candidates"/> into <paramref name="into"/>, best first by
    /// <see cref="RankedNode.Before"/>, and returns how many were written. Reorders <paramref name="candidates"/>.
    /// </summary>
    internal static int Write(Span<RankedNode> candidates, Span<ScoredNode> into)
    {
        var count = Math.Min(into.Length, candidates.Length);
        if (count == 0)
        {
            return 0;
        }

        // A heap of the best `count` seen so far whose root is the one that ranks last.
        var heap = candidates[..count];
        for (var i = (count / 2) - 1; i >= 0; i--)
        {
            SiftDown(heap, i);
        }

        for (var i = count; i < candidates.Length; i++)
        {
            if (RankedNode.Before(candidates[i], heap[0]))
            {
                heap[0] = candidates[i];
                SiftDown(heap, 0);
            }
        }

        // Heap sort: the last-ranked goes to the back each time, leaving the best at the front.
        for (var end = count - 1; end > 0; end--)
        {
            (heap[0], heap[end]) = (heap[end], heap[0]);
            SiftDown(heap[..end], 0);
        }

        for (var i = 0; i < count; i++)
        {
            into[i] = new ScoredNode(heap[i].Node, heap[i].Score);
        }

        return count;
    }

    private static void SiftDown(Span<RankedNode> heap, int index)
    {
        while (true)
        {
            var last = index;
            var left = (2 * index) + 1;
            var right = left + 1;
            if (left < heap.Length && RankedNode.Before(heap[last], heap[left]))
            {
                last = left;
            }

            if (right < heap.Length && RankedNode.Before(heap[last], heap[right]))
            {
                last = right;
            }

            if (last == index)
            {
                return;
            }

            (heap[index], heap[last]) = (heap[last], heap[index]);
            index = last;
        }
    }
}
