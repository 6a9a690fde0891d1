namespace Rapport.Trust.Scoring;

/// <summary>
/// A ranking query's state of one node, packed so that one cache miss fetches all of it (on a graph of a million
/// people each of these is a miss): forward push's residual, the residual at which the node is due, the score and the
/// prior. 16 bytes, so four share a cache line and none straddles two.
/// <see cref="Limit"/> is 0 while the node is untouched and +∞ while it is queued (so it cannot be queued twice);
/// otherwise ε·max(1, public out-degree). <see cref="Score"/> is the settled score while pushing, the estimate after
/// (<see cref="PushEstimate"/>), or power iteration's result, then lowered by one-step distrust.
/// </summary>
internal struct PushNode
{
    public float Residual;
    public float Limit;
    public float Score;

    /// <summary>The node's public prior (<see cref="PublicPrior"/>), copied here when the query first touches it, so the estimate passes over the touched nodes read nothing else.</summary>
    public float Prior;
}
