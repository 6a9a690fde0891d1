namespace Rapport.Trust.Routing;

/// <summary>One past problem the selection learns from and scores on: its evidence and when each answerer first answered.</summary>
public sealed record RankerExample(RoutingSignals Signals, IReadOnlyDictionary<int, DateTimeOffset> FirstAnswers);

/// <summary>
/// One validation window over time-ordered examples: the model is fitted on the first <paramref name="Fitted"/> examples,
/// labelled with answers before <paramref name="LabelsBefore"/>, and scores the examples at <paramref name="Scored"/>.
/// </summary>
public sealed record RankerWindow(int Fitted, DateTimeOffset LabelsBefore, IReadOnlyList<int> Scored);

/// <summary>One learned-ranker configuration: feature set (name, and the features left out), λ, penalty centre, trees (0: linear) and their depth.</summary>
public sealed record RankerConfiguration(string Features, IReadOnlyCollection<string> Without, double Regularization, int Trees, int Depth)
{
    /// <summary>Centre of the L2 penalty (<see cref="RankerSelection.ZeroCentre"/> or <see cref="RankerSelection.MostActiveCentre"/>).</summary>
    public string Centre { get; init; } = RankerSelection.ZeroCentre;

    /// <summary>The same configuration without <paramref name="more"/> features as well.</summary>
    public RankerConfiguration Dropping(IEnumerable<string> more, string name) => this with { Features = name, Without = [.. Without.Union(more)] };

    /// <inheritdoc/>
    public bool Equals(RankerConfiguration? other) =>
        other is not null && Features == other.Features && Centre == other.Centre && Regularization.Equals(other.Regularization) && Trees == other.Trees && Depth == other.Depth;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Features, Centre, Regularization, Trees, Depth);
}

/// <summary>A configuration scored on the windows: each window's MRR, each scored example's reciprocal rank (pooled, window order), each window's model (null: a priori).</summary>
public sealed record RankerScore(RankerConfiguration? Configuration, IReadOnlyList<double> WindowMrr, IReadOnlyList<double> ReciprocalRanks, IReadOnlyList<RoutingModel?> Models)
{
    /// <summary>How often the model was refitted while each window was scored; null: one model per window (<see cref="Models"/>).</summary>
    public TimeSpan? RefitEvery { get; init; }

    /// <summary>The model each scored example was ranked with (pooled, window order).</summary>
    public IReadOnlyList<RoutingModel?> ExampleModels { get; init; } = [];

    /// <summary>The mean of the windows' MRR.</summary>
    public double Mean => WindowMrr.Count == 0 ? 0 : WindowMrr.Average();
}

/// <summary>
/// What the rule chose: the learned configuration and its score, the a-priori model's score on the same windows, whether
/// the learned ranker is used (it beats the a-priori one), the chosen configuration fitted on every example, and every
/// configuration scored (in order).
/// </summary>
public sealed record RankerChoice(RankerScore Chosen, RankerScore APriori, bool UseLearned, RoutingModel Model, IReadOnlyList<RankerScore> Configurations)
{
    /// <summary>The chosen configuration scored with periodic refits (rule (f)); null if refits were not tried.</summary>
    public RankerScore? Refitted { get; init; }

    /// <summary>The chosen configuration scored with one model per window (before rule (f)).</summary>
    public RankerScore? Static { get; init; }
}

/// <summary>Which configurations the selection tries beyond the linear grid.</summary>
/// <param name="TreeCounts">Tree counts tried for the boosted ranker (prefixes of one fit of the largest); empty: no trees.</param>
/// <param name="TreeDepths">Tree depths tried for the boosted ranker.</param>
public sealed record RankerSelectionOptions(IReadOnlyList<int> TreeCounts, IReadOnlyList<int> TreeDepths)
{
    /// <summary>
    /// The refit period tried by rule (f): the chosen configuration is scored again with the model refitted every
    /// period inside each window (as the app refits, <see cref="RankerSelection.AppRefitPeriod"/>); null: not tried.
    /// </summary>
    public TimeSpan? RefitEvery { get; init; }

    /// <summary>Linear rankers only.</summary>
    public static RankerSelectionOptions LinearOnly { get; } = new([], []);

    /// <summary>The evaluation's grid: linear rankers, then boosted trees on the chosen linear one.</summary>
    public static RankerSelectionOptions WithTrees { get; } = new([25, 50, 100, 200], [2, 3]);

    /// <summary>The evaluation's grid since round 6: <see cref="WithTrees"/>, then rule (f) with the app's daily refit.</summary>
    public static RankerSelectionOptions WithTreesAndRefits { get; } = WithTrees with { RefitEvery = RankerSelection.AppRefitPeriod };
}

/// <summary>
/// The learned ranker's selection rule (docs/routing.md, round 5), on validation windows over time-ordered examples: each
/// window is scored by one model fitted on the examples before it, labelled with the answers given before it.
/// (a) Every linear configuration (<see cref="FeatureSets"/> × <see cref="Centres"/> × <see cref="Regularizations"/>) gets
/// the mean of the windows' MRR; B is the best. (b) One-standard-error rule: among the most-active-centred configurations
/// with B's feature set whose mean is at least B's minus the standard error of their paired per-example difference from
/// B, the largest λ; if none, B. (c) If trees are tried, a boosted ranker on (b)'s replaces it only if its mean is higher
/// by more than <see cref="ComplexityMargin"/>. (d) The learned ranker is used only if its mean beats the a-priori
/// model's (the options without a model) on the same windows. The model returned is fitted on every example.
/// (f) If a refit period is given (round 6), the chosen configuration is scored again with its model refitted every
/// period inside each window — at the window's start plus k periods, on the examples asked before that instant with the
/// answers given before it, as the app refits — and the refitted protocol is used if its mean beats one model per window;
/// (d) then compares whichever was kept.
/// </summary>
public sealed class RankerSelection
{
    /// <summary>Centre of the penalty: 0 (shrink toward a flat ranking).</summary>
    public const string ZeroCentre = "zero";

    /// <summary>Centre of the penalty: the most-active ranking (a logit on "contributions" alone).</summary>
    public const string MostActiveCentre = "most-active";

    /// <summary>A boosted ranker must beat the best linear one by more than this mean validation MRR to be chosen.</summary>
    public const double ComplexityMargin = 0.005;

    /// <summary>How often the app refits its ranker (<c>RoutingModelRefresher</c>: once a UTC day), the period rule (f) tries.</summary>
    public static readonly TimeSpan AppRefitPeriod = TimeSpan.FromDays(1);

    /// <summary>L2 penalties tried (on standardised features, per answer): from barely regularised to (nearly) the centre model.</summary>
    public static readonly IReadOnlyList<double> Regularizations = [0.00001, 0.0001, 0.001, 0.01, 0.1, 1, 10];

    /// <summary>The penalty centres tried.</summary>
    public static readonly IReadOnlyList<string> Centres = [ZeroCentre, MostActiveCentre];

    /// <summary>The features added in round 5; "round-4 features" is the full set without them.</summary>
    public static readonly IReadOnlyList<string> Round5Features =
        ["contributions_90d", "contributions_365d", "topic_contributions_90d", "topic_contributions_365d", "credit_rate", "helped_by_asker"];

    /// <summary>The features added in round 7: the asker's topic-scoped trust closeness (docs/routing.md, "Round 7").</summary>
    public static readonly IReadOnlyList<string> Round7Features = ["topic_closeness", "topic_closeness_max"];

    /// <summary>
    /// The feature sets tried: "all" (round 5's 24: every feature but <see cref="Round7Features"/>), "round-4" (without
    /// <see cref="Round5Features"/> either) and, since round 7, "round-4+topic-trust" (round 4's with <see cref="Round7Features"/>).
    /// On equal means the earlier set is kept (rule (a) takes the first best).
    /// </summary>
    public static readonly IReadOnlyList<(string Name, IReadOnlyList<string> Without)> FeatureSets =
        [("all", Round7Features), ("round-4", [.. Round5Features, .. Round7Features]), ("round-4+topic-trust", Round5Features)];

    /// <summary>The column of the most-active feature (ln(1 + contributions so far)).</summary>
    public static readonly int MostActiveFeature = RoutingFeatures.Names.ToList().IndexOf("contributions");

    private readonly IReadOnlyList<RankerExample> examples;
    private readonly IReadOnlyList<RankerWindow> windows;
    private readonly RoutingOptions options;
    private readonly RankerSelectionOptions selection;
    private readonly List<double[][]> rows;

    /// <param name="examples">The examples, oldest first.</param>
    /// <param name="windows">The validation windows, in time order.</param>
    /// <param name="options">The options that define the features and the a-priori model.</param>
    /// <param name="selection">Which configurations beyond the linear grid are tried.</param>
    public RankerSelection(IReadOnlyList<RankerExample> examples, IReadOnlyList<RankerWindow> windows, RoutingOptions options, RankerSelectionOptions selection)
    {
        this.examples = examples;
        this.windows = windows;
        this.options = options;
        this.selection = selection;
        rows = [.. examples.Select(e => RoutingFeatures.Of(e.Signals, options))];
    }

    /// <summary>Scores every configuration on the windows and applies the rule.</summary>
    public RankerChoice Choose()
    {
        var scored = new List<RankerScore>();
        foreach (var (features, without) in FeatureSets)
        {
            foreach (var centre in Centres)
            {
                foreach (var lambda in Regularizations)
                {
                    scored.Add(Score(new RankerConfiguration(features, without, lambda, 0, 0) { Centre = centre }));
                }
            }
        }

        var best = scored.MaxBy(s => s.Mean)!;
        var linear = scored.Where(s => s.Configuration!.Centre == MostActiveCentre && s.Configuration.Features == best.Configuration!.Features && s.Mean >= best.Mean - StandardError(best, s))
            .MaxBy(s => s.Configuration!.Regularization) ?? best;
        var chosen = linear;
        if (selection.TreeCounts.Count > 0)
        {
            foreach (var depth in selection.TreeDepths)
            {
                var fitted = windows.Select(w => Fit(w.Fitted, w.LabelsBefore, linear.Configuration! with { Trees = selection.TreeCounts[^1], Depth = depth })).ToList();
                foreach (var trees in selection.TreeCounts)
                {
                    scored.Add(Score(linear.Configuration! with { Trees = trees, Depth = depth }, [.. fitted.Select(m => m.WithTrees(trees))]));
                }
            }

            var boosted = scored.Where(s => s.Configuration!.Trees > 0).MaxBy(s => s.Mean)!;
            chosen = boosted.Mean > linear.Mean + ComplexityMargin ? boosted : linear;
        }

        var single = chosen;
        RankerScore? refitted = null;
        if (selection.RefitEvery is { } period)
        {
            refitted = Score(chosen.Configuration!, period);
            chosen = refitted.Mean > single.Mean ? refitted : single;
        }

        var apriori = Score(null, [.. windows.Select(_ => (RoutingModel?)null)]);
        return new RankerChoice(chosen, apriori, chosen.Mean > apriori.Mean, Fit(chosen.Configuration!), scored) { Refitted = refitted, Static = single };
    }

    /// <summary>One configuration scored on the windows, each window by a model fitted before it.</summary>
    public RankerScore Score(RankerConfiguration configuration) =>
        Score(configuration, [.. windows.Select(w => (RoutingModel?)Fit(w.Fitted, w.LabelsBefore, configuration))]);

    /// <summary>
    /// One configuration scored on the windows with the model refitted every <paramref name="refitEvery"/>: window w's
    /// questions asked in [s + k·p, s + (k + 1)·p) (s its start, <see cref="RankerWindow.LabelsBefore"/>) are ranked by a
    /// model fitted on the examples asked before s + k·p, labelled with the answers given before s + k·p (k = 0: the
    /// window's own model). Nothing a question's model sees is dated at or after that question. Examples must be in time order.
    /// </summary>
    public RankerScore Score(RankerConfiguration configuration, TimeSpan refitEvery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refitEvery, TimeSpan.Zero);
        var mrr = new double[windows.Count];
        var rr = new List<double>();
        var first = new List<RoutingModel?>();
        var each = new List<RoutingModel?>();
        var fitted = new Dictionary<long, RoutingModel>();
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            var start = window.LabelsBefore;
            fitted.Clear();
            var ranks = new List<double>();
            foreach (var e in window.Scored)
            {
                var periods = Math.Max(0, (examples[e].Signals.Request.At - start).Ticks / refitEvery.Ticks);
                if (!fitted.TryGetValue(periods, out var model))
                {
                    var origin = start + TimeSpan.FromTicks(periods * refitEvery.Ticks);
                    model = periods == 0 ? Fit(window.Fitted, start, configuration) : Fit(AskedBefore(origin), origin, configuration);
                    fitted[periods] = model;
                }

                each.Add(model);
                ranks.Add(ReciprocalRank(Router.Rank(examples[e].Signals, options with { Model = model }), c => examples[e].FirstAnswers.ContainsKey(c.Person)));
            }

            first.Add(fitted.GetValueOrDefault(0));
            mrr[w] = ranks.Count == 0 ? 0 : ranks.Average();
            rr.AddRange(ranks);
        }

        return new RankerScore(configuration, mrr, [.. rr], first) { RefitEvery = refitEvery, ExampleModels = each };
    }

    /// <summary>The model of <paramref name="configuration"/> fitted on every example, with every answer.</summary>
    public RoutingModel Fit(RankerConfiguration configuration) => Fit(examples.Count, DateTimeOffset.MaxValue, configuration);

    /// <summary>Standard error of the mean paired difference of reciprocal ranks between two scores (the one-standard-error rule).</summary>
    public static double StandardError(RankerScore a, RankerScore b)
    {
        var d = a.ReciprocalRanks.Zip(b.ReciprocalRanks, (x, y) => x - y).ToArray();
        if (d.Length < 2)
        {
            return 0;
        }

        var mean = d.Average();
        return Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1) / d.Length);
    }

    /// <summary>The rank (1-based) of the first relevant entry in <paramref name="ranked"/>, as a reciprocal; 0 if none.</summary>
    public static double ReciprocalRank<T>(IReadOnlyList<T> ranked, Func<T, bool> relevant)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            if (relevant(ranked[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    private RankerScore Score(RankerConfiguration? configuration, List<RoutingModel?> perWindow)
    {
        var mrr = new double[windows.Count];
        var rr = new List<double>();
        for (var w = 0; w < windows.Count; w++)
        {
            var ranked = options with { Model = perWindow[w] };
            var ranks = windows[w].Scored.Select(e => ReciprocalRank(Router.Rank(examples[e].Signals, ranked), c => examples[e].FirstAnswers.ContainsKey(c.Person))).ToList();
            mrr[w] = ranks.Count == 0 ? 0 : ranks.Average();
            rr.AddRange(ranks);
        }

        return new RankerScore(configuration, mrr, [.. rr], perWindow)
        {
            ExampleModels = [.. windows.SelectMany((window, w) => window.Scored.Select(_ => perWindow[w]))],
        };
    }

    /// <summary>How many of the (time-ordered) examples were asked strictly before <paramref name="instant"/>.</summary>
    private int AskedBefore(DateTimeOffset instant)
    {
        var count = 0;
        while (count < examples.Count && examples[count].Signals.Request.At < instant)
        {
            count++;
        }

        return count;
    }

    private RoutingModel Fit(int end, DateTimeOffset labelsBefore, RankerConfiguration configuration)
    {
        var dropped = RoutingFeatures.Names.Select((name, i) => (name, i)).Where(p => configuration.Without.Contains(p.name)).Select(p => p.i).ToHashSet();
        var lists = new List<TrainingList>(end);
        for (var e = 0; e < end; e++)
        {
            var answered = examples[e].FirstAnswers.Where(a => a.Value < labelsBefore).Select(a => a.Key).ToHashSet();
            var candidates = examples[e].Signals.Candidates;
            var matrix = dropped.Count == 0 ? rows[e] : [.. rows[e].Select(r => r.Select((x, i) => dropped.Contains(i) ? 0 : x).ToArray())];
            lists.Add(new TrainingList(matrix, [.. Enumerable.Range(0, candidates.Count).Where(i => answered.Contains(candidates[i].Person))]));
        }

        var centre = configuration.Centre == MostActiveCentre
            ? RankerTraining.Fit([.. lists.Select(l => l with { Rows = [.. l.Rows.Select(r => r.Select((x, i) => i == MostActiveFeature ? x : 0).ToArray())] })], Regularizations[0])
            : null;
        var linear = RankerTraining.Fit(lists, configuration.Regularization, centre);
        return configuration.Trees == 0 ? linear : RankerBoosting.Fit(lists, linear, BoostingOptions.Default with { Trees = configuration.Trees, Depth = configuration.Depth });
    }
}
