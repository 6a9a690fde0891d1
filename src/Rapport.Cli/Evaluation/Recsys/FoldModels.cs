using System.Diagnostics;
using Rapport.Trust.Recommendation;
using Rapport.Trust.Recommendation.LatentFactors;

namespace Rapport.Cli.Evaluation.Recsys;

/// <summary>
/// The models of one fold that more than one row uses: the TrustSVD ensemble (with the whole trust network, or the
/// empty one) is trained once and reused by the blend, whose own options give it the very same model (same data,
/// options and seed). A reused model's training time is charged again to every row that reuses it
/// (<see cref="TakeReusedTime"/>), so each row's time is what it would cost alone.
/// </summary>
internal sealed class FoldModels(RatingMatrix training, LatentFactorOptions trustSvd)
{
    private readonly Dictionary<TrustNetwork, (LatentFactorEnsemble Model, TimeSpan Wall, TimeSpan Cpu)> trained = new(ReferenceEqualityComparer.Instance);
    private TimeSpan reusedWall;
    private TimeSpan reusedCpu;

    /// <summary>TrustSVD on this fold's training ratings and <paramref name="trust"/>, trained on first use.</summary>
    public LatentFactorEnsemble TrustSvd(TrustNetwork trust, CancellationToken cancellationToken)
    {
        if (trained.TryGetValue(trust, out var known))
        {
            reusedWall += known.Wall;
            reusedCpu += known.Cpu;
            return known.Model;
        }

        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var model = Rapport.Trust.Recommendation.LatentFactors.TrustSvd.Train(training, trust, trustSvd, cancellationToken);
        trained[trust] = (model, Stopwatch.GetElapsedTime(start), Process.GetCurrentProcess().TotalProcessorTime - cpuStart);
        return model;
    }

    /// <summary>The training time of the models reused since the last call (wall, CPU), and resets it.</summary>
    public (TimeSpan Wall, TimeSpan Cpu) TakeReusedTime()
    {
        var taken = (reusedWall, reusedCpu);
        (reusedWall, reusedCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        return taken;
    }
}
