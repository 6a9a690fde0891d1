using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Trust;

namespace Rapport.Core.Demo;

public sealed partial class DemoNetwork
{
    private static readonly string[] Notes =
    [
        "Helped me with {topic} more than once, always on time.",
        "We worked on a {topic} project together last spring. Careful and honest.",
        "Knows **{topic}** inside out.",
        "Answered my questions about {topic} patiently.",
        "Recommended by two friends; so far so good.",
        "I've seen their work at the workshop: *solid*.",
    ];

    private static readonly string[] DistrustNotes =
    [
        "Promised help with {topic} twice and did not show up.",
        "Gave advice on {topic} that turned out to be wrong, and would not admit it.",
    ];

    /// <summary>
    /// Trust statements: every statement with its history (<see cref="TrustStatement.Versions"/>, oldest first; sequences
    /// and change-log entries are assigned when seeding). Mostly public, some shared with a community both people are in,
    /// some private, some distrust, a few changed or revoked.
    /// </summary>
    public List<TrustStatement> TrustStatements { get; } = [];

    private readonly HashSet<(Guid, Guid, string)> _stated = [];

    /// <summary>
    /// People mostly trust people they share a community with, on one of the other's competences or in general. The demo
    /// person states a dozen (public, community, private and one distrust) and is trusted by a few, so their web of trust
    /// and its explanations have something to show.
    /// </summary>
    private void AddTrust()
    {
        var communitiesOf = CommunitiesOf();
        foreach (var person in Generated)
        {
            var count = _random.Next(10) switch { 0 => 0, < 4 => 1, < 7 => 2, < 9 => 3, _ => 4 };
            for (var i = 0; i < count; i++)
            {
                State(person, PickTarget(person, communitiesOf), communitiesOf, distrustChance: 0.08, privateChance: 0.1);
            }
        }

        var demoCommunities = communitiesOf[DemoPerson.Id];
        var neighbours = Generated.Where(p => communitiesOf[p.Id].Intersect(demoCommunities).Any()).OrderBy(_ => _random.Next()).ToList();
        foreach (var target in neighbours.Take(12))
        {
            State(DemoPerson, target, communitiesOf, distrustChance: 0.1, privateChance: 0.2);
        }

        foreach (var truster in neighbours.Skip(12).Take(8))
        {
            State(truster, DemoPerson, communitiesOf, distrustChance: 0, privateChance: 0.1);
        }
    }

    private Person PickTarget(Person from, Dictionary<Guid, List<Community>> communitiesOf)
    {
        var mine = communitiesOf[from.Id];
        if (mine.Count > 0 && _random.Next(10) < 7)
        {
            var community = mine[_random.Next(mine.Count)];
            var members = community.Memberships.Where(m => m.PersonId != from.Id).ToList();
            if (members.Count > 0)
            {
                return members[_random.Next(members.Count)].Person!;
            }
        }

        Person target;
        do
        {
            target = People[1 + _random.Next(People.Count - 1)];
        }
        while (target == from);
        return target;
    }

    private void State(Person from, Person to, Dictionary<Guid, List<Community>> communitiesOf, double distrustChance, double privateChance)
    {
        var topic = to.Competences.Count > 0 && _random.Next(10) < 6 ? to.Competences[_random.Next(to.Competences.Count)].Topic : TrustStatement.GeneralTopic;
        if (from == to || !_stated.Add((from.Id, to.Id, topic)))
        {
            return;
        }

        var distrust = _random.NextDouble() < distrustChance;
        var value = distrust
            ? (_random.Next(2) == 0 ? TrustLevel.Distrust.Value : -0.5)
            : _random.Next(3) == 0 ? Math.Round(0.3 + _random.NextDouble() * 0.65, 2) : TrustLevel.Steps[1 + _random.Next(3)].Value;
        var shared = communitiesOf[from.Id].Intersect(communitiesOf[to.Id]).ToList();
        var roll = _random.NextDouble();
        var (visibility, community) = roll < privateChance
            ? (TrustVisibility.Private, (Community?)null)
            : roll < privateChance + 0.18 && shared.Count > 0
                ? (TrustVisibility.Community, shared[_random.Next(shared.Count)])
                : (TrustVisibility.Public, null);
        var subject = topic.Length == 0 ? "their work" : topic;
        var note = _random.Next(3) == 0
            ? (distrust ? DistrustNotes : Notes)[_random.Next(distrust ? DistrustNotes.Length : Notes.Length)].Replace("{topic}", subject, StringComparison.Ordinal)
            : "";

        var stated = Between(Max(from.JoinedAt, to.JoinedAt), _now);
        var statement = new TrustStatement
        {
            Id = Guid.CreateVersion7(stated),
            FromId = from.Id,
            ToId = to.Id,
            Topic = topic,
            Value = value,
            Visibility = visibility,
            CommunityId = community?.Id,
            Note = note,
            CreatedAt = stated,
            ChangedAt = stated,
        };
        var history = _random.Next(100);
        if (history < 12)
        {
            // Started lower (distrust: milder) and was changed later.
            var earlier = value > 0 ? Math.Max(0.1, Math.Round(value - 0.25, 2)) : -0.25;
            statement.Versions.Add(Version(statement, TrustStatementEvent.Stated, earlier, stated));
            statement.ChangedAt = Between(stated, _now);
            statement.Versions.Add(Version(statement, TrustStatementEvent.Changed, value, statement.ChangedAt));
        }
        else
        {
            statement.Versions.Add(Version(statement, TrustStatementEvent.Stated, value, stated));
            if (history < 16 && from != DemoPerson)
            {
                statement.RevokedAt = statement.ChangedAt = Between(stated, _now);
                statement.Versions.Add(Version(statement, TrustStatementEvent.Revoked, value, statement.ChangedAt));
            }
        }

        TrustStatements.Add(statement);
    }

    private static TrustStatementVersion Version(TrustStatement statement, TrustStatementEvent happened, double value, DateTimeOffset at) => new()
    {
        StatementId = statement.Id,
        AuthorId = statement.FromId,
        Event = happened,
        Value = value,
        Visibility = statement.Visibility,
        CommunityId = statement.CommunityId,
        Note = statement.Note,
        At = at,
    };
}
