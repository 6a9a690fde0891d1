using Rapport.Trust.Explanation;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

public static partial class TrustQueries
{
    /// <remarks>
    /// The viewer's own statement is their statement on the topic, or else their general one times the fallback
    /// discount (negative for distrust). Otherwise the strongest path's strength (as <see cref="Why"/> finds it) times
    /// the one-step distrust factor: Π (1 − t·d) over the viewer's own distrust (t = 1) and that of the people the viewer
    /// trusts directly (t = the viewer's statement about them). Null for the viewer themselves.
    /// </remarks>
    public static partial float? Level(TrustSnapshot snapshot, Perspective perspective, int topic, int target, int maxHops)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var view = new PerspectiveView(snapshot, perspective, topic, TrustQueryOptions.Default.TopicFallbackDiscount);
        if ((uint)target >= (uint)snapshot.NodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(target), "The target is not a node of this snapshot.");
        }

        if (target != view.Viewer)
        {
            foreach (var own in view.Trust(view.Viewer))
            {
                if (own.To == target)
                {
                    return own.Weight;
                }
            }

            foreach (var own in view.Distrust(view.Viewer))
            {
                if (own.To == target)
                {
                    return -own.Weight;
                }
            }
        }

        var strongest = PathSearch.Strongest(view, target, maxHops);
        return strongest is { } strength ? strength * OneStepDistrust.Factor(view, target) : null;
    }
}
