using Rapport.Trust.Scoring;

namespace Rapport.Cli.Evaluation;

/// <summary>The attack <c>eval sybil</c> mounts and who looks at the result.</summary>
/// <param name="Sybils">Fake accounts in the region.</param>
/// <param name="SybilOutDegree">Other sybils each sybil trusts.</param>
/// <param name="AttackEdges">The k values: honest-to-sybil edges, one attack per value.</param>
/// <param name="HonestViewers">Honest nodes (that trust someone) whose top 10 is checked.</param>
/// <param name="Seed">Draws the region, the attack edges and the viewers.</param>
/// <param name="Tier">Precision tier of every query.</param>
internal sealed record SybilSettings(int Sybils, int SybilOutDegree, IReadOnlyList<int> AttackEdges, int HonestViewers, int Seed, PrecisionTier Tier);
