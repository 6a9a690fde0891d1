using Rapport.Core.Demo;
using Rapport.Core.Dialogue;
using Rapport.Core.Problems;
using Rapport.Trust.Topics;

namespace Rapport.Core.Tests.Demo;

public sealed class DemoProblemsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly DemoNetwork _network = DemoNetwork.Generate(DemoNetwork.DefaultSeed, Now);

    [Fact]
    public void Generate_GivesProblemsInSeveralStates_WithADialogueOnTheDemoPersonsQuestion()
    {
        Assert.Equal(
            [ProblemStatus.Open, ProblemStatus.InDialogue, ProblemStatus.Closed],
            _network.Problems.Select(p => p.Status).Distinct().Order());
        var mine = Assert.Single(_network.Problems, p => p.AuthorId == _network.DemoPerson.Id);
        var dialogue = _network.Contributions.Where(c => c.ProblemId == mine.Id).ToList();
        Assert.Equal(2, dialogue.Count(c => c.Kind == ContributionKind.Perspective));
        Assert.Contains(dialogue, c => c.ReplyToId is not null && c.QuotedText.Length > 0
            && dialogue.Single(p => p.Id == c.ReplyToId).Body.Contains(c.QuotedText, StringComparison.Ordinal));
        Assert.Contains(_network.Thanks, t => t.PersonId == _network.DemoPerson.Id && dialogue.Any(c => c.Id == t.ContributionId));
        Assert.All(_network.Problems, p =>
        {
            Assert.InRange(p.Title.Length, Problem.TitleMinLength, Problem.TitleMaxLength);
            Assert.All(p.Topics, t => Assert.Equal(Topic.Normalize(t.Topic), t.Topic));
        });
    }

    [Fact]
    public void Generate_OnlyLetsPeopleWhoMaySeeAProblemContributeToIt()
    {
        foreach (var contribution in _network.Contributions)
        {
            var problem = _network.Problems.Single(p => p.Id == contribution.ProblemId);
            var community = _network.Communities.SingleOrDefault(c => c.Id == problem.CommunityId);
            Assert.True(problem.Visibility == ProblemVisibility.Public
                || community?.Memberships.Any(m => m.PersonId == contribution.AuthorId) == true);
            Assert.True(contribution.CreatedAt >= problem.CreatedAt && contribution.CreatedAt <= Now);
        }
    }
}
