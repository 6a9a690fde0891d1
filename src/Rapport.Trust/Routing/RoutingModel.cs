namespace Rapport.Trust.Routing;

/// <summary>
/// A learned ranker: log score = Σ_i Weights[i] · feature_i, over <see cref="RoutingFeatures.Names"/> (same order), plus
/// the outputs of any <see cref="Trees"/>. Fitted by <see cref="RankerTraining"/> (the weights) and optionally
/// <see cref="RankerBoosting"/> (trees on top) from who actually answered past problems; set it in <see cref="RoutingOptions.Model"/>
/// to rank with it instead of the a-priori product. The "why" (expertise, closeness, availability, trust path) is the
/// same either way.
/// </summary>
public sealed record RoutingModel
{
    /// <param name="weights">One weight per feature, in <see cref="RoutingFeatures.Names"/> order.</param>
    public RoutingModel(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != RoutingFeatures.Count)
        {
            throw new ArgumentException($"A routing model needs {RoutingFeatures.Count} weights ({string.Join(", ", RoutingFeatures.Names)}); got {weights.Count}.", nameof(weights));
        }

        if (weights.Any(w => !double.IsFinite(w)))
        {
            throw new ArgumentException("Every weight must be a finite number.", nameof(weights));
        }

        Weights = [.. weights];
    }

    /// <summary>The weights, in <see cref="RoutingFeatures.Names"/> order.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Regression trees added to the linear score (<see cref="RankerBoosting"/>); none for a linear ranker.</summary>
    public IReadOnlyList<RegressionTree> Trees { get; init; } = [];

    /// <summary>The same model with only its first <paramref name="count"/> trees.</summary>
    public RoutingModel WithTrees(int count) => this with { Trees = [.. Trees.Take(count)] };

    /// <summary>The weights by feature name.</summary>
    public IReadOnlyDictionary<string, double> Named => RoutingFeatures.Names.Zip(Weights).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    /// <summary>Σ_i w_i x_i + Σ_trees tree(x).</summary>
    public double Score(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        double sum = 0;
        for (var i = 0; i < Weights.Count; i++)
        {
            sum += Weights[i] * features[i];
        }

        foreach (var tree in Trees)
        {
            sum += tree.Evaluate(features);
        }

        return sum;
    }

    /// <inheritdoc/>
    public bool Equals(RoutingModel? other) => other is not null && Weights.SequenceEqual(other.Weights) && Trees.SequenceEqual(other.Trees);

    /// <inheritdoc/>
    public override int GetHashCode() => Weights.Aggregate(0, (h, w) => HashCode.Combine(h, w));
}
