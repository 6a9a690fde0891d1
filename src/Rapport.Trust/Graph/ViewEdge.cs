namespace Rapport.Trust.Graph;

/// <summary>One out-edge as a perspective sees it on a topic.</summary>
/// <param name="To">Node index of the person the statement is about.</param>
/// <param name="Value">The statement's own value, signed as stated (negative in distrust rows).</param>
/// <param name="Weight">
/// What the edge counts for: |<paramref name="Value"/>|, times the fallback discount when
/// <paramref name="IsFallback"/>. Always in (0, 1].
/// </param>
/// <param name="Topic">The statement's topic: the query's topic, or General for a general statement.</param>
/// <param name="IsFallback">A general statement standing in, on a topic query, for a missing topic statement.</param>
internal readonly record struct ViewEdge(int To, float Value, float Weight, int Topic, bool IsFallback);
