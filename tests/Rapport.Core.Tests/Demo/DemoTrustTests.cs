using Rapport.Core.Demo;
using Rapport.Core.Trust;
using Rapport.Trust.Topics;

namespace Rapport.Core.Tests.Demo;

public sealed class DemoTrustTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly DemoNetwork _network = DemoNetwork.Generate(DemoNetwork.DefaultSeed, Now);

    [Fact]
    public void Generate_StatesAFewHundredValidStatements_OnePerPersonWhomAndTopic()
    {
        var statements = _network.TrustStatements;
        var members = _network.Communities.SelectMany(c => c.Memberships.Select(m => (m.PersonId, c.Id))).ToHashSet();

        Assert.InRange(statements.Count, 300, 900);
        Assert.Equal(statements.Count, statements.Select(s => (s.FromId, s.ToId, s.Topic)).Distinct().Count());
        Assert.All(statements, s =>
        {
            Assert.NotEqual(s.FromId, s.ToId);
            Assert.Null(TrustLevel.Problem(s.Value));
            Assert.True(s.Topic.Length == 0 || Topic.Normalize(s.Topic) == s.Topic, s.Topic);
            Assert.Equal(s.Visibility == TrustVisibility.Community, s.CommunityId is not null);
            Assert.True(s.CommunityId is not { } c || members.Contains((s.FromId, c)), "a community statement's author belongs to it");
            Assert.True(s.Note.Length <= TrustStatement.NoteMaxLength);
        });
    }

    [Fact]
    public void Generate_MixesVisibilitiesDistrustTopicsAndHistory()
    {
        var statements = _network.TrustStatements;

        Assert.True(statements.Count(s => s.Visibility == TrustVisibility.Public) > statements.Count * 6 / 10);
        Assert.True(statements.Count(s => s.Visibility == TrustVisibility.Community) >= 30);
        Assert.True(statements.Count(s => s.Visibility == TrustVisibility.Private) >= 30);
        Assert.True(statements.Count(s => s.Value < 0) >= 15);
        Assert.True(statements.Count(s => s.Topic.Length > 0) > statements.Count / 3);
        Assert.True(statements.Count(s => s.Versions.Count > 1 && !s.IsRevoked) >= 20);
        Assert.True(statements.Count(s => s.IsRevoked) >= 5);
        Assert.All(statements, s =>
        {
            Assert.Equal(s.Versions.OrderBy(v => v.At).ToList(), s.Versions);
            Assert.Equal(s.CreatedAt, s.Versions[0].At);
            Assert.Equal(s.ChangedAt, s.Versions[^1].At);
            Assert.Equal(s.IsRevoked ? TrustStatementEvent.Revoked : s.Versions.Count == 1 ? TrustStatementEvent.Stated : TrustStatementEvent.Changed, s.Versions[^1].Event);
            Assert.Equal(s.Value, s.Versions[^1].Value);
            Assert.InRange(s.ChangedAt, s.CreatedAt, Now);
        });
    }

    [Fact]
    public void Generate_GivesTheDemoPersonAWebOfTrustToExplore()
    {
        var demo = _network.DemoPerson.Id;
        var stated = _network.TrustStatements.Where(s => s.FromId == demo).ToList();

        Assert.True(stated.Count >= 10);
        Assert.All(stated, s => Assert.False(s.IsRevoked));
        Assert.Contains(stated, s => s.Visibility == TrustVisibility.Community);
        Assert.Contains(stated, s => s.Visibility == TrustVisibility.Private);
        Assert.True(_network.TrustStatements.Count(s => s.ToId == demo) >= 5);
        // Two steps out: the people the demo person trusts trust others in turn.
        var trusted = stated.Where(s => s.Value > 0).Select(s => s.ToId).ToHashSet();
        Assert.True(_network.TrustStatements.Count(s => trusted.Contains(s.FromId) && s.Value > 0 && !s.IsRevoked && s.ToId != demo) >= 10);
    }

    [Fact]
    public void Generate_WithTheSameSeed_StatesTheSameTrust()
    {
        static string Fingerprint(DemoNetwork network)
        {
            var handles = network.People.ToDictionary(p => p.Id, p => p.Handle);
            return string.Join('\n', network.TrustStatements.Select(s =>
                $"{handles[s.FromId]}→{handles[s.ToId]} '{s.Topic}' {s.Value} {s.Visibility} {s.Note} {s.Versions.Count} {s.IsRevoked}"));
        }

        Assert.Equal(Fingerprint(_network), Fingerprint(DemoNetwork.Generate(DemoNetwork.DefaultSeed, Now)));
    }
}
