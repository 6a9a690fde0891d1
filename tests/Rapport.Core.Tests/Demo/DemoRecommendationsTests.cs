using Rapport.Core.Demo;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Trust.Topics;

namespace Rapport.Core.Tests.Demo;

public sealed class DemoRecommendationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly DemoNetwork _network = DemoNetwork.Generate(DemoNetwork.DefaultSeed, Now);

    [Fact]
    public void Generate_GivesItemsOfSeveralKindsWithNormalizedTopicsAndUniqueUrls()
    {
        Assert.True(_network.Items.Count >= 100);
        Assert.True(_network.Items.Select(i => i.Kind).Distinct().Count() >= 6);
        Assert.All(_network.Items, i =>
        {
            Assert.InRange(i.Title.Length, 1, Item.TitleMaxLength);
            Assert.InRange(i.Topics.Count, 1, Item.MaxTopics);
            Assert.All(i.Topics, t => Assert.Equal(Topic.Normalize(t.Topic), t.Topic));
        });
        var urls = _network.Items.Where(i => i.Url is not null).Select(i => i.Url).ToList();
        Assert.NotEmpty(urls);
        Assert.Equal(urls.Count, urls.Distinct().Count());
    }

    [Fact]
    public void Generate_GivesRecommendationsOfEveryAudienceWithRatingsEndorsementsNotesAndHistory()
    {
        var recommendations = _network.Recommendations;
        Assert.True(recommendations.Count >= 500);
        Assert.Equal(recommendations.Count, recommendations.Select(r => (r.PersonId, r.ItemId)).Distinct().Count());
        Assert.Equal(3, recommendations.Select(r => r.Visibility).Distinct().Count());
        Assert.Contains(recommendations, r => r.Rating is null);
        Assert.All(recommendations.Where(r => r.Rating is not null), r => Assert.InRange(r.Rating!.Value, Recommendation.MinRating, Recommendation.MaxRating));
        Assert.Contains(recommendations, r => r.Note.Length > 0);
        Assert.Contains(recommendations, r => r.Versions.Any(v => v.Event == TrustStatementEvent.Changed));
        Assert.Contains(recommendations, r => r.IsRevoked);
        Assert.All(recommendations, r =>
        {
            Assert.Equal(Enumerable.Range(1, r.Versions.Count), r.Versions.Select(v => v.Number));
            Assert.True(r.Visibility == TrustVisibility.Community == (r.CommunityId is not null));
            Assert.Equal(r.ChangedAt, r.Versions[^1].At);
        });
    }

    [Fact]
    public void Generate_LetsCommunityRecommendationsOnlyGoToTheAuthorsCommunities()
    {
        var memberships = _network.Communities.SelectMany(c => c.Memberships).Select(m => (m.CommunityId, m.PersonId)).ToHashSet();
        Assert.All(_network.Recommendations.Where(r => r.CommunityId is not null), r => Assert.Contains((r.CommunityId!.Value, r.PersonId), memberships));
    }

    [Fact]
    public void Generate_GivesEveryoneTheDemoPersonTrustsSomethingToRecommend()
    {
        var trusted = _network.TrustStatements.Where(s => s.FromId == _network.DemoPerson.Id && s.Value > 0).Select(s => s.ToId).ToList();
        Assert.NotEmpty(trusted);
        Assert.All(trusted, id => Assert.True(_network.Recommendations.Count(r => r.PersonId == id) >= 3));
        Assert.True(_network.Recommendations.Count(r => r.PersonId == _network.DemoPerson.Id) >= 5);
    }

    [Fact]
    public void Generate_GivesCollectionsOneForkedAndSomeFollowedByTheDemoPerson()
    {
        var collections = _network.Collections;
        Assert.InRange(collections.Count, 3, 6);
        var fork = Assert.Single(collections, c => c.ForkedFromId is not null);
        Assert.Equal(_network.DemoPerson.Id, fork.OwnerId);
        Assert.Contains(collections, c => c.Id == fork.ForkedFromId);
        Assert.Contains(collections, c => c.Visibility == TrustVisibility.Community);
        Assert.True(collections.Count(c => c.Follows.Any(f => f.PersonId == _network.DemoPerson.Id)) >= 2);
        Assert.All(collections, c =>
        {
            Assert.NotEmpty(c.Entries);
            Assert.Equal(Enumerable.Range(0, c.Entries.Count), c.Entries.Select(e => e.Position));
            Assert.DoesNotContain(c.Follows, f => f.PersonId == c.OwnerId);
        });
    }

    [Fact]
    public void Generate_WithTheSameSeed_GivesTheSameRecommendations()
    {
        var again = DemoNetwork.Generate(DemoNetwork.DefaultSeed, Now);

        Assert.Equal(Describe(_network), Describe(again));
    }

    private static List<string> Describe(DemoNetwork network)
    {
        var handles = network.People.ToDictionary(p => p.Id, p => p.Handle);
        var titles = network.Items.ToDictionary(i => i.Id, i => i.Title);
        return [.. network.Recommendations.Select(r => $"{handles[r.PersonId]} {titles[r.ItemId]} {r.Rating} {r.Topic} {r.Visibility} {r.Versions.Count} {r.Note}"),
            .. network.Collections.Select(c => $"{handles[c.OwnerId]} {c.Title} {c.Entries.Count} {c.Follows.Count}")];
    }
}
