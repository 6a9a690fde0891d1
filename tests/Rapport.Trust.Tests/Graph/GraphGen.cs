using CsCheck;
using Rapport.Trust.Graph;

namespace Rapport.Trust.Tests.Graph;

/// <summary>CsCheck generators of small random trust graphs: every scope, sign and topic, few nodes so keys collide.</summary>
internal static class GraphGen
{
    internal const int Nodes = 10;
    internal const int Topics = 3;
    internal const int Communities = 3;

    internal static readonly Gen<float> Value = Gen.OneOf(-1f, -0.6f, -0.2f, 0.2f, 0.5f, 0.7f, 0.9f, 1f);

    internal static readonly Gen<float> TrustValue = Gen.OneOf(0.2f, 0.5f, 0.7f, 0.9f, 1f);

    internal static readonly Gen<float> DistrustValue = Gen.OneOf(-1f, -0.6f, -0.2f);

    internal static readonly Gen<StatementEdge> Edge = Gen.Select(
        Gen.Int[0, Nodes - 1],
        Gen.Int[0, Nodes - 1],
        Value,
        Gen.Frequency((3, Gen.Const(0)), (2, Gen.Int[1, Topics - 1])),
        Gen.Frequency((6, Gen.Const(EdgeScope.Public)), (2, Gen.Const(EdgeScope.Community)), (2, Gen.Const(EdgeScope.Private))),
        Gen.Int[0, Communities - 1],
        (from, to, value, topic, scope, community) =>
            new StatementEdge(from, to, value, topic, scope, scope == EdgeScope.Community ? community : -1));

    internal static readonly Gen<StatementEdge[]> Edges = Edge.Array[0, 45];

    internal static readonly Gen<EdgeKey> Key = Gen.Select(Gen.Int[0, Nodes - 1], Gen.Int[0, Nodes - 1], Gen.Int[0, Topics - 1], (f, t, topic) => new EdgeKey(f, t, topic));

    /// <summary>A perspective: any viewer, any sorted set of communities.</summary>
    internal static readonly Gen<Perspective> Perspective = Gen.Select(
        Gen.Int[0, Nodes - 1],
        Gen.Bool.Array[Communities],
        (viewer, member) =>
        {
            var communities = new List<int>();
            for (var c = 0; c < member.Length; c++)
            {
                if (member[c])
                {
                    communities.Add(c);
                }
            }

            return new Perspective(viewer, communities.ToArray());
        });
}
