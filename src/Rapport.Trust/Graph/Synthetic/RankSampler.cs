namespace Rapport.Trust.Graph.Synthetic;

/// <summary>
/// Draws a rank r in [0, n) with probability close to (r + 1)^−a / Σ, a = 1/(γ−1), by inverting the continuous
/// power-law CDF on [1, n + 1): constant time and no table, so 10^7 nodes cost no memory here.
/// </summary>
internal sealed class RankSampler
{
    private readonly int _count;
    private readonly double _oneMinusA;
    private readonly double _span;

    public RankSampler(int count, double exponent)
    {
        _count = count;
        _oneMinusA = 1.0 - (1.0 / (exponent - 1.0));
        _span = Math.Pow(count + 1.0, _oneMinusA) - 1.0;
    }

    public int Sample(SeededRandom random)
    {
        var x = Math.Pow(1.0 + (random.NextDouble() * _span), 1.0 / _oneMinusA);
        return Math.Min(_count - 1, (int)(x - 1.0));
    }
}
