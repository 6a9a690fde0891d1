namespace Rapport.Trust.Routing;

/// <summary>
/// A learned ranker: log score = Σ_i Weights[i] · feature_i, over <see cref="RoutingFeatures.Names"/> (same order). Fitted
/// by <see cref="RankerTraining"/> from who actually answered past problems; set it in <see cref="RoutingOptions.Model"/>
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

    /// <summary>The weights by feature name.</summary>
    public IReadOnlyDictionary<string, double> Named => RoutingFeatures.Names.Zip(Weights).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    /// <summary>Σ_i w_i x_i.</summary>
    public double Score(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        double sum = 0;
        for (var i = 0; i < Weights.Count; i++)
        {
            sum += Weights[i] * features[i];
        }

        return sum;
    }

    /// <inheritdoc/>
    public bool Equals(RoutingModel? other) => other is not null && Weights.SequenceEqual(other.Weights);

    /// <inheritdoc/>
    public override int GetHashCode() => Weights.Aggregate(0, (h, w) => HashCode.Combine(h, w));
}
