using Rapport.Trust.Graph;

namespace Rapport.Trust.Admission;

/// <summary>
/// How admission reads certifications, always through <see cref="PerspectiveView"/>: either as one perspective sees
/// them, or as a community sees them together. For the shared reading the view's viewer is read through a second view
/// with a different viewer, in which it is "someone else", so no one's private statement is ever read and the result
/// depends only on public statements and the community's own.
/// </summary>
internal readonly struct CertificationRows
{
    private readonly PerspectiveView view;
    private readonly PerspectiveView standIn;
    private readonly bool shared;

    private CertificationRows(PerspectiveView view, PerspectiveView standIn, bool shared)
    {
        this.view = view;
        this.standIn = standIn;
        this.shared = shared;
    }

    /// <summary>As <paramref name="perspective"/> sees them: the viewer's private statements count as the viewer's certifications.</summary>
    internal static CertificationRows Of(TrustSnapshot snapshot, Perspective perspective)
    {
        var view = new PerspectiveView(snapshot, perspective, TopicIndex.General, 1f);
        return new CertificationRows(view, view, shared: false);
    }

    /// <summary>
    /// As the members of <paramref name="community"/> see them together: public statements and statements of that
    /// community, nobody's private statement. Needs a snapshot with at least one node.
    /// </summary>
    internal static CertificationRows OfCommunity(TrustSnapshot snapshot, int community)
    {
        var communities = new[] { community };
        var view = new PerspectiveView(snapshot, new Perspective(0, communities), TopicIndex.General, 1f);

        // With a single node, node 0's only statements are about itself, which admission ignores.
        var standIn = snapshot.NodeCount > 1 ? new PerspectiveView(snapshot, new Perspective(1, communities), TopicIndex.General, 1f) : view;
        return new CertificationRows(view, standIn, shared: true);
    }

    /// <summary>Visible trust statements of <paramref name="node"/>.</summary>
    internal ViewRow Trust(int node) => shared && node == view.Viewer ? standIn.Trust(node) : view.Trust(node);
}
