namespace Rapport.Trust.Routing;

/// <summary>One past problem to learn from: its measured evidence and who actually answered (or was credited).</summary>
public sealed record RoutingExample(RoutingSignals Signals, IReadOnlySet<int> Answered);

/// <summary>One past problem as the trainer sees it: each candidate's feature row and the rows of those who answered.</summary>
public sealed record TrainingList(double[][] Rows, IReadOnlyList<int> Answered);

/// <summary>
/// Learns a <see cref="RoutingModel"/> from past problems: a conditional (multinomial) logit over each problem's
/// candidates (McFadden 1974), P(u answers | problem) = exp(w·x_u) / Σ_v exp(w·x_v), the listwise "top-one" likelihood of
/// ListNet (Cao et al., ICML 2007) for binary labels, as in learning-to-rank for question routing (Ji and Wang, CIKM
/// 2013). Maximises the mean log-likelihood of who answered, minus (λ/2)·|w|² on standardised features, by Newton's method
/// with step halving: the objective is concave, so the result does not depend on a start point, a learning rate or a
/// random draw; the same examples give the same model. Features that never vary in the examples get weight 0.
/// </summary>
public static class RankerTraining
{
    /// <summary>Newton iterations at most (it converges in about ten).</summary>
    public const int MaxIterations = 50;

    /// <summary>Stop when no standardised weight moves more than this.</summary>
    public const double Tolerance = 1e-7;

    /// <summary>A feature whose standard deviation over all rows is below this is constant: weight 0.</summary>
    public const double ConstantFeature = 1e-9;

    private const double SmallestStep = 1.0 / 1024;

    /// <summary>Measures each example's features with <paramref name="options"/> and fits (see <see cref="Fit(IReadOnlyList{TrainingList}, double)"/>).</summary>
    public static RoutingModel Fit(IEnumerable<RoutingExample> examples, RoutingOptions options, double regularization)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return Fit([.. examples.Select(e => List(e, options))], regularization);
    }

    /// <summary>The example as rows and the indices of those who answered.</summary>
    public static TrainingList List(RoutingExample example, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(example);
        var candidates = example.Signals.Candidates;
        return new TrainingList(RoutingFeatures.Of(example.Signals, options), [.. Enumerable.Range(0, candidates.Count).Where(i => example.Answered.Contains(candidates[i].Person))]);
    }

    /// <summary>
    /// Fits the weights on <paramref name="lists"/> (lists nobody answered from the candidates are skipped) with L2 penalty
    /// <paramref name="regularization"/> λ &gt; 0 on standardised features; no list with an answer gives all weights 0.
    /// </summary>
    public static RoutingModel Fit(IReadOnlyList<TrainingList> lists, double regularization) => Fit(lists, regularization, centre: null);

    /// <summary>
    /// As <see cref="Fit(IReadOnlyList{TrainingList}, double)"/>, but the penalty pulls the weights toward
    /// <paramref name="centre"/>'s rather than toward 0: (λ/2)·|w − w₀|² on standardised features. A large λ then gives
    /// the centre model (say, a most-active ranking) instead of a flat one, and the fit departs from it only as far as
    /// the examples pay for (shrinkage toward a prior model, as in ridge regression with a non-zero prior mean).
    /// </summary>
    public static RoutingModel Fit(IReadOnlyList<TrainingList> lists, double regularization, RoutingModel? centre)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(regularization);
        var used = lists.Where(l => l.Answered.Count > 0 && l.Rows.Length > 0).ToList();
        var width = RoutingFeatures.Count;
        if (used.Count == 0)
        {
            return new RoutingModel(new double[width]);
        }

        var (mean, scale) = Standardisation(used, width);
        var active = Enumerable.Range(0, width).Where(i => scale[i] >= ConstantFeature).ToArray();
        var z = used.Select(l => l.Rows.Select(r => active.Select(i => (r[i] - mean[i]) / scale[i]).ToArray()).ToArray()).ToList();
        var answered = used.Select(l => l.Answered).ToList();
        var positives = (double)answered.Sum(a => a.Count);
        var w0 = active.Select(i => (centre?.Weights[i] ?? 0) * scale[i]).ToArray();
        var w = (double[])w0.Clone();
        var objective = Objective(z, answered, w, w0, positives, regularization);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (gradient, curvature) = Derivatives(z, answered, w, w0, positives, regularization);
            var step = Cholesky.Solve(curvature, gradient);
            var t = 1.0;
            double[] next;
            double value;
            while (true)
            {
                next = [.. w.Select((x, i) => x + (t * step[i]))];
                value = Objective(z, answered, next, w0, positives, regularization);
                if (value >= objective || t <= SmallestStep)
                {
                    break;
                }

                t /= 2;
            }

            var moved = step.Max(s => Math.Abs(t * s));
            if (value < objective)
            {
                break;
            }

            (w, objective) = (next, value);
            if (moved < Tolerance)
            {
                break;
            }
        }

        var weights = new double[width];
        for (var k = 0; k < active.Length; k++)
        {
            weights[active[k]] = w[k] / scale[active[k]];
        }

        return new RoutingModel(weights);
    }

    private static (double[] Mean, double[] Scale) Standardisation(List<TrainingList> lists, int width)
    {
        var mean = new double[width];
        var square = new double[width];
        double rows = 0;
        foreach (var row in lists.SelectMany(l => l.Rows))
        {
            rows++;
            for (var i = 0; i < width; i++)
            {
                mean[i] += row[i];
                square[i] += row[i] * row[i];
            }
        }

        var scale = new double[width];
        for (var i = 0; i < width; i++)
        {
            mean[i] /= rows;
            scale[i] = Math.Sqrt(Math.Max(0, (square[i] / rows) - (mean[i] * mean[i])));
        }

        return (mean, scale);
    }

    private static double[] Softmax(double[][] rows, double[] w)
    {
        var scores = rows.Select(r => Dot(r, w)).ToArray();
        var max = scores.Max();
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp(scores[i] - max);
            sum += scores[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] /= sum;
        }

        return scores;
    }

    private static double Objective(List<double[][]> z, List<IReadOnlyList<int>> answered, double[] w, double[] w0, double positives, double lambda)
    {
        double sum = 0;
        for (var q = 0; q < z.Count; q++)
        {
            var p = Softmax(z[q], w);
            sum += answered[q].Sum(r => Math.Log(Math.Max(p[r], double.Epsilon)));
        }

        return (sum / positives) - (lambda / 2 * w.Select((x, i) => (x - w0[i]) * (x - w0[i])).Sum());
    }

    /// <summary>The gradient and the negated Hessian (positive definite) of the objective.</summary>
    private static (double[] Gradient, double[,] Curvature) Derivatives(List<double[][]> z, List<IReadOnlyList<int>> answered, double[] w, double[] w0, double positives, double lambda)
    {
        var d = w.Length;
        var gradient = new double[d];
        var curvature = new double[d, d];
        for (var q = 0; q < z.Count; q++)
        {
            var rows = z[q];
            var p = Softmax(rows, w);
            var k = answered[q].Count;
            var expected = new double[d];
            var second = new double[d, d];
            for (var i = 0; i < rows.Length; i++)
            {
                var row = rows[i];
                for (var a = 0; a < d; a++)
                {
                    expected[a] += p[i] * row[a];
                    for (var b = 0; b <= a; b++)
                    {
                        second[a, b] += p[i] * row[a] * row[b];
                    }
                }
            }

            foreach (var r in answered[q])
            {
                for (var a = 0; a < d; a++)
                {
                    gradient[a] += rows[r][a];
                }
            }

            for (var a = 0; a < d; a++)
            {
                gradient[a] -= k * expected[a];
                for (var b = 0; b <= a; b++)
                {
                    curvature[a, b] += k * (second[a, b] - (expected[a] * expected[b]));
                }
            }
        }

        for (var a = 0; a < d; a++)
        {
            gradient[a] = (gradient[a] / positives) - (lambda * (w[a] - w0[a]));
            for (var b = 0; b <= a; b++)
            {
                curvature[a, b] = (curvature[a, b] / positives) + (a == b ? lambda : 0);
                curvature[b, a] = curvature[a, b];
            }
        }

        return (gradient, curvature);
    }

    private static double Dot(double[] x, double[] w)
    {
        double sum = 0;
        for (var i = 0; i < w.Length; i++)
        {
            sum += x[i] * w[i];
        }

        return sum;
    }

    /// <summary>Solves A x = b for a symmetric positive definite A.</summary>
    private static class Cholesky
    {
        public static double[] Solve(double[,] a, double[] b)
        {
            var n = b.Length;
            var l = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    var sum = a[i, j];
                    for (var k = 0; k < j; k++)
                    {
                        sum -= l[i, k] * l[j, k];
                    }

                    l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, double.Epsilon)) : sum / l[j, j];
                }
            }

            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                var sum = b[i];
                for (var k = 0; k < i; k++)
                {
                    sum -= l[i, k] * y[k];
                }

                y[i] = sum / l[i, i];
            }

            var x = new double[n];
            for (var i = n - 1; i >= 0; i--)
            {
                var sum = y[i];
                for (var k = i + 1; k < n; k++)
                {
                    sum -= l[k, i] * x[k];
                }

                x[i] = sum / l[i, i];
            }

            return x;
        }
    }
}
