namespace Rapport.Trust.Propagation;

/// <summary>
/// Options of Appleseed spreading activation (Ziegler and Lausen, "Propagation Models for Trust and Distrust in Social
/// Networks", Information Systems Frontiers 7(4/5), 2005). The defaults are the paper's: injection 200, spreading
/// factor 0.85, convergence threshold 0.01.
/// </summary>
public sealed record AppleseedOptions
{
    private readonly double injection = 200;
    private readonly double spreadingFactor = 0.85;
    private readonly double convergenceThreshold = 0.01;
    private readonly int maxIterations = 100;

    /// <summary>The paper's defaults.</summary>
    public static AppleseedOptions Default { get; } = new();

    /// <summary>
    /// Energy injected at the viewer (the paper's <c>in⁰</c>), default 200. Scores are shares of it: they sum to at
    /// most this much, so it sets the scale of scores and, with <see cref="ConvergenceThreshold"/>, the precision.
    /// </summary>
    public double Injection
    {
        get => injection;
        init => injection = value is > 0 and < double.PositiveInfinity ? value : throw new ArgumentOutOfRangeException(nameof(Injection), value, "Injection is a positive finite amount of energy.");
    }

    /// <summary>
    /// Spreading factor <c>d</c> in [0, 1), default 0.85: the share of incoming energy a person passes on; the rest,
    /// 1 − d, becomes their trust. Lower values keep trust near the viewer.
    /// </summary>
    public double SpreadingFactor
    {
        get => spreadingFactor;
        init => spreadingFactor = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(SpreadingFactor), value, "The spreading factor is in [0, 1).");
    }

    /// <summary>
    /// Convergence threshold <c>Tc</c>, default 0.01: iteration stops once no one's trust grew by more than this in
    /// the last step.
    /// </summary>
    public double ConvergenceThreshold
    {
        get => convergenceThreshold;
        init => convergenceThreshold = value is > 0 and < double.PositiveInfinity ? value : throw new ArgumentOutOfRangeException(nameof(ConvergenceThreshold), value, "The convergence threshold is positive and finite.");
    }

    /// <summary>
    /// A safety cap on iterations, default 100. The energy in flight shrinks by <c>d</c> per step, so the threshold
    /// stops iteration after about 1 + log(Tc / ((1 − d) · in)) / log d steps — 51 with the defaults — and the cap
    /// only binds for extreme options.
    /// </summary>
    public int MaxIterations
    {
        get => maxIterations;
        init => maxIterations = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxIterations), value, "At least one iteration.");
    }
}
