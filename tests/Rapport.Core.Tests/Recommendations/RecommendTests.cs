using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Recommendations;

public sealed class RecommendTests(RecommendationWorlds worlds) : IClassFixture<RecommendationWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Recommend_Again_ChangesTheSameRecommendationAndKeepsHistory(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var item = await world.ItemAsync(ada);
        var first = await world.RecommendAsync(ada, item, 4, note: "Good **read**.<script>x</script>", topic: " Sailing ");
        world.Clock.Advance(TimeSpan.FromHours(1));

        var second = await world.RunAsync((Recommend uc) => uc.ExecuteAsync(ada.Id, item.Id, new RecommendationInput(null, "Endorsed.", null, TrustVisibility.Private, null), Ct));
        var history = await world.RunAsync((GetRecommendationHistory uc) => uc.ExecuteAsync(ada.Id, first.Id, Ct));

        Assert.Equal("sailing", first.Topic);
        Assert.Contains("<strong>read</strong>", first.NoteHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", first.NoteHtml, StringComparison.Ordinal);
        Assert.False(second.Value!.Created);
        Assert.Equal((first.Id, null, true, TrustVisibility.Private), (second.Value.Recommendation.Id, second.Value.Recommendation.Rating, second.Value.Recommendation.IsEndorsement, second.Value.Recommendation.Visibility));
        Assert.Equal(
            [(TrustStatementEvent.Stated, (int?)4, TrustVisibility.Public), (TrustStatementEvent.Changed, null, TrustVisibility.Private)],
            history.Value!.Versions.Select(v => (v.Event, v.Rating, v.Visibility)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Revoke_HidesItFromOthers_KeepsItForItsAuthor_AndRecommendingAgainRestatesIt(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var item = await world.ItemAsync(ada);
        var rec = await world.RecommendAsync(ada, item);

        Assert.True((await world.RunAsync((RevokeRecommendation uc) => uc.ExecuteAsync(ada.Id, rec.Id, Ct))).Succeeded);
        var byOther = await world.RunAsync((RevokeRecommendation uc) => uc.ExecuteAsync(bo.Id, rec.Id, Ct));

        Assert.Equal(OutcomeKind.NotFound, byOther.Kind);
        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((GetRecommendation uc) => uc.ExecuteAsync(bo.Id, rec.Id, Ct))).Kind);
        Assert.True((await world.RunAsync((GetRecommendation uc) => uc.ExecuteAsync(ada.Id, rec.Id, Ct))).Value!.IsRevoked);
        Assert.Empty((await world.RunAsync((ListRecommendations uc) => uc.ExecuteAsync(ada.Id, new RecommendationFilter(Mine: true), new PageRequest(), Ct))).Value!.Items);
        Assert.Single((await world.RunAsync((ListRecommendations uc) => uc.ExecuteAsync(ada.Id, new RecommendationFilter(Mine: true, IncludeRevoked: true), new PageRequest(), Ct))).Value!.Items);

        var again = await world.RecommendAsync(ada, item, 3);
        Assert.Equal((rec.Id, false), (again.Id, again.IsRevoked));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Recommend_BadInput_ChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var item = await world.ItemAsync(ada);
        var before = await world.ReadAsync(db => db.Recommendations.CountAsync(Ct));

        var bad = await world.RunAsync((Recommend uc) => uc.ExecuteAsync(
            ada.Id, item.Id, new RecommendationInput(6, new string('x', Recommendation.NoteMaxLength + 1), null, TrustVisibility.Community, null), Ct));
        var notMine = await world.RunAsync((Recommend uc) => uc.ExecuteAsync(
            ada.Id, item.Id, new RecommendationInput(3, null, null, TrustVisibility.Community, "no-such-community"), Ct));
        var missing = await world.RunAsync((Recommend uc) => uc.ExecuteAsync(ada.Id, Guid.NewGuid(), new RecommendationInput(3, null, null, TrustVisibility.Public, null), Ct));

        Assert.Equal(["community", "note", "rating"], bad.Errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["community"], notMine.Errors.ToDictionary().Keys);
        Assert.Equal(OutcomeKind.NotFound, missing.Kind);
        Assert.Equal(before, await world.ReadAsync(db => db.Recommendations.CountAsync(Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Recommend_BeyondTheDailyLimit_IsConflict_ButRevokingIsNot(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var item = await world.ItemAsync(ada);
        RecommendationView? rec = null;
        for (var i = 0; i < Recommendation.MaxChangesPerDay; i++)
        {
            rec = await world.RecommendAsync(ada, item, i % 2 == 0 ? 4 : 5);
        }

        var refused = await world.RunAsync((Recommend uc) => uc.ExecuteAsync(ada.Id, item.Id, new RecommendationInput(1, null, null, TrustVisibility.Public, null), Ct));
        var revoked = await world.RunAsync((RevokeRecommendation uc) => uc.ExecuteAsync(ada.Id, rec!.Id, Ct));

        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.True(revoked.Succeeded);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CommunityRecommendation_OfSomeoneWhoLeft_CountsAsPrivate(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, ada, bo);
        var item = await world.ItemAsync(ada);
        var rec = await world.RecommendAsync(ada, item, visibility: TrustVisibility.Community, community: slug);
        Assert.True((await world.RunAsync((GetRecommendation uc) => uc.ExecuteAsync(bo.Id, rec.Id, Ct))).Succeeded);

        await world.LeaveAsync(slug, ada);

        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((GetRecommendation uc) => uc.ExecuteAsync(bo.Id, rec.Id, Ct))).Kind);
        Assert.Empty((await world.RunAsync((ListRecommendations uc) => uc.ExecuteAsync(bo.Id, new RecommendationFilter(ItemId: item.Id), new PageRequest(), Ct))).Value!.Items);
        var own = await world.RunAsync((GetRecommendation uc) => uc.ExecuteAsync(ada.Id, rec.Id, Ct));
        Assert.True(own.Value!.CommunityLapsed);
    }
}
