using System.CommandLine;
using Rapport.Cli.Evaluation.Recsys;
using Rapport.Cli.Reports;
using Rapport.Trust.Recommendation.Files;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport eval recsys</c>: k-fold cross-validation of the recommenders on a public ratings-and-trust dataset, every
/// trust model also without trust.
/// </summary>
internal static class EvalRecsysCommand
{
    private static readonly Dictionary<string, RatingFileFormat> Formats = new(StringComparer.Ordinal)
    {
        ["filmtrust"] = RatingFileFormat.FilmTrust,
        ["tang"] = RatingFileFormat.Tang,
    };

    public static Command Create(TimeProvider time)
    {
        var ratings = new Option<FileInfo>("--ratings") { Description = "Ratings file, plain or .gz.", Required = true };
        var trust = new Option<FileInfo>("--trust") { Description = "Trust file, plain or .gz.", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "filmtrust: 'user item rating' and 'trustor trustee value'; tang (Epinions, Ciao): 'user item category rating' and 'trustor trustee'.",
            DefaultValueFactory = _ => "filmtrust",
        }.AcceptOnlyFromAmong([.. Formats.Keys]);
        var folds = new Option<int>("--folds") { Description = "k of the k-fold cross-validation.", DefaultValueFactory = _ => 5 };
        folds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 2)
            {
                result.AddError("--folds must be at least 2.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seeds the folds and every model; the same seed gives the same report.", DefaultValueFactory = _ => 1 };
        var only = new Option<string?>("--models") { Description = "Only these models, comma-separated (e.g. UserAvg,TrustSVD,TrustSVD-no-trust). Default: all." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (schema in docs/recommendations.md) instead of a table." };
        var command = new Command("recsys",
            "Cross-validate the recommenders (averages, MoleTrust, SVD++, TrustSVD, its feature-weighted blend) on --ratings and --trust: MAE, RMSE and coverage, " +
            "overall and for cold-start users (fewer than 5 training ratings); every trust model is also run without the trust file.")
        {
            ratings, trust, format, folds, seed, only, json,
        };
        command.SetRapportAction(async (parse, output, cancellationToken) =>
        {
            var ratingsFile = Existing(parse.GetValue(ratings)!, "--ratings");
            var trustFile = Existing(parse.GetValue(trust)!, "--trust");
            var settings = new RecsysSettings(ratingsFile, trustFile, Formats[parse.GetValue(format)!], parse.GetValue(folds), parse.GetValue(seed),
                Models(parse.GetValue(only)));
            RatingDataset data;
            try
            {
                data = RatingFile.Load(settings.Ratings, settings.Trust, settings.Format);
            }
            catch (RatingFormatException e)
            {
                throw new CliException($"{e.Message} (--format {parse.GetValue(format)})");
            }

            var report = new RecsysEvaluation(time).Run(settings, data, cancellationToken);
            await (parse.GetValue(json) ? ReportJson.WriteAsync(output, report) : RecsysText.WriteAsync(output, report));
            return 0;
        });
        return command;
    }

    private static string Existing(FileInfo file, string option) =>
        file.Exists ? file.FullName : throw new CliException($"{option}: {file.FullName} does not exist.");

    private static HashSet<string>? Models(string? names)
    {
        if (names is null)
        {
            return null;
        }

        var known = RecsysModel.All(new RecsysSettings("", "", RatingFileFormat.FilmTrust, 2, 1, null)).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var chosen = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = chosen.FirstOrDefault(n => !known.Contains(n));
        return unknown is null && chosen.Count > 0
            ? chosen
            : throw new CliException($"--models takes names among {string.Join(", ", known)}; '{unknown}' is not one.");
    }
}
