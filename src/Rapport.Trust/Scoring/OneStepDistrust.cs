using Rapport.Trust.Graph;

namespace Rapport.Trust.Scoring;

/// <summary>
/// One-step distrust (after Guha et al. 2004, restricted to one step): the voices are the viewer (weight 1) and every
/// person the viewer trusts directly (weight t = the viewer's statement about them, fallback-discounted on a topic).
/// A voice distrusting v with weight d (|value|, fallback-discounted) multiplies v's score by (1 − t·d):
/// <c>score'(v) = score(v) · (1 − d_viewer(v)) · Π_u (1 − t_u · d_u(v))</c>. Distrust never propagates: nobody's
/// distrust lowers anyone but its target, and a distrusted person's own statements still count. Every factor is in
/// [0, 1], so adding a distrust never raises its target; full distrust by the viewer removes the target.
/// </summary>
internal static class OneStepDistrust
{
    /// <summary>Lowers <paramref name="scores"/> (indexed by external node index) in place; untouched (zero) scores stay zero.</summary>
    internal static void Apply(in PerspectiveView view, float[] scores)
    {
        foreach (var distrust in view.Distrust(view.Viewer))
        {
            scores[distrust.To] *= 1 - distrust.Weight;
        }

        foreach (var trusted in view.Trust(view.Viewer))
        {
            var voice = trusted.Weight;
            foreach (var distrust in view.Distrust(trusted.To))
            {
                scores[distrust.To] *= 1 - (voice * distrust.Weight);
            }
        }
    }

    /// <summary><see cref="Apply"/> on a ranking workspace's scores, indexed by the snapshot's internal node index.</summary>
    internal static void ApplyInner(in PerspectiveView view, PushNode[] nodes)
    {
        foreach (var distrust in view.InnerDistrust(view.InnerViewer))
        {
            nodes[distrust.To].Score *= 1 - distrust.Weight;
        }

        foreach (var trusted in view.InnerTrust(view.InnerViewer))
        {
            var voice = trusted.Weight;
            foreach (var distrust in view.InnerDistrust(trusted.To))
            {
                nodes[distrust.To].Score *= 1 - (voice * distrust.Weight);
            }
        }
    }

    /// <summary>Sets back to 1 every entry <see cref="Apply"/> may have changed (for a reused array of factors).</summary>
    internal static void Restore(in PerspectiveView view, float[] factors)
    {
        foreach (var distrust in view.Distrust(view.Viewer))
        {
            factors[distrust.To] = 1;
        }

        foreach (var trusted in view.Trust(view.Viewer))
        {
            foreach (var distrust in view.Distrust(trusted.To))
            {
                factors[distrust.To] = 1;
            }
        }
    }

    /// <summary>The factor (in [0, 1]) one-step distrust leaves of a score of <paramref name="target"/>.</summary>
    internal static float Factor(in PerspectiveView view, int target)
    {
        var factor = 1f;
        foreach (var distrust in view.Distrust(view.Viewer))
        {
            if (distrust.To == target)
            {
                factor *= 1 - distrust.Weight;
            }
        }

        foreach (var trusted in view.Trust(view.Viewer))
        {
            var voice = trusted.Weight;
            foreach (var distrust in view.Distrust(trusted.To))
            {
                if (distrust.To == target)
                {
                    factor *= 1 - (voice * distrust.Weight);
                }
            }
        }

        return factor;
    }
}
