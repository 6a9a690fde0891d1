using Rapport.Trust.Explanation;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

public static partial class TrustQueries
{
    /// <remarks>
    /// The viewer's own statement is their trust on the topic; else their distrust (on the topic and general at the
    /// discount, combined as 1 − Π(1 − w), negative); else their general trust times the discount. Otherwise the strongest path's strength (as <see cref="Why(TrustSnapshot, Perspective, int, int, int, int)"/> finds it) times
    /// the one-step distrust factor: Π (1 − t·d) over the viewer's own distrust (t = 1) and that of the people the viewer
    /// trusts directly (t = the viewer's statement about them). Null for the viewer themselves. Uses the default
    /// fallback discount; the overload with <see cref="TrustQueryOptions"/> takes another.
    /// </remarks>
    public static partial float? Level(TrustSnapshot snapshot, Perspective perspective, int topic, int target, int maxHops) =>
        Level(snapshot, perspective, topic, target, TrustQueryOptions.Default, maxHops);

    /// <summary>
    /// <see cref="Level(TrustSnapshot, Perspective, int, int, int)"/> with the fallback discount of
    /// <paramref name="options"/>.
    /// </summary>
    public static float? Level(TrustSnapshot snapshot, Perspective perspective, int topic, int target, TrustQueryOptions options, int maxHops = 4)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var view = new PerspectiveView(snapshot, perspective, topic, options.TopicFallbackDiscount);
        if ((uint)target >= (uint)snapshot.NodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(target), "The target is not a node of this snapshot.");
        }

        if (target != view.Viewer && OwnStatement(view, target) is { } own)
        {
            return own;
        }

        var strongest = PathSearch.Strongest(view, target, maxHops);
        return strongest is { } strength ? strength * OneStepDistrust.Factor(view, target) : null;
    }

    /// <summary>
    /// The viewer's own word on the target: their trust on the topic; else their distrust (on the topic and in general,
    /// combined as 1 − Π(1 − w), negative); else their general trust at the discount; null when they said nothing.
    /// </summary>
    private static float? OwnStatement(in PerspectiveView view, int target)
    {
        float? general = null;
        foreach (var own in view.Trust(view.Viewer))
        {
            if (own.To == target)
            {
                if (!own.IsFallback)
                {
                    return own.Weight;
                }

                general = own.Weight;
            }
        }

        var keep = 1f;
        foreach (var own in view.Distrust(view.Viewer))
        {
            if (own.To == target)
            {
                keep *= 1 - own.Weight;
            }
        }

        return keep < 1 ? -(1 - keep) : general;
    }
}
