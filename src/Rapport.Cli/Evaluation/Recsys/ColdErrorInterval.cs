namespace Rapport.Cli.Evaluation.Recsys;

/// <summary>
/// How noisy a cold-start RMSE is: the squared errors of the predicted cold-start ratings, kept per user, and a 95 %
/// percentile bootstrap interval of their RMSE that resamples users (each with all of their cold-start test ratings,
/// over every fold), since one user's errors are not independent of each other. Seeded, so the same errors give the
/// same interval.
/// </summary>
internal sealed class ColdErrorInterval
{
    /// <summary>Bootstrap resamples.</summary>
    internal const int Resamples = 2000;

    /// <summary>Share of the resamples left out at each end (2.5 %: a 95 % interval).</summary>
    internal const double TailShare = 0.025;

    private const int BootstrapSeed = 1;

    private readonly Dictionary<int, (double Squared, int Count)> byUser = [];

    public void Add(int user, double? prediction, double actual)
    {
        if (prediction is { } value)
        {
            var error = value - actual;
            var (squared, count) = byUser.GetValueOrDefault(user);
            byUser[user] = (squared + error * error, count + 1);
        }
    }

    /// <summary>[low, high] rounded to 4 places, or null when nothing was predicted.</summary>
    public double[]? Interval()
    {
        if (byUser.Count == 0)
        {
            return null;
        }

        var users = byUser.OrderBy(pair => pair.Key).Select(pair => pair.Value).ToArray();
        var random = new Random(BootstrapSeed);
        var rmse = new double[Resamples];
        for (var b = 0; b < Resamples; b++)
        {
            double squared = 0;
            long count = 0;
            for (var drawn = 0; drawn < users.Length; drawn++)
            {
                var user = users[random.Next(users.Length)];
                squared += user.Squared;
                count += user.Count;
            }

            rmse[b] = Math.Sqrt(squared / count);
        }

        Array.Sort(rmse);
        var tail = (int)(TailShare * Resamples);
        return [Math.Round(rmse[tail], 4), Math.Round(rmse[Resamples - 1 - tail], 4)];
    }
}
