using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Recommendations;

public sealed class RecommendationHistoryOrderTests(RecommendationWorlds worlds) : IClassFixture<RecommendationWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task History_OfChangesWithinOneInstant_IsInTheOrderTheyHappened(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var item = await world.ItemAsync(ada);
        // The clock does not move: every version has the same instant, so only the number orders them.
        var first = await world.RecommendAsync(ada, item, 1);
        foreach (var rating in new[] { 2, 3, 4, 5 })
        {
            await world.RunAsync((Recommend uc) => uc.ExecuteAsync(ada.Id, item.Id, new RecommendationInput(rating, "", null, TrustVisibility.Public, null), Ct));
        }

        await world.RunAsync((RevokeRecommendation uc) => uc.ExecuteAsync(ada.Id, first.Id, Ct));

        var history = await world.RunAsync((GetRecommendationHistory uc) => uc.ExecuteAsync(ada.Id, first.Id, Ct));
        Assert.Equal([1, 2, 3, 4, 5, 5], history.Value!.Versions.Select(v => v.Rating ?? 0));
        Assert.Equal(TrustStatementEvent.Revoked, history.Value.Versions[^1].Event);
        Assert.Equal([1, 2, 3, 4, 5, 6], await world.ReadAsync(db => db.RecommendationVersions.Where(v => v.RecommendationId == first.Id)
            .OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(Ct)));
    }
}
