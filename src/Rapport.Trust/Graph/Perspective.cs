namespace Rapport.Trust.Graph;

/// <summary>
/// Whose eyes a query looks through: the viewer and the communities the viewer belongs to (sorted ascending).
/// A query uses the viewer's own statements of any scope as first hops, everyone's public statements, and
/// community statements only of <see cref="Communities"/>. Nobody else's private statement is ever read.
/// </summary>
/// <param name="Viewer">Node index of the viewer.</param>
/// <param name="Communities">Community indices the viewer belongs to, sorted ascending, no duplicates.</param>
public readonly record struct Perspective(int Viewer, ReadOnlyMemory<int> Communities)
{
    /// <summary>A viewer who belongs to no community.</summary>
    public static Perspective Of(int viewer) => new(viewer, ReadOnlyMemory<int>.Empty);
}
