using Rapport.Trust.Graph.Synthetic;

namespace Rapport.Trust.Recommendation.LatentFactors;

/// <summary>
/// Trains SVD++ / TrustSVD on both cores, deterministically. Each epoch:
/// <list type="number">
/// <item>z_u = |I_u|^-½ Σ y_i + |T_u|^-½ Σ w_v for every user (parallel over users; y and w stay fixed until step 4);</item>
/// <item>stochastic gradient descent on b_u, b_j, p_u, q_j over the ratings in a stratified schedule (Gemulla et al.,
/// KDD 2011): users and items are split into B blocks each, and in stratum s the B cells (a, (a + s) mod B) run in
/// parallel. Cells of one stratum share no user and no item, so no update races and the result does not depend on
/// thread timing or core count. Each user also accumulates g_u = Σ e_uj q_j, the gradient its ratings send to y and w;</item>
/// <item>the trust term's gradient on p_u (parallel over users);</item>
/// <item>one gradient step on every y_i (parallel over items) and w_v (parallel over users) from the g_u of the users
/// who rated i or trust v — the sum of the per-rating steps of sequential SGD, applied at once and in index order.</item>
/// </list>
/// Regularisers are applied once per rating (or trust edge) that touches a parameter, as in the paper's SGD.
/// </summary>
internal sealed partial class LatentFactorTrainer
{
    internal const ulong InitPurpose = 0x1A7E47;
    private const ulong SchedulePurpose = 0x5C4ED;

    private readonly RatingMatrix ratings;
    private readonly TrustNetwork trust;
    private readonly LatentFactorOptions options;
    private readonly int k;
    private readonly double mean;
    private readonly double[] userBias;
    private readonly double[] itemBias;
    private readonly double[] p;
    private readonly double[] q;
    private readonly double[] y;
    private readonly double[] w;
    private readonly double[] z;
    private readonly double[] g;
    private readonly double[]? previousP;
    private readonly Rating[][] cells;
    private readonly double[] userReg;
    private readonly double[] userBiasReg;
    private readonly double[] itemReg;
    private readonly double[] itemBiasReg;
    private readonly bool useTrust;
    private double currentRate;

    public LatentFactorTrainer(RatingMatrix ratings, TrustNetwork trust, LatentFactorOptions options)
    {
        options.Validate();
        this.ratings = ratings;
        this.trust = trust;
        this.options = options;
        k = options.Factors;
        mean = ratings.Mean;
        useTrust = options.TrustRegularization > 0 && trust.EdgeCount > 0;
        var users = ratings.UserCount;
        var items = ratings.ItemCount;
        userBias = new double[users];
        itemBias = new double[items];
        p = new double[users * k];
        q = new double[items * k];
        y = new double[items * k];
        w = new double[users * k];
        z = new double[users * k];
        g = new double[users * k];
        previousP = useTrust && options.SocialRegularization > 0 ? new double[users * k] : null;
        (userReg, userBiasReg) = Regularisers(users, ratings.UserDegree);
        (itemReg, itemBiasReg) = Regularisers(items, ratings.ItemDegree);
        Initialise();
        cells = Schedule();
    }

    public LatentFactorModel Train(CancellationToken cancellationToken)
    {
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            currentRate = options.LearningRate * Math.Pow(options.LearningRateDecay, epoch);
            ComputeUserSums();
            Array.Clear(g);
            for (var stratum = 0; stratum < options.Blocks; stratum++)
            {
                var s = stratum;
                Parallel.For(0, options.Blocks, a => RatingSteps(cells[a * options.Blocks + (a + s) % options.Blocks]));
            }

            if (useTrust)
            {
                if (previousP is not null)
                {
                    // The social step reads the trustees' p while other users' p are written: it reads this copy.
                    Array.Copy(p, previousP, p.Length);
                }

                ParallelRanges(ratings.UserCount, TrustStepsOnUsers);
            }

            ParallelRanges(ratings.ItemCount, ImplicitStepsOnItems);
            if (useTrust)
            {
                ParallelRanges(ratings.UserCount, TrustStepsOnTrustees);
            }
        }

        ComputeUserSums();
        if (options.FoldInBelowRatings > 0)
        {
            ParallelRanges(ratings.UserCount, FoldInUsers);
        }

        var vector = new double[p.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = p[i] + z[i];
        }

        if (options.UserVectorShrinkage > 0)
        {
            ShrinkUserVectors(vector);
        }

        return new LatentFactorModel(k, mean, ratings.Min, ratings.Max, userBias, itemBias, vector, q);
    }

    // Weighted-λ (TrustSVD): λ / √n for a row with n ratings; plain (SVD++): λ.
    private (double[] Factor, double[] Bias) Regularisers(int count, Func<int, int> degree)
    {
        var factor = new double[count];
        var bias = new double[count];
        for (var i = 0; i < count; i++)
        {
            var scale = options.WeightedRegularization ? 1 / Math.Sqrt(Math.Max(1, degree(i))) : 1;
            factor[i] = options.Regularization * scale;
            bias[i] = options.BiasRegularization * scale;
        }

        return (factor, bias);
    }

    // Factors of rows with no data stay 0, so an unseen item or a user with no ratings and no trust adds nothing; with
    // ZeroStartBelowRatings, so does p of a user with fewer ratings than that.
    private void Initialise()
    {
        var random = new SeededRandom(SeededRandom.Derive(options.Seed, InitPurpose));
        for (var u = 0; u < ratings.UserCount; u++)
        {
            var seen = (ratings.UserDegree(u) > 0 || (useTrust && !trust.TrusteesOf(u).IsEmpty)) && ratings.UserDegree(u) >= options.ZeroStartBelowRatings;
            Fill(p.AsSpan(u * k, k), random, seen);
            Fill(w.AsSpan(u * k, k), random, useTrust && !trust.TrustorsOf(u).IsEmpty);
        }

        for (var j = 0; j < ratings.ItemCount; j++)
        {
            Fill(q.AsSpan(j * k, k), random, ratings.ItemDegree(j) > 0);
            Fill(y.AsSpan(j * k, k), random, ratings.ItemDegree(j) > 0);
        }
    }

    private void Fill(Span<double> row, SeededRandom random, bool seen)
    {
        for (var f = 0; f < row.Length; f++)
        {
            // Box–Muller; always draw, so one row's data does not shift the next row's numbers.
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            row[f] = seen ? normal * options.InitialScale : 0;
        }
    }

    // Users and items are dealt to blocks in a seeded random order; each cell lists its ratings user by user (users in
    // that order), each user's ratings in a seeded random order.
    private Rating[][] Schedule()
    {
        var random = new SeededRandom(SeededRandom.Derive(options.Seed, SchedulePurpose));
        var blocks = options.Blocks;
        var userOrder = random.Permutation(ratings.UserCount);
        var itemBlock = new int[ratings.ItemCount];
        var itemOrder = random.Permutation(ratings.ItemCount);
        for (var rank = 0; rank < itemOrder.Length; rank++)
        {
            itemBlock[itemOrder[rank]] = rank % blocks;
        }

        var lists = new List<Rating>[blocks * blocks];
        for (var c = 0; c < lists.Length; c++)
        {
            lists[c] = [];
        }

        for (var rank = 0; rank < userOrder.Length; rank++)
        {
            var u = userOrder[rank];
            var items = ratings.ItemsOf(u);
            var values = ratings.ValuesOfUser(u);
            foreach (var at in random.Permutation(items.Length))
            {
                lists[rank % blocks * blocks + itemBlock[items[at]]].Add(new Rating(u, items[at], values[at]));
            }
        }

        return [.. lists.Select(l => l.ToArray())];
    }

    // Disjoint index ranges in parallel; each index is written by exactly one range, so the order does not matter.
    private static void ParallelRanges(int count, Action<int, int> body)
    {
        const int chunk = 2048;
        Parallel.For(0, (count + chunk - 1) / chunk, c => body(c * chunk, Math.Min(count, (c + 1) * chunk)));
    }
}
