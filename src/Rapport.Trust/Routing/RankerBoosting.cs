namespace Rapport.Trust.Routing;

/// <summary>How <see cref="RankerBoosting"/> grows its trees.</summary>
/// <param name="Trees">Trees grown (a model with fewer is a prefix: <see cref="RoutingModel.WithTrees"/>).</param>
/// <param name="Depth">Splits from root to leaf.</param>
/// <param name="LearningRate">Shrinkage η: each tree adds η times its Newton step.</param>
/// <param name="LeafRegularization">λ in a leaf's value −G / (H + λ) and in the split gain (XGBoost's L2 on leaf values).</param>
/// <param name="MinLeafWeight">A split is allowed only if each side has at least this much curvature H (in answers).</param>
/// <param name="Bins">Split points per feature: the feature's quantiles over all rows.</param>
public sealed record BoostingOptions(int Trees, int Depth, double LearningRate, double LeafRegularization, double MinLeafWeight, int Bins)
{
    /// <summary>Shallow trees, strong shrinkage: a small correction to a linear ranker, not a replacement.</summary>
    public static BoostingOptions Default { get; } = new(Trees: 200, Depth: 3, LearningRate: 0.1, LeafRegularization: 1, MinLeafWeight: 1, Bins: 32);
}

/// <summary>
/// Gradient-boosted regression trees for the same listwise objective as <see cref="RankerTraining"/>: the log-likelihood
/// of who answered under P(u answers) = exp(s_u) / Σ_v exp(s_v) per problem, s_u = the start model's score plus the
/// trees' outputs. Each tree is a Newton step in function space (Friedman, "Greedy function approximation", 2001; the
/// second-order split gain and leaf values of XGBoost, Chen and Guestrin, KDD 2016): with g_u = k·p_u − y_u and
/// h_u = k·p_u(1 − p_u) (k answers in the list, y_u = 1 for those who answered), a split maximises
/// G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ) and a leaf adds −η·G / (H + λ). Trees can express what a linear model
/// cannot — "recent activity matters only for people with few answers", thresholds on idle time — while the linear start
/// keeps the ranker close to the logit when there is little to add. Deterministic: no sampling, ties go to the lower
/// feature and split point.
/// </summary>
public static class RankerBoosting
{
    private const double SmallestCurvature = 1e-12;

    /// <summary>Grows <see cref="BoostingOptions.Trees"/> trees on <paramref name="lists"/> starting from <paramref name="start"/>'s scores; returns the start with the trees added.</summary>
    public static RoutingModel Fit(IReadOnlyList<TrainingList> lists, RoutingModel start, BoostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Trees);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.LearningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(options.LeafRegularization);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Bins, byte.MaxValue);
        var used = lists.Where(l => l.Answered.Count > 0 && l.Rows.Length > 0).ToList();
        if (used.Count == 0 || options.Trees == 0)
        {
            return start;
        }

        var rows = used.SelectMany(l => l.Rows).ToArray();
        var width = RoutingFeatures.Count;
        var thresholds = Enumerable.Range(0, width).Select(f => Thresholds(rows, f, options.Bins)).ToArray();
        var bins = new byte[rows.Length * width];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var f = 0; f < width; f++)
            {
                bins[(r * width) + f] = Bin(thresholds[f], rows[r][f]);
            }
        }

        var scores = rows.Select(start.Score).ToArray();
        var label = new bool[rows.Length];
        var offsets = new int[used.Count + 1];
        for (var q = 0; q < used.Count; q++)
        {
            offsets[q + 1] = offsets[q] + used[q].Rows.Length;
            foreach (var a in used[q].Answered)
            {
                label[offsets[q] + a] = true;
            }
        }

        var trees = new List<RegressionTree>(options.Trees);
        var gradient = new double[rows.Length];
        var curvature = new double[rows.Length];
        var all = Enumerable.Range(0, rows.Length).ToArray();
        for (var t = 0; t < options.Trees; t++)
        {
            for (var q = 0; q < used.Count; q++)
            {
                Derivatives(scores, label, offsets[q], offsets[q + 1], used[q].Answered.Count, gradient, curvature);
            }

            var builder = new TreeBuilder(bins, width, thresholds, gradient, curvature, options);
            builder.Grow(all, 0);
            var tree = builder.Tree();
            trees.Add(tree);
            for (var r = 0; r < rows.Length; r++)
            {
                scores[r] += builder.Output[r];
            }
        }

        return start with { Trees = [.. start.Trees, .. trees] };
    }

    private static void Derivatives(double[] scores, bool[] label, int from, int to, int answered, double[] gradient, double[] curvature)
    {
        var max = double.NegativeInfinity;
        for (var i = from; i < to; i++)
        {
            max = Math.Max(max, scores[i]);
        }

        double sum = 0;
        for (var i = from; i < to; i++)
        {
            sum += Math.Exp(scores[i] - max);
        }

        for (var i = from; i < to; i++)
        {
            var p = Math.Exp(scores[i] - max) / sum;
            gradient[i] = (answered * p) - (label[i] ? 1 : 0);
            curvature[i] = Math.Max(answered * p * (1 - p), SmallestCurvature);
        }
    }

    /// <summary>Distinct quantiles of feature <paramref name="f"/>, at most <paramref name="bins"/> − 1, ascending.</summary>
    internal static double[] Thresholds(double[][] rows, int f, int bins)
    {
        var values = rows.Select(r => r[f]).ToArray();
        Array.Sort(values);
        var cuts = new SortedSet<double>();
        for (var k = 1; k < bins; k++)
        {
            var v = values[Math.Min(values.Length - 1, k * values.Length / bins)];
            if (v < values[^1])
            {
                cuts.Add(v);
            }
        }

        return [.. cuts];
    }

    /// <summary>The first threshold ≥ value (the row goes left at that split and every later one); thresholds.Length if none.</summary>
    private static byte Bin(double[] thresholds, double value)
    {
        var i = Array.BinarySearch(thresholds, value);
        return (byte)(i >= 0 ? i : ~i);
    }

    private sealed class TreeBuilder(byte[] bins, int width, double[][] thresholds, double[] gradient, double[] curvature, BoostingOptions options)
    {
        private readonly List<int> feature = [];
        private readonly List<double> threshold = [];
        private readonly List<int> left = [];
        private readonly List<int> right = [];
        private readonly List<double> value = [];

        public double[] Output { get; } = new double[gradient.Length];

        public RegressionTree Tree() => new([.. feature], [.. threshold], [.. left], [.. right], [.. value]);

        /// <summary>Adds the node for <paramref name="rows"/> and returns its index.</summary>
        public int Grow(int[] rows, int depth)
        {
            var node = feature.Count;
            feature.Add(-1);
            threshold.Add(0);
            left.Add(-1);
            right.Add(-1);
            double g = 0, h = 0;
            foreach (var r in rows)
            {
                g += gradient[r];
                h += curvature[r];
            }

            var leaf = -options.LearningRate * g / (h + options.LeafRegularization);
            value.Add(leaf);
            var split = depth < options.Depth ? BestSplit(rows, g, h) : null;
            if (split is not { } s)
            {
                foreach (var r in rows)
                {
                    Output[r] = leaf;
                }

                return node;
            }

            var (f, b) = s;
            feature[node] = f;
            threshold[node] = thresholds[f][b];
            var goesLeft = rows.Where(r => bins[(r * width) + f] <= b).ToArray();
            var goesRight = rows.Where(r => bins[(r * width) + f] > b).ToArray();
            left[node] = Grow(goesLeft, depth + 1);
            right[node] = Grow(goesRight, depth + 1);
            return node;
        }

        private (int Feature, int Bin)? BestSplit(int[] rows, double g, double h)
        {
            var lambda = options.LeafRegularization;
            var parent = g * g / (h + lambda);
            var best = 0.0;
            (int, int)? chosen = null;
            var histogramG = new double[options.Bins + 1];
            var histogramH = new double[options.Bins + 1];
            for (var f = 0; f < width; f++)
            {
                var cuts = thresholds[f].Length;
                if (cuts == 0)
                {
                    continue;
                }

                Array.Clear(histogramG);
                Array.Clear(histogramH);
                foreach (var r in rows)
                {
                    var b = bins[(r * width) + f];
                    histogramG[b] += gradient[r];
                    histogramH[b] += curvature[r];
                }

                double gl = 0, hl = 0;
                for (var b = 0; b < cuts; b++)
                {
                    gl += histogramG[b];
                    hl += histogramH[b];
                    var (gr, hr) = (g - gl, h - hl);
                    if (hl < options.MinLeafWeight || hr < options.MinLeafWeight)
                    {
                        continue;
                    }

                    var gain = (gl * gl / (hl + lambda)) + (gr * gr / (hr + lambda)) - parent;
                    if (gain > best)
                    {
                        (best, chosen) = (gain, (f, b));
                    }
                }
            }

            return chosen;
        }
    }
}

/// <summary>
/// One regression tree over <see cref="RoutingFeatures"/> rows, as parallel arrays: node i splits on
/// <see cref="Feature"/>[i] (−1: a leaf worth <see cref="Value"/>[i]), going to <see cref="Left"/>[i] when the feature is
/// ≤ <see cref="Threshold"/>[i] and to <see cref="Right"/>[i] otherwise. Node 0 is the root.
/// </summary>
public sealed record RegressionTree(int[] Feature, double[] Threshold, int[] Left, int[] Right, double[] Value)
{
    /// <summary>The leaf value <paramref name="features"/> reaches.</summary>
    public double Evaluate(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var node = 0;
        while (Feature[node] >= 0)
        {
            node = features[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        }

        return Value[node];
    }

    /// <inheritdoc/>
    public bool Equals(RegressionTree? other) =>
        other is not null && Feature.SequenceEqual(other.Feature) && Threshold.SequenceEqual(other.Threshold) &&
        Left.SequenceEqual(other.Left) && Right.SequenceEqual(other.Right) && Value.SequenceEqual(other.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.Aggregate(Feature.Length, (h, v) => HashCode.Combine(h, v));
}
