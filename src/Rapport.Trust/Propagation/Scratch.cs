namespace Rapport.Trust.Propagation;

/// <summary>
/// Growth rules for the reusable arrays of query workspaces: they only grow, so a workspace that has served a query
/// of some size serves every later one of that size without allocating.
/// </summary>
internal static class Scratch
{
    /// <summary>A length with 1/8 headroom, so a graph that grows a node at a time reallocates rarely.</summary>
    internal static int WithHeadroom(int length) => (int)Math.Min(Array.MaxLength, length + (long)(length >> 3) + 16);

    /// <summary>Makes <paramref name="array"/> at least <paramref name="length"/> long, keeping its contents.</summary>
    internal static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            Array.Resize(ref array, Math.Max(WithHeadroom(length), (int)Math.Min(Array.MaxLength, 2L * array.Length)));
        }
    }
}
