#:project src/Rapport.Trust/Rapport.Trust.csproj
using Rapport.Trust.Recommendation;
using Rapport.Trust.Recommendation.Blending;
using Rapport.Trust.Recommendation.Files;
using Rapport.Trust.Recommendation.LatentFactors;

// Seventh round: inner validation on FilmTrust as in rounds 1-6: outer fold 0 (seed 1) is never touched; its training
// part is split again (seed 2, 5 folds); validation folds from `folds=` (the seventh round: 0-4). The first setting of
// the grid is the reference; every other one is compared with it pairwise on the same rows, with a bootstrap over
// cold-start users (all their validation ratings together). Keys: n models averaged (EnsembleSize), zs
// ZeroStartBelowRatings, fi FoldInBelowRatings, sh UserVectorShrinkage.
var data = RatingFile.Load("/work/shared/data/filmtrust/ratings.txt", "/work/shared/data/filmtrust/trust.txt", RatingFileFormat.FilmTrust);
var outer = CrossValidation.Folds(data.Ratings.Count, 5, 1);
var pool = data.Ratings.Where((_, i) => outer[i] != 0).ToArray();
var inner = CrossValidation.Folds(pool.Length, 5, 2);
var trust = TrustNetwork.Build(data.UserCount, [.. data.Trust]);
var mode = args.Length > 0 ? args[0] : "blend";
// A grid is a list of settings separated by ';', each "key=value key=value"; "ref" is the reference (all defaults).
var settings = (args.Length > 1 ? args[1] : "ref").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
var seeds = (args.Length > 2 ? args[2] : "1,2").Split(',').Select(int.Parse).ToArray();
var folds = (args.Length > 3 ? args[3] : "0,1,2,3,4").Split(',').Select(int.Parse).ToArray();
var splits = folds.Select(v => (
    Train: RatingMatrix.Build(data.UserCount, data.ItemCount, [.. pool.Where((_, i) => inner[i] != v)]),
    Test: pool.Where((_, i) => inner[i] == v).OrderBy(r => r.User).ThenBy(r => r.Item).ToArray())).ToArray();

(double[] Errors, bool[] Cold, int[] User) Run(Func<RatingMatrix, IRatingPredictor> train)
{
    var errors = new List<double>(); var cold = new List<bool>(); var users = new List<int>();
    for (var s = 0; s < splits.Length; s++)
    {
        var (tr, te) = splits[s];
        var model = train(tr);
        foreach (var r in te)
        {
            errors.Add(model.Predict(r.User, r.Item)!.Value - r.Value);
            cold.Add(tr.UserDegree(r.User) < 5);
            users.Add(s * 100000 + r.User);
        }
    }
    return ([.. errors], [.. cold], [.. users]);
}

static double Rmse(IEnumerable<double> e) => Math.Sqrt(e.Average(x => x * x));

// 95 % interval of the cold RMSE, and of its difference from the reference with the difference's standard error.
(double Lo, double Hi, double DLo, double DHi, double DSe) Bootstrap(double[] e, double[] reference, bool[] cold, int[] user)
{
    var byUser = Enumerable.Range(0, e.Length).Where(i => cold[i]).GroupBy(i => user[i]).Select(g => g.ToArray()).ToArray();
    var random = new Random(7);
    var rmse = new List<double>(); var diff = new List<double>();
    for (var b = 0; b < 2000; b++)
    {
        double se = 0, sr = 0; var n = 0;
        for (var k = 0; k < byUser.Length; k++)
        {
            foreach (var i in byUser[random.Next(byUser.Length)]) { se += e[i] * e[i]; sr += reference[i] * reference[i]; n++; }
        }
        rmse.Add(Math.Sqrt(se / n));
        diff.Add(Math.Sqrt(se / n) - Math.Sqrt(sr / n));
    }
    var mean = diff.Average();
    var sd = Math.Sqrt(diff.Sum(d => (d - mean) * (d - mean)) / (diff.Count - 1));
    rmse.Sort(); diff.Sort();
    return (rmse[50], rmse[1949], diff[50], diff[1949], sd);
}

var referenceErrors = new Dictionary<int, double[]>();
foreach (var seed in seeds)
foreach (var setting in settings)
{
    var kv = setting == "ref" ? [] : setting.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=')).ToDictionary(a => a[0], a => double.Parse(a[1]));
    double V(string key, double d) => kv.TryGetValue(key, out var v) ? v : d;
    var o = LatentFactorOptions.TrustSvdDefaults with
    {
        Seed = seed,
        EnsembleSize = (int)V("n", 3),
        ZeroStartBelowRatings = (int)V("zs", 0),
        FoldInBelowRatings = (int)V("fi", 0),
        UserVectorShrinkage = V("sh", 0),
    };
    var b = new BlendOptions { Model = o };
    var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    var (e, cold, users) = Run(tr => mode == "blend" ? FeatureWeightedBlend.Train(tr, trust, b) : TrustSvd.Train(tr, trust, o));
    cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
    referenceErrors.TryAdd(seed, e);
    var reference = referenceErrors[seed];
    var c = e.Where((_, i) => cold[i]).ToArray();
    var bs = Bootstrap(e, reference, cold, users);
    Console.WriteLine($"{mode} seed={seed} [{setting}]: MAE {e.Average(Math.Abs):F4} RMSE {Rmse(e):F4} coldRMSE {Rmse(c):F4} coldMAE {c.Average(Math.Abs):F4} (cold rows {c.Length}, users {users.Where((_, i) => cold[i]).Distinct().Count()}; 95% {bs.Lo:F4}-{bs.Hi:F4}; vs ref {bs.DLo:+0.0000;-0.0000}..{bs.DHi:+0.0000;-0.0000}, se {bs.DSe:F4}; cpu {cpu.TotalSeconds:F0} s)");
}
