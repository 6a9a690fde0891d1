namespace Rapport.Trust.Propagation;

/// <summary>
/// Options of MoleTrust (Massa and Avesani, "Trust-aware Recommender Systems", RecSys 2007). Defaults: horizon 2 and
/// threshold 0.6, the setting the paper evaluates on Epinions.
/// </summary>
/// <remarks>
/// MoleTrust works on trust values in [0, 1]. Rapport's statements are in [-1, 1]: a trust statement's weight in
/// (0, 1] (|value|, times the topic fallback discount where a general statement stands in on a topic query) is its
/// MoleTrust value as it is, and distrust statements are not edges of the trust graph at all (the one-step distrust
/// rule is applied by the caller). So 0.6 means "trusts at least 0.6 on Rapport's scale".
/// </remarks>
public sealed record MoleTrustOptions
{
    private readonly int horizon = 2;
    private readonly double threshold = 0.6;

    /// <summary>The paper's defaults.</summary>
    public static MoleTrustOptions Default { get; } = new();

    /// <summary>
    /// Trust propagation horizon, default 2: people more than this many hops from the viewer get no trust. 1 keeps
    /// only the viewer's own statements.
    /// </summary>
    public int Horizon
    {
        get => horizon;
        init => horizon = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Horizon), value, "The horizon is at least one hop.");
    }

    /// <summary>
    /// Trust threshold in [0, 1], default 0.6: only people whose predicted trust reaches it pass trust on. Those below
    /// it still get their own predicted trust.
    /// </summary>
    public double Threshold
    {
        get => threshold;
        init => threshold = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Threshold), value, "The threshold is in [0, 1].");
    }
}
