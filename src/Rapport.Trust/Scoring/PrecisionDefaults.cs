namespace Rapport.Trust.Scoring;

/// <summary>
/// The tiers' stopping rules, chosen from grids measured on every real graph (Bitcoin OTC and Alpha, Advogato, wiki-Vote;
/// <c>trust-report variants</c> in bench/, its own viewers) as the setting meeting the tier's mean top-10 recall on all
/// of them with a margin at the lowest median cost; see docs/trust-engine.md. Both tiers rank by <see cref="PushEstimate"/> with the public prior at full weight.
/// Cheap: forward push at one per-degree residual threshold. High: forward push at a lower threshold, halved again (at
/// most twice) only while the 10th and 11th estimates are a near-tie (<see cref="ForwardPush.RunUntilSeparated"/>), the
/// deeper rounds within a work budget of <see cref="HighBudget"/> times the first round.
/// </summary>
internal static class PrecisionDefaults
{
    /// <summary>The cheap tier's forward push threshold ε.</summary>
    internal const float Cheap = 1e-3f;

    /// <summary>The high tier's first forward push threshold ε.</summary>
    internal const float High = 4e-5f;

    /// <summary>The high tier never pushes below this threshold (4e-5 halved twice): it bounds the hardest queries' work.</summary>
    internal const float HighFloor = 1e-5f;

    /// <summary>The high tier's threshold falls by this factor each further round.</summary>
    internal const float HighStep = 0.5f;

    /// <summary>
    /// The high tier's deeper rounds together follow at most this many times the edge operations of its first round
    /// (<see cref="ForwardPush.RunUntilSeparated"/>): the near-tie queries are the tail, and without a budget each
    /// halving costs about what every earlier round did together. Chosen on <c>trust-report variants</c> (own viewers):
    /// budget 1 / 2 / 3 / none gave Bitcoin OTC recall 0.958 / 0.963 / 0.965 / 0.971 and the 10M-edge synthetic graph
    /// 0.963 / 0.967 / — / 0.970, with 2 cutting the 10M thread-CPU p99 from 1.2 ms to 0.56 ms; docs/trust-engine.md, session 6.
    /// </summary>
    internal const float HighBudget = 2;

    /// <summary>The top k the high tier's stopping rule looks at: the top 10, what its recall target is about.</summary>
    internal const int HighTop = 10;

    /// <summary>
    /// The high tier pushes deeper while the 10th estimate leads the 11th by less than this share of the 10th: a near-tie
    /// at the boundary is where more push still changes the set.
    /// </summary>
    internal const float BoundaryGap = 0.05f;

    /// <summary>
    /// The thresholds above hold as they are for graphs whose public layer names at most this many people (every real
    /// graph they were chosen on names 3.7k–7.1k); larger graphs scale them up by <see cref="SizeScale"/>.
    /// </summary>
    internal const int ReferencePeople = 8192;

    /// <summary>
    /// Exponent of the size scaling (<see cref="SizeScale"/>): a graph 16× the reference size pushes at twice the
    /// thresholds. On a 100k-person synthetic graph (factor 1.87) the high tier started at 1e-4 gave recall 0.963 / 0.967
    /// on two samples of 60 viewers, at 2e-4 0.960 / 0.955 (too thin) and at 4e-5 0.985 / 0.973 for 2–4× the work;
    /// the real graphs keep factor 1 (docs/trust-engine.md, session 5).
    /// </summary>
    internal const double SizeExponent = 0.25;

    /// <summary>
    /// The factor is not extrapolated past the largest graph measured (2^20 ≈ 1M people, factor 3.36): bigger graphs
    /// count as that size.
    /// </summary>
    internal const int MaxScaledPeople = 1 << 20;

    /// <summary>
    /// Factor on every default threshold (both tiers, start and floor): (people / <see cref="ReferencePeople"/>)^
    /// <see cref="SizeExponent"/>, at least 1, people clamped to <see cref="MaxScaledPeople"/>, where people is how many
    /// the public general layer names. On the real graphs (3.7k–7.1k people, reciprocal, local) a push must go deep
    /// before the prior ranks its residual well; on the large synthetic graphs it ranks well from a coarser push. Only
    /// public general statements decide the factor, so no private or community statement changes anyone's work.
    /// </summary>
    internal static float SizeScale(int people) =>
        people <= ReferencePeople ? 1f : (float)Math.Pow(Math.Min(people, MaxScaledPeople) / (double)ReferencePeople, SizeExponent);

    /// <summary>Weight of the public prior in the estimates (<see cref="PushEstimate"/>); 0 would make every estimate a lower bound.</summary>
    internal const float PriorWeight = 1;
}
