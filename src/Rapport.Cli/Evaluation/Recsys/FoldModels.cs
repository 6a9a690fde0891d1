using System.Diagnostics;
using Rapport.Trust.Recommendation;
using Rapport.Trust.Recommendation.LatentFactors;

namespace Rapport.Cli.Evaluation.Recsys;

/// <summary>
/// The models of one fold that more than one row may use: a TrustSVD ensemble (with the whole trust network, or the
/// empty one, and given options) is trained once and reused by any row asking for the same network and options (same
/// data, options and seed give the very same model). Since the seventh round the blend's member solves cold users'
/// factors after training, so it is no longer the TrustSVD row's model and is trained on its own. A reused model's
/// training time is charged again to every row that reuses it (<see cref="TakeReusedTime"/>), so each row's time is
/// what it would cost alone.
/// </summary>
internal sealed class FoldModels(RatingMatrix training)
{
    // Keyed by the network's identity and the options' value (a record).
    private readonly Dictionary<(TrustNetwork Trust, LatentFactorOptions Options), (LatentFactorEnsemble Model, TimeSpan Wall, TimeSpan Cpu)> trained = [];
    private TimeSpan reusedWall;
    private TimeSpan reusedCpu;

    /// <summary>TrustSVD on this fold's training ratings, <paramref name="trust"/> and <paramref name="options"/>, trained on first use.</summary>
    public LatentFactorEnsemble TrustSvd(TrustNetwork trust, LatentFactorOptions options, CancellationToken cancellationToken)
    {
        if (trained.TryGetValue((trust, options), out var known))
        {
            reusedWall += known.Wall;
            reusedCpu += known.Cpu;
            return known.Model;
        }

        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var model = Rapport.Trust.Recommendation.LatentFactors.TrustSvd.Train(training, trust, options, cancellationToken);
        trained[(trust, options)] = (model, Stopwatch.GetElapsedTime(start), Process.GetCurrentProcess().TotalProcessorTime - cpuStart);
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
