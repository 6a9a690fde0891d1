using System.Globalization;
using System.Xml.Linq;
using Rapport.Cli.Tests.Infrastructure;

namespace Rapport.Cli.Tests.Commands;

public sealed class EvalRoutingCommandTests
{
    private static readonly string[] ReportFields =
    [
        "site", "split", "cutoff", "questions", "test_questions", "test_questions_with_accepted", "validation_questions", "validation_blocks",
        "mean_candidates", "tuned", "parameters", "methods", "ablations", "validation", "comparison", "learned", "tuning", "machine",
    ];

    private static readonly string[] RoutingFeatureNames = [.. Rapport.Trust.Routing.RoutingFeatures.Names];

    private static readonly string[] MethodFields = ["name", "mrr", "p_at_1", "p_at_5", "ndcg_at_10", "hit_at_10", "mrr_accepted"];

    [Fact]
    public async Task EvalRouting_WithThinProfiles_FollowsTheActivityPrior_AndNeverSeesAnswersPostedAfterTheQuestion()
    {
        var result = await RunOnSmallSiteAsync("--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var report = JsonShape.Parse(result.Output);
        JsonShape.HasExactly(report, ReportFields);
        Assert.Equal((10, 2, 1), (report.GetProperty("questions").GetInt32(), report.GetProperty("test_questions").GetInt32(),
            report.GetProperty("test_questions_with_accepted").GetInt32()));
        var methods = JsonShape.Rows(report, "methods");
        Assert.All(methods, m => JsonShape.HasExactly(m, MethodFields));
        Assert.Equal(["rapport", "most-active", "text-bm25", "trust-only"], methods.Select(m => m.GetProperty("name").GetString()));

        // The learned ranker replaces the a-priori product only if it scored better on the validation blocks (q6, q7, q8,
        // each ranked by a model fitted on the questions before it); here it did.
        var learned = report.GetProperty("learned");
        Assert.True(learned.GetProperty("used").GetBoolean());
        Assert.True(learned.GetProperty("learned_mean_mrr").GetDouble() > learned.GetProperty("a_priori_mean_mrr").GetDouble());
        Assert.Equal(RoutingFeatureNames, learned.GetProperty("weights").EnumerateObject().Select(p => p.Name));
        Assert.Single(JsonShape.Rows(learned, "validation"), p => p.GetProperty("chosen").GetBoolean());

        // q9 (lattice): fitted on q1..q8, where user 3 answered every lattice question, the learned ranker puts user 3 first;
        // q10 (photon) was answered only by user 6, whose first act was that answer, so nobody can rank them: 1 and 0.
        var rapport = methods[0];
        Assert.Equal((0.5, 0.5, 0.5, 1.0), (rapport.GetProperty("mrr").GetDouble(), rapport.GetProperty("p_at_1").GetDouble(),
            rapport.GetProperty("hit_at_10").GetDouble(), rapport.GetProperty("mrr_accepted").GetDouble()));
        Assert.Equal(0.25, methods[1].GetProperty("mrr").GetDouble());

        // Against the strongest baseline question by question: text-bm25 (MRR 0.5: the lattice words put user 3 first on q9
        // too), so both questions are ties and the bootstrap interval is [0, 0].
        var test = report.GetProperty("comparison").GetProperty("test");
        Assert.Equal(("rapport", "text-bm25", 0.0, 0, 0, 2), (test.GetProperty("method").GetString(), test.GetProperty("against").GetString(),
            test.GetProperty("mrr_difference").GetDouble(), test.GetProperty("wins").GetInt32(), test.GetProperty("losses").GetInt32(), test.GetProperty("ties").GetInt32()));
        Assert.Equal((0.0, 0.0), (test.GetProperty("ci95_low").GetDouble(), test.GetProperty("ci95_high").GetDouble()));

        // The a-priori product (an ablation row now): with μ = 100, four lattice answers barely move user 3's profile away
        // from the collection's, so the activity prior decides and user 4 (5 answers, the latest on day 8) comes before
        // user 3 (4 answers), as with most-active: reciprocal ranks 1/2 and 0.
        var aPriori = JsonShape.Rows(report, "ablations").Single(r => r.GetProperty("name").GetString() == "rapport a-priori");
        Assert.Equal((0.25, 0.0, 0.5), (aPriori.GetProperty("mrr").GetDouble(), aPriori.GetProperty("p_at_1").GetDouble(), aPriori.GetProperty("mrr_accepted").GetDouble()));

        // Without the prior the profile alone puts the lattice expert first on q9: reciprocal ranks 1 and 0.
        Assert.Equal(0.5, JsonShape.Rows(report, "ablations").Single(r => r.GetProperty("name").GetString() == "rapport no-prior").GetProperty("mrr").GetDouble());
        Assert.All(JsonShape.Rows(report, "ablations").Concat(JsonShape.Rows(report, "validation")), row =>
        {
            JsonShape.HasExactly(row, MethodFields);
            Assert.InRange(row.GetProperty("mrr").GetDouble(), 0, 1);
        });
    }

    [Fact]
    public async Task EvalRouting_WithTune_ChoosesOnValidationAndRecordsEveryStep()
    {
        var result = await RunOnSmallSiteAsync("--tune", "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonShape.Parse(result.Output);
        Assert.True(report.GetProperty("tuned").GetBoolean());
        // 3 edge directions × 6 half-lives × 6 μ × 4 β, each with one MRR per validation window (2: q5–q6 and q7–q8, each as
        // long as the test part), exactly one chosen.
        var grid = JsonShape.Rows(report, "tuning");
        Assert.Equal(432, grid.Length);
        Assert.All(grid, p => Assert.Equal(2, p.GetProperty("block_mrr").GetArrayLength()));
        var chosen = Assert.Single(grid, p => p.GetProperty("chosen").GetBoolean());
        Assert.Equal(chosen.GetProperty("topic_smoothing").GetDouble(), report.GetProperty("parameters").GetProperty("topic_smoothing").GetDouble());
    }

    [Fact]
    public async Task EvalRouting_WithValidationOnly_ScoresNoTestQuestion_AndRecordsEveryConfiguration()
    {
        var result = await RunOnSmallSiteAsync("--validation-only", "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonShape.Parse(result.Output);
        Assert.Equal(0, report.GetProperty("test_questions").GetInt32());
        Assert.Empty(JsonShape.Rows(report, "methods"));
        Assert.Empty(JsonShape.Rows(report, "ablations"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, report.GetProperty("comparison").GetProperty("test").ValueKind);
        Assert.NotEmpty(JsonShape.Rows(report, "validation"));

        // 3 feature sets × 2 centres × 7 λ linear rankers, then 2 depths × 4 tree counts on top of the linear one the rule
        // kept; exactly one chosen, and the report's model is that one.
        var learned = report.GetProperty("learned");
        var configurations = JsonShape.Rows(learned, "configurations");
        Assert.Equal(51, configurations.Length); // 42 linear, 8 boosted, the chosen one refitted daily (rule (f))
        Assert.Single(configurations, c => c.GetProperty("refit_days").ValueKind == System.Text.Json.JsonValueKind.Number);
        var chosen = Assert.Single(configurations, c => c.GetProperty("chosen").GetBoolean());
        Assert.Equal((chosen.GetProperty("features").GetString(), chosen.GetProperty("centre").GetString(), chosen.GetProperty("trees").GetInt32()),
            (learned.GetProperty("features").GetString(), learned.GetProperty("centre").GetString(), learned.GetProperty("trees").GetInt32()));
        Assert.Equal(14, learned.GetProperty("feature_ablation").EnumerateObject().Count());
    }

    [Fact]
    public async Task EvalRouting_WithoutJson_PrintsTables()
    {
        var result = await RunOnSmallSiteAsync("--split", "0.8");

        Assert.Equal(0, result.ExitCode);
        var cells = result.Output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Contains(["test", "MRR", "P@1", "P@5", "nDCG@10", "Hit@10", "MRR", "accepted"], cells);
        Assert.Contains(cells, c => c.Length == 7 && c[0] == "rapport" && c[1] == "0.5");
    }

    [Fact]
    public async Task EvalRouting_WithoutTheSiteFolder_FailsWithOneLine()
    {
        using var directory = new TemporaryDirectory();

        var result = await RapportCli.RunAsync("eval", "routing", "--site", directory.File("nowhere"), "--json");

        RapportCli.AssertOneLineError(result, "no such site folder");
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task EvalRouting_WithAMissingFile_NamesIt()
    {
        using var directory = new TemporaryDirectory();
        SmallSite.Write(directory.Path);
        File.Delete(Path.Combine(directory.Path, "Votes.xml"));

        var result = await RapportCli.RunAsync("eval", "routing", "--site", directory.Path);

        RapportCli.AssertOneLineError(result, "Votes.xml missing");
    }

    [Theory]
    [InlineData("<posts>\n  <row Id=\"1\" PostTypeId=\"1\"\n</posts>", "Posts.xml: line 3: not well-formed XML")]
    [InlineData("<posts>\n  <row Id=\"1\" PostTypeId=\"1\" OwnerUserId=\"2\" CreationDate=\"soon\" />\n</posts>", "Posts.xml: line 2: CreationDate 'soon' is not a date.")]
    [InlineData("<posts>\n  <row Id=\"x\" PostTypeId=\"1\" OwnerUserId=\"2\" CreationDate=\"2020-01-01T00:00:00\" />\n</posts>", "Posts.xml: line 2: Id 'x' is not an integer.")]
    [InlineData("<posts>\n</posts>", "Posts.xml has no question with an owner")]
    public async Task EvalRouting_WithMalformedPosts_FailsWithTheFileAndLine(string posts, string expected)
    {
        using var directory = new TemporaryDirectory();
        SmallSite.Write(directory.Path);
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "Posts.xml"), posts, TestContext.Current.CancellationToken);

        var result = await RapportCli.RunAsync("eval", "routing", "--site", directory.Path);

        RapportCli.AssertOneLineError(result, expected);
    }

    [Theory]
    [InlineData("1.5", "--split must be between 0 and 1")]
    [InlineData("half", "--split takes a number between 0 and 1")]
    [InlineData("0.01", "leaves no training or no test question")]
    public async Task EvalRouting_WithABadSplit_FailsWithOneLine(string split, string expected)
    {
        var result = await RunOnSmallSiteAsync("--split", split);

        RapportCli.AssertOneLineError(result, expected);
    }

    private static async Task<CliResult> RunOnSmallSiteAsync(params string[] options)
    {
        using var directory = new TemporaryDirectory();
        SmallSite.Write(directory.Path);
        return await RapportCli.RunAsync(["eval", "routing", "--site", directory.Path, .. options]);
    }

    /// <summary>
    /// Ten questions on days 1..10, odd ones on "lattice" by user 1, even ones on "photon" by user 2. User 3 answers the
    /// lattice ones, user 4 the photon ones and q1 too; answers come two hours after their question. User 5 comments on q1.
    /// q10 is answered only by user 6, who did nothing before. Split 0.8: q9 and q10 are the test.
    /// </summary>
    private static class SmallSite
    {
        private static readonly DateTime Start = new(2020, 1, 1, 10, 0, 0, DateTimeKind.Utc);

        public static void Write(string directory)
        {
            var posts = new List<XElement>();
            var answerId = 100;
            int? acceptedOfQ9 = null;
            for (var q = 1; q <= 10; q++)
            {
                var lattice = q % 2 == 1;
                var question = Row(("Id", q), ("PostTypeId", 1), ("CreationDate", Day(q)), ("OwnerUserId", lattice ? 1 : 2),
                    ("Title", lattice ? "Lattice surgery on surface codes" : "Photon loss in waveguides"),
                    ("Body", lattice ? "<p>How does <b>lattice</b> surgery merge patches?</p>" : "<p>Why do photons get lost?</p>"),
                    ("Tags", lattice ? "<lattice>" : "<photon>"));
                posts.Add(question);
                var answerers = q == 10 ? [6] : lattice ? q == 1 ? new[] { 3, 4 } : [3] : [4];
                foreach (var answerer in answerers)
                {
                    var id = answerId++;
                    acceptedOfQ9 = q == 9 ? id : acceptedOfQ9;
                    posts.Add(Row(("Id", id), ("PostTypeId", 2), ("ParentId", q), ("CreationDate", Day(q).AddHours(2)), ("OwnerUserId", answerer),
                        ("Body", lattice ? "<p>Lattice surgery merges the boundaries of code patches.</p>" : "<p>Photon loss comes from scattering.</p>")));
                }

                if (q == 9)
                {
                    question.SetAttributeValue("AcceptedAnswerId", acceptedOfQ9);
                }
            }

            Save(directory, "Posts.xml", "posts", posts);
            Save(directory, "Users.xml", "users", [.. new[] { -1, 1, 2, 3, 4, 5, 6 }.Select(u => Row(("Id", u), ("CreationDate", Day(0)), ("DisplayName", $"user{u}")))]);
            Save(directory, "Comments.xml", "comments", [Row(("Id", 1), ("PostId", 1), ("Text", "Which code distance?"), ("CreationDate", Day(1).AddHours(1)), ("UserId", 5))]);
            Save(directory, "Votes.xml", "votes", [Row(("Id", 1), ("PostId", acceptedOfQ9!), ("VoteTypeId", 1), ("CreationDate", Day(9).Date))]);
            Save(directory, "Tags.xml", "tags", [Row(("Id", 1), ("TagName", "lattice"), ("Count", 5)), Row(("Id", 2), ("TagName", "photon"), ("Count", 5))]);
        }

        private static DateTime Day(int day) => Start.AddDays(day);

        private static XElement Row(params (string Name, object Value)[] attributes) =>
            new("row", attributes.Select(a => new XAttribute(a.Name, a.Value is DateTime d ? d.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture) : a.Value)));

        private static void Save(string directory, string file, string root, List<XElement> rows) =>
            new XDocument(new XElement(root, rows)).Save(Path.Combine(directory, file));
    }
}
