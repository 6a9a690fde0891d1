namespace Rapport.Trust.Scoring;

/// <summary>
/// Forward push's state of one node, packed so that following an edge touches one cache line: the residual and the
/// residual at which the node is due. <see cref="Limit"/> is 0 while the node is untouched and +∞ while it is queued
/// (so it cannot be queued twice); otherwise ε·max(1, public out-degree).
/// </summary>
internal struct PushNode
{
    public float Residual;
    public float Limit;
}
