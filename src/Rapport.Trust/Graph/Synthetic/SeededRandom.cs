namespace Rapport.Trust.Graph.Synthetic;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): the same seed gives the same numbers on every runtime and machine, which
/// <see cref="Random"/> does not promise. Not for anything secret.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A seed for an independent stream, derived from a user seed and a purpose, so streams do not overlap.</summary>
    public static ulong Derive(int seed, ulong purpose) => Mix(((ulong)(uint)seed << 32) ^ purpose ^ 0x5851F42D4C957F2DUL);

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>) by Lemire's multiply-shift (bias below 2^-32).</summary>
    public int Next(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>0 .. <paramref name="count"/>-1 in an order drawn from this generator (Fisher–Yates).</summary>
    public int[] Permutation(int count)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        for (var i = count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
