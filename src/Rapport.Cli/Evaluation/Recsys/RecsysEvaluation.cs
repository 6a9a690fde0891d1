using System.Diagnostics;
using Rapport.Cli.Benchmarks;
using Rapport.Trust.Recommendation;
using Rapport.Trust.Recommendation.Files;

namespace Rapport.Cli.Evaluation.Recsys;

/// <summary>
/// <c>eval recsys</c>: k-fold cross-validation over the (deduplicated) ratings with seeded folds. In each fold every model
/// trains on the other folds (the trust network is always whole; "-no-trust" rows get an empty one) and predicts the
/// held-out ratings; a held-out rating is cold-start when its user has fewer than
/// <see cref="Baselines.ColdStartRatings"/> training ratings in that fold.
/// </summary>
internal sealed class RecsysEvaluation(TimeProvider time)
{
    public RecsysReport Run(RecsysSettings settings, RatingDataset data, CancellationToken cancellationToken)
    {
        var ratings = data.Ratings;
        if (ratings.Count < settings.Folds)
        {
            throw new CliException($"{ratings.Count} ratings cannot be split into {settings.Folds} folds.");
        }

        var folds = CrossValidation.Folds(ratings.Count, settings.Folds, settings.Seed);
        var trust = TrustNetwork.Build(data.UserCount, [.. data.Trust]);
        var noTrust = TrustNetwork.None(data.UserCount);
        var models = RecsysModel.All(settings);
        var all = models.Select(_ => new ErrorTally()).ToArray();
        var cold = models.Select(_ => new ErrorTally()).ToArray();
        var coldIntervals = models.Select(_ => new ColdErrorInterval()).ToArray();
        var seconds = models.Select(_ => new double[settings.Folds]).ToArray();
        var cpuSeconds = models.Select(_ => new double[settings.Folds]).ToArray();
        for (var fold = 0; fold < settings.Folds; fold++)
        {
            var training = RatingMatrix.Build(data.UserCount, data.ItemCount, [.. ratings.Where((_, i) => folds[i] != fold)]);
            // By user, so a predictor that works per user (MoleTrust) propagates once per user.
            var test = ratings.Where((_, i) => folds[i] == fold).OrderBy(r => r.User).ThenBy(r => r.Item).ToArray();
            var shared = new FoldModels(training);
            for (var m = 0; m < models.Count; m++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Models train one at a time, so the process's CPU time over the call is this model's (on every core).
                var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                var start = Stopwatch.GetTimestamp();
                var predictor = models[m].Train(training, models[m].WithoutTrust ? noTrust : trust, shared, cancellationToken);
                var (reusedWall, reusedCpu) = shared.TakeReusedTime();
                seconds[m][fold] = (Stopwatch.GetElapsedTime(start) + reusedWall).TotalSeconds;
                cpuSeconds[m][fold] = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart + reusedCpu).TotalSeconds;
                foreach (var rating in test)
                {
                    var prediction = predictor.Predict(rating.User, rating.Item);
                    all[m].Add(prediction, rating.Value);
                    if (training.UserDegree(rating.User) < Baselines.ColdStartRatings)
                    {
                        cold[m].Add(prediction, rating.Value);
                        coldIntervals[m].Add(rating.User, prediction, rating.Value);
                    }
                }
            }
        }

        return new RecsysReport
        {
            Dataset = DatasetName(settings.Ratings),
            Format = settings.Format == RatingFileFormat.Tang ? "tang" : "filmtrust",
            Folds = settings.Folds,
            Seed = settings.Seed,
            Users = data.UserCount,
            Items = data.ItemCount,
            Ratings = ratings.Count,
            DuplicateRatingsRemoved = data.DuplicateRatings,
            TrustEdges = trust.EdgeCount,
            TrustRowsRemoved = data.TrustRows - trust.EdgeCount,
            ColdStartBelow = Baselines.ColdStartRatings,
            Models = [.. models.Select((model, m) => new RecsysRow(
                model.Name, model.UsesTrust, all[m].Mae, all[m].Rmse, all[m].Coverage, cold[m].Mae, cold[m].Rmse, coldIntervals[m].Interval(), cold[m].Coverage,
                Math.Round(seconds[m].Average(), 3), Math.Round(cpuSeconds[m].Average(), 3),
                [.. seconds[m].Select(t => Math.Round(t, 3))], [.. cpuSeconds[m].Select(t => Math.Round(t, 3))]))],
            Machine = MachineInfo.Current(time),
        };
    }

    // The folder's name for a dataset kept as data/<name>/ratings.txt, else the file's name without extensions.
    private static string DatasetName(string ratingsPath)
    {
        var full = Path.GetFullPath(ratingsPath);
        var folder = Path.GetFileName(Path.GetDirectoryName(full));
        var file = Path.GetFileName(full);
        var stem = file.Split('.')[0];
        return stem is "ratings" or "rating" && !string.IsNullOrEmpty(folder) ? folder : stem;
    }
}
