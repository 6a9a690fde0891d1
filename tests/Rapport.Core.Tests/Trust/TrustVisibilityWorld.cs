using System.Text;
using CsCheck;
using Rapport.Core.Tests.Communities;
using Rapport.Core.Trust;

namespace Rapport.Core.Tests.Trust;

/// <summary>
/// A small random world for the trust visibility property: people 0..People-1, communities with their current members,
/// and statements of every kind, including ones no use case can create directly but time can: a community statement
/// whose author has since left the community (or was never a member of the one named), and revoked ones. At most one
/// statement per (from, to, topic), as the database requires.
/// </summary>
/// <param name="PageSize">The limit viewers page every list with.</param>
/// <param name="ShoutedHandles">Whether viewers write handles in upper case with an @ (every use case normalizes them).</param>
/// <param name="Acts">Whether everyone then tries to change and revoke every statement (one world in eight, for time).</param>
public sealed record TrustVisibilityWorld(
    int People, IReadOnlyList<IReadOnlyList<bool>> Members, IReadOnlyList<StatementSpec> Statements, int PageSize, bool ShoutedHandles, bool Acts)
{
    public static readonly string[] Topics = ["", "sailing", "rust"];

    public static readonly Gen<TrustVisibilityWorld> Gen =
        from people in CsCheck.Gen.Int[3, VisibilityDatabase.MaxPeople]
        from members in CsCheck.Gen.Bool.Array[people].Array[1, 3]
        from statements in StatementSpec.Gen(people, members.Length).Array[0, 40]
        from pageSize in CsCheck.Gen.Int[2, 5]
        from shouted in CsCheck.Gen.Bool
        from acts in CsCheck.Gen.Frequency((7, false), (1, true))
        select new TrustVisibilityWorld(people, members, Distinct(statements), pageSize, shouted, acts);

    /// <summary>How many (viewer, statement) pairs one world checks.</summary>
    public int Pairs => People * Statements.Count;

    public bool IsMember(int person, int community) => Members[community][person];

    private static StatementSpec[] Distinct(StatementSpec[] statements) =>
        statements.DistinctBy(s => (s.From, s.To, s.Topic)).ToArray();

    public override string ToString()
    {
        var text = new StringBuilder($"{People} people, page size {PageSize}{(ShoutedHandles ? ", handles shouted" : "")}{(Acts ? ", acting" : "")}");
        for (var c = 0; c < Members.Count; c++)
        {
            text.Append($"\n  community {c}: members [{string.Join(", ", Enumerable.Range(0, People).Where(p => Members[c][p]))}]");
        }

        foreach (var s in Statements)
        {
            text.Append($"\n  {s.From} → {s.To} on '{Topics[s.Topic]}': {s.Value}, {s.Visibility}{(s.Visibility == TrustVisibility.Community ? $" {s.Community}" : "")}{(s.Revoked ? ", revoked" : "")}");
        }

        return text.ToString();
    }
}

/// <param name="Community">The community named when <paramref name="Visibility"/> is Community (the author need not be in it).</param>
public sealed record StatementSpec(int From, int To, int Topic, double Value, TrustVisibility Visibility, int Community, bool Revoked)
{
    private static readonly double[] Values = [-1.0, -0.5, 0.25, 0.6, 1.0];

    public static Gen<StatementSpec> Gen(int people, int communities) =>
        from author in CsCheck.Gen.Int[0, people - 1]
        from offset in CsCheck.Gen.Int[1, people - 1]
        from topic in CsCheck.Gen.Int[0, TrustVisibilityWorld.Topics.Length - 1]
        from value in CsCheck.Gen.Int[0, 4].Select(i => Values[i])
        from visibility in CsCheck.Gen.Enum<TrustVisibility>()
        from community in CsCheck.Gen.Int[0, communities - 1]
        from revoked in CsCheck.Gen.Frequency((5, false), (1, true))
        select new StatementSpec(author, (author + offset) % people, topic, value, visibility, community, revoked);
}

/// <summary>
/// The visibility rule for trust statements restated plainly from the product text, over a world's numbers, without
/// any code under test.
/// </summary>
internal static class TrustVisibilityOracle
{
    /// <summary>
    /// Its author always; nobody else once revoked; public: everyone; community: members of its community while the
    /// author is one too; private: nobody else.
    /// </summary>
    public static bool CanSee(TrustVisibilityWorld world, int viewer, StatementSpec s) =>
        s.From == viewer
        || (!s.Revoked && s.Visibility switch
        {
            TrustVisibility.Public => true,
            TrustVisibility.Community => world.IsMember(viewer, s.Community) && world.IsMember(s.From, s.Community),
            _ => false,
        });

    /// <summary>"Who trusts them": listed under its subject for those who may see it, while not revoked.</summary>
    public static bool ListedAbout(TrustVisibilityWorld world, int viewer, StatementSpec s) => !s.Revoked && CanSee(world, viewer, s);

    /// <summary>"My statements": the author's own, revoked ones only when asked for.</summary>
    public static bool ListedMine(int viewer, StatementSpec s, bool includeRevoked) => s.From == viewer && (includeRevoked || !s.Revoked);

    /// <summary>A community statement whose author is not in its community counts as private.</summary>
    public static bool Lapsed(TrustVisibilityWorld world, StatementSpec s) =>
        s.Visibility == TrustVisibility.Community && !world.IsMember(s.From, s.Community);
}
