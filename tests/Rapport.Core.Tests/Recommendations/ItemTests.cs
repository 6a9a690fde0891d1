using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Testing;

namespace Rapport.Core.Tests.Recommendations;

public sealed class ItemTests(RecommendationWorlds worlds) : IClassFixture<RecommendationWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Add_TheSameCanonicalUrl_AnswersTheExistingItem(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var path = Guid.NewGuid().ToString("N");

        var first = await world.RunAsync((AddItem uc) => uc.ExecuteAsync(
            ada.Id, new ItemInput(ItemKind.Link, "  Tides  ", "About **tides**.<script>x</script>", $"https://Tides.Example/{path}/?utm_source=a&b=1#top", ["  Oceans ", "oceans"]), Ct));
        var again = await world.RunAsync((AddItem uc) => uc.ExecuteAsync(
            bo.Id, new ItemInput(ItemKind.Video, "Other title", null, $"https://tides.example:443/{path}?b=1&fbclid=q", []), Ct));

        Assert.True(first.Value!.Created);
        Assert.False(again.Value!.Created);
        var item = first.Value.Item;
        Assert.Equal((item.Id, "Tides", ItemKind.Link), (again.Value.Item.Id, again.Value.Item.Title, again.Value.Item.Kind));
        Assert.Equal($"https://tides.example/{path}?b=1", item.Url);
        Assert.Equal(["oceans"], item.Topics);
        Assert.Contains("<strong>tides</strong>", item.DescriptionHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", item.DescriptionHtml, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Add_BadInput_NamesEveryFieldAndAddsNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var before = await world.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Items, Ct));

        var outcome = await world.RunAsync((AddItem uc) => uc.ExecuteAsync(
            ada.Id, new ItemInput((ItemKind)42, " ", new string('x', Item.DescriptionMaxLength + 1), "javascript:alert(1)",
                Enumerable.Range(0, Item.MaxTopics + 1).Select(i => $"topic {i}").ToList()), Ct));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["description", "kind", "title", "topics", "url"], outcome.Errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await world.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Items, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Add_BeyondTheDailyLimit_IsConflict(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        for (var i = 0; i < Item.MaxCreatedPerDay; i++)
        {
            await world.ItemAsync(ada, $"Thought {i}", kind: ItemKind.Thought);
        }

        var refused = await world.RunAsync((AddItem uc) => uc.ExecuteAsync(ada.Id, new ItemInput(ItemKind.Thought, "One more", null, null, null), Ct));
        world.Clock.Advance(TimeSpan.FromDays(1));
        var later = await world.RunAsync((AddItem uc) => uc.ExecuteAsync(ada.Id, new ItemInput(ItemKind.Thought, "Next day", null, null, null), Ct));

        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.True(later.Succeeded);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Search_MatchesTitleWordsCaseInsensitively_AndFiltersByTopicAndKind(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var word = $"Zq{Guid.NewGuid():N}"[..12];
        var book = await world.ItemAsync(ada, $"The {word} book", kind: ItemKind.Book, topics: ["sailing"]);
        world.Clock.Advance(TimeSpan.FromSeconds(1)); // newest first
        var video = await world.ItemAsync(ada, $"{word.ToUpperInvariant()} video", kind: ItemKind.Video);
        await world.ItemAsync(ada, "Unrelated 100% title_x");

        var all = await world.RunAsync((SearchItems uc) => uc.ExecuteAsync(new ItemSearch(word.ToLowerInvariant()), new PageRequest(), Ct));
        var sailing = await world.RunAsync((SearchItems uc) => uc.ExecuteAsync(new ItemSearch(word, "Sailing"), new PageRequest(), Ct));
        var videos = await world.RunAsync((SearchItems uc) => uc.ExecuteAsync(new ItemSearch(word, null, ItemKind.Video), new PageRequest(), Ct));
        var wildcard = await world.RunAsync((SearchItems uc) => uc.ExecuteAsync(new ItemSearch("%"), new PageRequest(Limit: 100), Ct));

        Assert.Equal([video.Id, book.Id], all.Value!.Items.Select(i => i.Id));
        Assert.Equal([book.Id], sailing.Value!.Items.Select(i => i.Id));
        Assert.Equal([video.Id], videos.Value!.Items.Select(i => i.Id));
        Assert.All(wildcard.Value!.Items, i => Assert.Contains("%", i.Title, StringComparison.Ordinal));
    }
}
