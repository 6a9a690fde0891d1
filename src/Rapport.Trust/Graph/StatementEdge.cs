namespace Rapport.Trust.Graph;

/// <summary>Who may see a trust statement, and therefore whose computations it may enter.</summary>
public enum EdgeScope : byte
{
    /// <summary>Everyone's computations.</summary>
    Public = 0,

    /// <summary>Only computations of members of <see cref="StatementEdge.Community"/>.</summary>
    Community = 1,

    /// <summary>Only its author's own computations, as a first hop.</summary>
    Private = 2,
}

/// <summary>
/// One current trust statement as the engine sees it: dense node indices, a value in [-1, 1] (negative is distrust,
/// never 0), a topic index (<see cref="TopicIndex.General"/> for "no topic") and its scope.
/// </summary>
/// <param name="From">Node index of the person who states trust.</param>
/// <param name="To">Node index of the person trusted.</param>
/// <param name="Value">In [-1, 1], not 0.</param>
/// <param name="Topic">Topic index; <see cref="TopicIndex.General"/> when the statement has no topic.</param>
/// <param name="Scope">Who may see it.</param>
/// <param name="Community">Community index when <paramref name="Scope"/> is <see cref="EdgeScope.Community"/>, otherwise -1.</param>
public readonly record struct StatementEdge(int From, int To, float Value, int Topic, EdgeScope Scope, int Community = -1)
{
    /// <summary>The key under which the latest statement is current.</summary>
    public EdgeKey Key => new(From, To, Topic);
}

/// <summary>(from, to, topic): at most one current statement per key, whatever its scope.</summary>
public readonly record struct EdgeKey(int From, int To, int Topic);

/// <summary>Topic indices as the engine sees them. Index 0 is the general (topic-less) trust.</summary>
public static class TopicIndex
{
    /// <summary>Trust stated without a topic.</summary>
    public const int General = 0;
}
