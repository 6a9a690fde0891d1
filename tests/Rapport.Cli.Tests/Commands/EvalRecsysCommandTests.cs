using System.Globalization;
using System.Text;
using System.Text.Json;
using Rapport.Cli.Tests.Infrastructure;

namespace Rapport.Cli.Tests.Commands;

public sealed class EvalRecsysCommandTests : IDisposable
{
    private static readonly string[] ReportFields =
    [
        "dataset", "format", "folds", "seed", "users", "items", "ratings", "duplicate_ratings_removed", "trust_edges", "trust_rows_removed",
        "cold_start_below", "models", "machine",
    ];

    private static readonly string[] ModelFields =
        ["name", "uses_trust", "mae", "rmse", "coverage", "cold_mae", "cold_rmse", "cold_rmse_interval", "cold_coverage", "train_seconds", "train_cpu_seconds",
        "fold_train_seconds", "fold_train_cpu_seconds"];

    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task EvalRecsys_ReportsEveryModel_AndEachTrustModelWithoutTrust()
    {
        var (ratings, trust) = WriteFilmTrustLike();

        var result = await RapportCli.RunAsync("eval", "recsys", "--ratings", ratings, "--trust", trust, "--folds", "3", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var report = JsonShape.Parse(result.Output);
        JsonShape.HasExactly(report, ReportFields);
        Assert.Equal((3, 1, 1, 5), (report.GetProperty("folds").GetInt32(), report.GetProperty("seed").GetInt32(),
            report.GetProperty("duplicate_ratings_removed").GetInt32(), report.GetProperty("cold_start_below").GetInt32()));
        var rows = JsonShape.Rows(report, "models");
        Assert.All(rows, row => JsonShape.HasExactly(row, ModelFields));
        Assert.Equal(
            ["GlobalAvg", "UserAvg", "ItemAvg", "MoleTrust", "MoleTrust-no-trust", "SVD++", "TrustSVD", "TrustSVD-no-trust", "Blend", "Blend-no-trust"],
            rows.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal([false, false, false, true, false, false, true, false, true, false], rows.Select(r => r.GetProperty("uses_trust").GetBoolean()));
        Assert.All(rows.Where(r => r.GetProperty("name").GetString() is not ("MoleTrust" or "MoleTrust-no-trust")), row =>
        {
            Assert.Equal(1.0, row.GetProperty("coverage").GetDouble());
            Assert.InRange(row.GetProperty("mae").GetDouble(), 0, row.GetProperty("rmse").GetDouble());
        });
        // Every model that predicted a cold-start rating has a bootstrap interval around its cold RMSE; none has null.
        Assert.All(rows.Where(r => r.GetProperty("cold_rmse").ValueKind == JsonValueKind.Number), row =>
        {
            var interval = row.GetProperty("cold_rmse_interval").EnumerateArray().Select(t => t.GetDouble()).ToArray();
            Assert.Equal(2, interval.Length);
            Assert.InRange(row.GetProperty("cold_rmse").GetDouble(), interval[0] - 0.0001, interval[1] + 0.0001);
            Assert.True(interval[0] <= interval[1]);
        });
        var noTrust = rows.Single(r => r.GetProperty("name").GetString() == "MoleTrust-no-trust");
        Assert.Equal(JsonValueKind.Null, noTrust.GetProperty("cold_rmse_interval").ValueKind);
        Assert.Equal((0.0, JsonValueKind.Null), (noTrust.GetProperty("coverage").GetDouble(), noTrust.GetProperty("mae").ValueKind));
        Assert.InRange(rows.Single(r => r.GetProperty("name").GetString() == "MoleTrust").GetProperty("coverage").GetDouble(), 0.01, 1);
        Assert.All(rows, row =>
        {
            var perFold = row.GetProperty("fold_train_seconds").EnumerateArray().Select(t => t.GetDouble()).ToArray();
            Assert.Equal(3, perFold.Length);
            Assert.Equal(3, row.GetProperty("fold_train_cpu_seconds").GetArrayLength());
            // Folds are rounded to the millisecond before they are printed, so their mean can differ from the printed mean by one.
            Assert.Equal(perFold.Average(), row.GetProperty("train_seconds").GetDouble(), tolerance: 0.0011);
        });
        // The blend reuses the fold's TrustSVD model and is charged its training time, so it never looks cheaper.
        double[] Folds(string name, string field) =>
            [.. rows.Single(r => r.GetProperty("name").GetString() == name).GetProperty(field).EnumerateArray().Select(t => t.GetDouble())];
        foreach (var (blend, factors) in new[] { ("Blend", "TrustSVD"), ("Blend-no-trust", "TrustSVD-no-trust") })
        {
            Assert.All(Folds(blend, "fold_train_cpu_seconds").Zip(Folds(factors, "fold_train_cpu_seconds")), pair => Assert.True(pair.First >= pair.Second - 0.0011));
            Assert.All(Folds(blend, "fold_train_seconds").Zip(Folds(factors, "fold_train_seconds")), pair => Assert.True(pair.First >= pair.Second - 0.0011));
        }
    }

    [Fact]
    public async Task EvalRecsys_WithTheSameSeed_GivesTheSameErrors()
    {
        var (ratings, trust) = WriteFilmTrustLike();
        string[] args = ["eval", "recsys", "--ratings", ratings, "--trust", trust, "--folds", "2", "--models", "Blend,TrustSVD,UserAvg", "--json"];

        var first = JsonShape.Rows(JsonShape.Parse((await RapportCli.RunAsync(args)).Output), "models");
        var second = JsonShape.Rows(JsonShape.Parse((await RapportCli.RunAsync(args)).Output), "models");

        Assert.Equal(["UserAvg", "TrustSVD", "Blend"], first.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(first.Select(r => r.GetProperty("rmse").GetDouble()), second.Select(r => r.GetProperty("rmse").GetDouble()));
    }

    [Fact]
    public async Task EvalRecsys_TangFormat_WithoutJson_PrintsATable()
    {
        var ratings = Write("rating.txt", string.Join('\n', Enumerable.Range(0, 200).Select(i => $"{i % 20} {i % 17} {i % 3} {1 + i % 5}")));
        var trust = Write("trustnetwork.txt", "0 1\n1 2\n2 2\n");

        var result = await RapportCli.RunAsync("eval", "recsys", "--ratings", ratings, "--trust", trust, "--format", "tang", "--models", "GlobalAvg,MoleTrust");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(tang): 20 users, 17 items, 200 ratings (0 repeated rows removed, the last kept), 2 trust edges (1 rows removed).", result.Output, StringComparison.Ordinal);
        var cells = result.Output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Contains(["model", "trust", "MAE", "RMSE", "coverage", "cold", "MAE", "cold", "RMSE", "cold", "RMSE", "95%", "cold", "coverage", "train", "s", "train", "CPU", "s"], cells);
        Assert.Contains(cells, c => c.Length > 2 && c[0] == "GlobalAvg" && c[1] == "no");
    }

    [Fact]
    public async Task EvalRecsys_WithoutJson_PrintsTheColdRmseInterval()
    {
        var (ratings, trust) = WriteFilmTrustLike();
        var json = JsonShape.Rows(JsonShape.Parse((await RapportCli.RunAsync("eval", "recsys", "--ratings", ratings, "--trust", trust, "--models", "UserAvg", "--json")).Output), "models");

        var result = await RapportCli.RunAsync("eval", "recsys", "--ratings", ratings, "--trust", trust, "--models", "UserAvg");

        Assert.Equal(0, result.ExitCode);
        var interval = json[0].GetProperty("cold_rmse_interval").EnumerateArray().Select(v => v.GetDouble().ToString("0.####", CultureInfo.InvariantCulture)).ToArray();
        var row = result.Output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Single(c => c.Length > 0 && c[0] == "UserAvg");
        Assert.Contains($"{interval[0]}–{interval[1]}", row);
    }

    [Fact]
    public async Task EvalRecsys_WithAMissingFile_FailsWithOneLine()
    {
        var (ratings, _) = WriteFilmTrustLike();

        var result = await RapportCli.RunAsync("eval", "recsys", "--ratings", ratings, "--trust", folder.File("nope.txt"));

        RapportCli.AssertOneLineError(result, "--trust: ");
        RapportCli.AssertOneLineError(result, "nope.txt does not exist.");
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task EvalRecsys_WithAFileOfAnotherFormat_NamesTheLineAndTheFormat()
    {
        var ratings = Write("rating.txt", "1 2 3 4\n");
        var trust = Write("trust.txt", "1 2 1\n");

        var result = await RapportCli.RunAsync("eval", "recsys", "--ratings", ratings, "--trust", trust, "--json");

        RapportCli.AssertOneLineError(result, "rating.txt line 1: expected 3 columns, found '1 2 3 4'. (--format filmtrust)");
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("--models takes names among", "--models", "Nope")]
    [InlineData("--folds must be at least 2.", "--folds", "1")]
    public async Task EvalRecsys_WithBadSettings_FailsWithOneLine(string expected, params string[] options)
    {
        var (ratings, trust) = WriteFilmTrustLike();

        var result = await RapportCli.RunAsync(["eval", "recsys", "--ratings", ratings, "--trust", trust, .. options]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\"models\"", result.Output, StringComparison.Ordinal);
    }

    // 40 users with 2 to 20 ratings on a 0.5–4 scale (one rating repeated), each trusting two others.
    private (string Ratings, string Trust) WriteFilmTrustLike()
    {
        var random = new Random(5);
        var ratings = new StringBuilder();
        for (var user = 1; user <= 40; user++)
        {
            foreach (var item in Enumerable.Range(1, 30).OrderBy(_ => random.Next()).Take(2 + user % 19))
            {
                ratings.Append(CultureInfo.InvariantCulture, $"{user} {item} {0.5 * (1 + (user + item) % 8)}\n");
            }
        }

        ratings.Append("1 31 4\n1 31 3\n");
        var trust = string.Concat(Enumerable.Range(1, 40).Select(u => $"{u} {1 + u % 40} 1\n{u} {1 + (u + 7) % 40} 1\n"));
        return (Write("ratings.txt", ratings.ToString()), Write("trust.txt", trust));
    }

    private string Write(string name, string content)
    {
        var path = folder.File(name);
        File.WriteAllText(path, content);
        return path;
    }
}
