using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>
/// How a node's trust row is normalised, one rule for every PPR variant so they agree bit for bit. Weights are the
/// statement values; on a topic query a fallback (general) edge counts <c>discount × value</c> next to topic edges,
/// and when a row has no topic edge the discount cancels and the row is normalised by its values alone. The shares of a
/// row sum to 1, so a removed edge's share goes to the row's other edges (never more), which keeps "a distrust never
/// raises its target" true. A row with no visible trust is dangling: its mass is dropped.
/// </summary>
internal static class RowShares
{
    /// <summary>
    /// Sums a non-plain row: returns the normaliser (0 for a dangling row) and whether edges count by
    /// <see cref="ViewEdge.Weight"/> (true) or by <see cref="ViewEdge.Value"/> (false).
    /// </summary>
    internal static float Normaliser(ViewRow row, float discount, out bool byWeight)
    {
        float onTopic = 0, fallback = 0;
        foreach (var edge in row)
        {
            if (edge.IsFallback)
            {
                fallback += edge.Value;
            }
            else
            {
                onTopic += edge.Value;
            }
        }

        byWeight = onTopic != 0;
        return byWeight ? onTopic + (discount * fallback) : fallback;
    }
}
