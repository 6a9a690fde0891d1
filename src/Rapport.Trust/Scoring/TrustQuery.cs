using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>How trust propagates beyond the viewer's own statements.</summary>
public enum TrustAlgorithm
{
    /// <summary>Personalized PageRank by forward push (default; sybil-resistant).</summary>
    PersonalizedPageRank = 0,

    /// <summary>Appleseed spreading activation (Ziegler and Lausen 2005).</summary>
    Appleseed = 1,

    /// <summary>MoleTrust, horizon-limited (Massa and Avesani 2007).</summary>
    MoleTrust = 2,

    /// <summary>TidalTrust, shortest strongest paths (Golbeck 2005).</summary>
    TidalTrust = 3,
}

/// <summary>How much work a query may do: a cheap tier for lists, a high tier for pages, exact for tests.</summary>
public enum PrecisionTier
{
    /// <summary>Top-10 recall ≥ 0.8 against exact.</summary>
    Cheap = 0,

    /// <summary>Top-10 recall ≥ 0.95 against exact.</summary>
    High = 1,

    /// <summary>Converged power iteration: the reference.</summary>
    Exact = 2,
}

/// <summary>A person and the trust the viewer may place in them, from the viewer's perspective.</summary>
/// <param name="Node">Node index.</param>
/// <param name="Score">Algorithm score; for PPR a probability mass in (0, 1].</param>
public readonly record struct ScoredNode(int Node, float Score);

/// <summary>One hop of an explanation: who trusts whom, how much, on which topic (General when fallen back).</summary>
public readonly record struct TrustHop(int From, int To, float Value, int Topic);

/// <summary>A path from the viewer to a person; strength is the product of hop values (fallback hops discounted).</summary>
public sealed record TrustPath(float Strength, IReadOnlyList<TrustHop> Hops);

/// <summary>Options of a trust query; every default documented in docs/trust-engine.md.</summary>
public sealed record TrustQueryOptions
{
    /// <summary>The defaults: personalized PageRank, high tier, topic fallback at half weight.</summary>
    public static TrustQueryOptions Default { get; } = new();

    /// <summary>How trust propagates.</summary>
    public TrustAlgorithm Algorithm { get; init; } = TrustAlgorithm.PersonalizedPageRank;

    /// <summary>How much work a query may do.</summary>
    public PrecisionTier Tier { get; init; } = PrecisionTier.High;

    /// <summary>Weight factor of a general statement used where no statement on the topic exists.</summary>
    public float TopicFallbackDiscount { get; init; } = 0.5f;

    /// <summary>
    /// Personalized PageRank's teleport (restart) probability α in (0, 1): at each step the walk stops at the current
    /// person with probability α, otherwise follows a trust statement. 0.15 is the usual PageRank choice: trust fades
    /// with distance (a path of k hops carries at most 0.85^k) but reaches 3–6 hops, the depth of a trust network.
    /// </summary>
    public float Alpha { get; init; } = 0.15f;

    /// <summary>
    /// Forward push's residual threshold ε: a node is pushed while its residual is at least ε times its public out-degree
    /// (at least 1). <c>null</c> takes the tier's default: cheap = forward push at 1e-3; high = forward push from 1e-3,
    /// halving ε while the head of the ranking still changes (docs/trust-engine.md). Set, it runs forward push at ε for
    /// the cheap and high tiers alike; the exact tier ignores it. Smaller is more precise and slower.
    /// </summary>
    public float? ResidualThreshold { get; init; }

    /// <summary>Appleseed's options when <see cref="Algorithm"/> is <see cref="TrustAlgorithm.Appleseed"/>.</summary>
    public Propagation.AppleseedOptions Appleseed { get; init; } = Propagation.AppleseedOptions.Default;

    /// <summary>MoleTrust's options when <see cref="Algorithm"/> is <see cref="TrustAlgorithm.MoleTrust"/>.</summary>
    public Propagation.MoleTrustOptions MoleTrust { get; init; } = Propagation.MoleTrustOptions.Default;

    /// <summary>TidalTrust's options when <see cref="Algorithm"/> is <see cref="TrustAlgorithm.TidalTrust"/>.</summary>
    public Propagation.TidalTrustOptions TidalTrust { get; init; } = Propagation.TidalTrustOptions.Default;
}

/// <summary>
/// CONTRACT (signatures fixed; bodies in TrustQueries.*.cs). Trust from one perspective. Every query honours
/// <see cref="Perspective"/>: no private statement but the viewer's own, no community statement of a community the
/// viewer is not in. There is no query without a viewer.
/// </summary>
public static partial class TrustQueries
{
    /// <summary>
    /// Writes the people the viewer can trust most on <paramref name="topic"/> into <paramref name="into"/>, best
    /// first (viewer excluded, one-step distrust applied, people with no positive trust left out) and returns how
    /// many were written. Allocates nothing in steady state.
    /// </summary>
    public static partial int Top(TrustSnapshot snapshot, Perspective perspective, int topic, TrustQueryOptions options, Span<ScoredNode> into);

    /// <summary>
    /// The strongest paths from the viewer to <paramref name="target"/> of at most <paramref name="maxHops"/> hops,
    /// strongest first, at most <paramref name="maxPaths"/>; empty when the target is unreachable.
    /// </summary>
    public static partial IReadOnlyList<TrustPath> Why(TrustSnapshot snapshot, Perspective perspective, int topic, int target, int maxPaths = 3, int maxHops = 4);

    /// <summary>
    /// The level of trust in [-1, 1] the viewer may place in <paramref name="target"/> on <paramref name="topic"/>:
    /// the viewer's own statement when there is one, otherwise the strongest path's strength with one-step distrust
    /// applied; <c>null</c> when nothing connects them.
    /// </summary>
    public static partial float? Level(TrustSnapshot snapshot, Perspective perspective, int topic, int target, int maxHops = 4);
}
