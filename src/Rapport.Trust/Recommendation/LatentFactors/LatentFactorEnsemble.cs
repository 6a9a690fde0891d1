namespace Rapport.Trust.Recommendation.LatentFactors;

/// <summary>
/// One or more <see cref="LatentFactorModel"/>s of the same kind, trained on the same data with consecutive seeds
/// (<see cref="LatentFactorOptions.EnsembleSize"/>); the prediction is the mean of theirs. Averaging models that differ
/// only in their starting point cancels part of what each one fitted to its own start. Thread-safe once built.
/// </summary>
public sealed class LatentFactorEnsemble : IRatingPredictor
{
    internal LatentFactorEnsemble(IReadOnlyList<LatentFactorModel> members)
    {
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        Members = members;
    }

    /// <summary>The models averaged, in seed order (the first has <see cref="LatentFactorOptions.Seed"/>).</summary>
    public IReadOnlyList<LatentFactorModel> Members { get; }

    /// <inheritdoc />
    public double? Predict(int user, int item)
    {
        double sum = 0;
        foreach (var member in Members)
        {
            sum += member.Predict(user, item)!.Value;
        }

        return sum / Members.Count;
    }

    internal static LatentFactorEnsemble Train(RatingMatrix training, TrustNetwork trust, LatentFactorOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        var members = new LatentFactorModel[options.EnsembleSize];
        for (var m = 0; m < members.Length; m++)
        {
            members[m] = new LatentFactorTrainer(training, trust, options with { Seed = options.Seed + m }).Train(cancellationToken);
        }

        return new LatentFactorEnsemble(members);
    }
}
