using Rapport.Core.Demo;
using Rapport.Core.Markdown;
using Rapport.Core.People;
using Rapport.Trust.Topics;

namespace Rapport.Core.Tests.Demo;

public sealed class DemoNetworkTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly DemoNetwork _network = DemoNetwork.Generate(DemoNetwork.DefaultSeed, Now);

    [Fact]
    public void Vocabulary_HasAtLeastSixtyTopicsInEveryField()
    {
        Assert.True(DemoTopics.All.Length >= 60);
        Assert.Equal(DemoTopics.All.Length, DemoTopics.All.Select(t => t.Name).Distinct().Count());
        Assert.All(DemoTopics.Fields, field => Assert.True(DemoTopics.In(field).Length >= 5, $"{field} has too few topics"));
    }

    [Fact]
    public void Generate_GivesAtLeast200PeopleWithUniqueValidHandlesAndNames()
    {
        Assert.True(_network.People.Count > 200);
        Assert.All(_network.People, p => Assert.Null(Handle.Problem(p.Handle)));
        Assert.Equal(_network.People.Count, _network.People.Select(p => p.Handle).Distinct().Count());
        Assert.Equal(_network.Accounts.Count, _network.Accounts.Select(a => a.Email).Distinct().Count());
        Assert.All(_network.People, p => Assert.InRange(p.DisplayName.Length, 3, Person.DisplayNameMaxLength));
        Assert.True(_network.People.Select(p => p.DisplayName).Distinct().Count() > 180, "names should rarely repeat");
    }

    [Fact]
    public void Generate_GivesEachPersonOneToSixDistinctNormalizedCompetences()
    {
        Assert.All(_network.People, p =>
        {
            Assert.InRange(p.Competences.Count, 1, 6);
            Assert.Equal(p.Competences.Count, p.Competences.Select(c => c.Topic).Distinct().Count());
            Assert.All(p.Competences, c => Assert.Equal(Topic.Normalize(c.Topic), c.Topic));
            Assert.All(p.Competences, c => Assert.True(c.Context is null || c.Context.Length <= Competence.ContextMaxLength));
        });
        var competences = _network.People.SelectMany(p => p.Competences).ToList();
        Assert.True(competences.Select(c => c.Topic).Distinct().Count() >= 60, "most of the vocabulary should be in use");
        Assert.InRange(competences.Count(c => c.Context is not null), competences.Count / 5, competences.Count * 3 / 5);
    }

    [Fact]
    public void Generate_SpreadsAvailabilityAndAttentionBudgets()
    {
        Assert.Equal(3, _network.People.Select(p => p.Availability).Distinct().Count());
        Assert.All(_network.People, p => Assert.InRange(p.AttentionBudget, 1, 20));
        Assert.True(_network.People.Select(p => p.AttentionBudget).Distinct().Count() >= 15);
    }

    [Fact]
    public void Generate_WritesVariedBiosThatRenderAsSafeMarkdown()
    {
        var renderer = new MarkdownRenderer();
        var html = _network.People.Select(p => renderer.ToSafeHtml(p.Bio)).ToList();

        Assert.All(_network.People, p => Assert.InRange(p.Bio.Length, 40, Person.BioMaxLength));
        Assert.True(_network.People.Select(p => p.Bio).Distinct().Count() == _network.People.Count, "every bio should differ");
        Assert.Contains(html, h => h.Contains("<ul>", StringComparison.Ordinal));
        Assert.Contains(html, h => h.Contains("<a href=\"https://example.", StringComparison.Ordinal));
        Assert.Contains(html, h => h.Contains("<strong>", StringComparison.Ordinal) || h.Contains("<em>", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_WithTheSameSeed_GivesTheSameNetwork()
    {
        var again = DemoNetwork.Generate(DemoNetwork.DefaultSeed, Now);
        var other = DemoNetwork.Generate(DemoNetwork.DefaultSeed + 1, Now);

        Assert.Equal(Fingerprint(_network), Fingerprint(again));
        Assert.NotEqual(Fingerprint(_network), Fingerprint(other));
    }

    [Fact]
    public void Generate_DatesEverythingWithinTwoYearsBeforeNow()
    {
        var since = Now - TimeSpan.FromDays(731);
        Assert.All(_network.People, p => Assert.InRange(p.JoinedAt, since, Now));
        Assert.All(_network.Communities, c => Assert.All(c.Memberships, m =>
        {
            Assert.InRange(m.JoinedAt, c.CreatedAt, Now);
            Assert.True(m.JoinedAt >= m.Person!.JoinedAt, $"{m.Person.Handle} joined {c.Slug} before joining Rapport");
        }));
        Assert.True(_network.People.Max(p => p.JoinedAt) - _network.People.Min(p => p.JoinedAt) > TimeSpan.FromDays(600));
    }

    private static string Fingerprint(DemoNetwork network) => string.Join('\n',
        network.People.Select(p => $"{p.Handle}|{p.DisplayName}|{p.Availability}|{p.AttentionBudget}|{p.Bio}|{string.Join(',', p.Competences)}")
            .Concat(network.Communities.SelectMany(c => c.Memberships.Select(m => $"{c.Slug}|{m.Person!.Handle}|{m.Role}")))
            .Concat(network.Applications.Select(a => $"{a.Applicant!.Handle}|{string.Join('|', a.Answers.Select(x => x.Text))}")));

    internal static bool HasCompetenceIn(Person person, DemoCommunity community) =>
        person.Competences.Any(c => DemoTopics.All.Any(t => t.Name == c.Topic && community.Fields.Contains(t.Field)));
}
