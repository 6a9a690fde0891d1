using Rapport.Core.Communities;
using Rapport.Core.Demo;

namespace Rapport.Core.Tests.Demo;

public sealed class DemoCommunitiesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly DemoNetwork _network = DemoNetwork.Generate(DemoNetwork.DefaultSeed, Now);

    [Fact]
    public void Generate_GivesThreeOpenOneByApplicationAndOneByInvitationCommunity()
    {
        Assert.Equal(5, _network.Communities.Count);
        Assert.Equal(3, _network.Communities.Count(c => c.MembershipMode == MembershipMode.Open));
        Assert.Single(_network.Communities, c => c.MembershipMode == MembershipMode.ByApplication);
        Assert.Single(_network.Communities, c => c.MembershipMode == MembershipMode.ByInvitation);
        Assert.All(_network.Communities, c =>
        {
            Assert.NotEmpty(c.Description);
            Assert.NotEmpty(c.Norms);
            Assert.InRange(c.Memberships.Count(m => m.Role == CommunityRole.Host), 2, 3);
            Assert.True(c.Memberships.Count >= 20, $"{c.Slug} has only {c.Memberships.Count} members");
        });
    }

    [Fact]
    public void Generate_AsksQuestionsOnlyInTheByApplicationCommunityAndLeavesApplicationsPending()
    {
        var byApplication = _network.Communities.Single(c => c.MembershipMode == MembershipMode.ByApplication);
        var members = byApplication.Memberships.Select(m => m.PersonId).ToHashSet();

        Assert.InRange(byApplication.Questions.Count, 2, 3);
        Assert.All(_network.Communities.Where(c => c != byApplication), c => Assert.Empty(c.Questions));
        Assert.InRange(_network.Applications.Count, 2, 6);
        Assert.All(_network.Applications, a =>
        {
            Assert.Equal(byApplication.Id, a.CommunityId);
            Assert.Equal(ApplicationStatus.Pending, a.Status);
            Assert.DoesNotContain(a.ApplicantId, members);
            Assert.Equal(byApplication.Questions.Select(q => q.Text), a.Answers.Select(x => x.Question));
            Assert.All(a.Answers, x => Assert.InRange(x.Text.Length, 1, MembershipApplication.AnswerMaxLength));
        });
    }

    [Fact]
    public void Generate_MakesTheDemoPersonHostOfTheByApplicationCommunityAndMemberOfTwoOthers()
    {
        var roles = _network.Communities
            .SelectMany(c => c.Memberships.Where(m => m.Person == _network.DemoPerson).Select(m => (c.MembershipMode, m.Role)))
            .ToList();

        Assert.Equal(3, roles.Count);
        Assert.Contains((MembershipMode.ByApplication, CommunityRole.Host), roles);
        Assert.Equal(2, roles.Count(r => r.Role == CommunityRole.Member));
    }

    [Fact]
    public void Generate_PutsPeopleInSeveralCommunitiesClusteredByTheirCompetences()
    {
        var counts = _network.People.ToDictionary(p => p, p => _network.Communities.Count(c => c.Memberships.Any(m => m.Person == p)));
        Assert.True(counts.Values.Count(n => n >= 2) >= 30, "many people should belong to several communities");

        foreach (var spec in DemoCommunities.All)
        {
            var community = _network.Communities.Single(c => c.Slug == spec.Slug);
            var members = community.Memberships.Select(m => m.Person!).ToList();
            var inTheme = members.Count(p => DemoNetworkTests.HasCompetenceIn(p, spec)) / (double)members.Count;
            var overall = _network.People.Count(p => DemoNetworkTests.HasCompetenceIn(p, spec)) / (double)_network.People.Count;
            Assert.True(inTheme > overall + 0.15, $"{spec.Slug}: {inTheme:P0} of members know its fields, against {overall:P0} overall");
        }
    }
}
