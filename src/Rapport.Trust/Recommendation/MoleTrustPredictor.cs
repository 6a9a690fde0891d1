using System.Runtime.InteropServices;
using Rapport.Trust.Graph;
using Rapport.Trust.Propagation;

namespace Rapport.Trust.Recommendation;

/// <summary>
/// Trust-weighted prediction (Massa and Avesani, RecSys 2007): the user's trust in everyone within the MoleTrust
/// horizon is propagated over the trust network (<see cref="MoleTrust"/>, defaults horizon 2, threshold 0.6), and the
/// prediction is the average of those people's training ratings of the item weighted by that trust
/// (<see cref="TrustWeightedRating"/>). No trusted rater, no prediction: that is its coverage. It ignores the user's
/// own ratings, so it serves a cold-start user exactly as well as anyone else.
/// </summary>
/// <remarks>
/// Not thread-safe: it keeps the last user's propagated trust, so ask for one user's items together.
/// </remarks>
public sealed class MoleTrustPredictor : IRatingPredictor
{
    private readonly RatingMatrix training;
    private readonly TrustNetwork trust;
    private readonly MoleTrustOptions options;
    private readonly float[] trustOf;
    private readonly List<int> reached = [];
    private readonly List<TrustedRating> buffer = [];
    private int currentUser = -1;

    /// <summary>A predictor over <paramref name="training"/> ratings and the <paramref name="trust"/> network.</summary>
    public MoleTrustPredictor(RatingMatrix training, TrustNetwork trust, MoleTrustOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(trust);
        if (trust.UserCount != training.UserCount)
        {
            throw new ArgumentException("The trust network and the ratings must share user indices.", nameof(trust));
        }

        this.training = training;
        this.trust = trust;
        this.options = options ?? MoleTrustOptions.Default;
        trustOf = new float[training.UserCount];
    }

    /// <inheritdoc />
    public double? Predict(int user, int item)
    {
        if (user != currentUser)
        {
            Propagate(user);
        }

        buffer.Clear();
        var raters = training.UsersOf(item);
        var values = training.ValuesOfItem(item);
        for (var k = 0; k < raters.Length; k++)
        {
            if (trustOf[raters[k]] > 0)
            {
                buffer.Add(new TrustedRating(trustOf[raters[k]], values[k]));
            }
        }

        var span = Math.Max(training.Max - training.Min, 1e-9);
        return TrustWeightedRating.Predict(CollectionsMarshal.AsSpan(buffer), span)?.Rating;
    }

    private void Propagate(int user)
    {
        foreach (var v in reached)
        {
            trustOf[v] = 0;
        }

        reached.Clear();
        currentUser = user;
        if (trust.EdgeCount == 0 || trust.TrusteesOf(user).IsEmpty)
        {
            return;
        }

        var view = new PerspectiveView(trust.Snapshot, Perspective.Of(user), TopicIndex.General, 1f);
        foreach (var node in MoleTrust.Score(view, options))
        {
            trustOf[node.Node] = node.Score;
            reached.Add(node.Node);
        }
    }
}
