using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.People;

public sealed class FindPeopleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PeoplePage> FindAsync(PeopleFixture fixture, PeopleQuery query)
    {
        var outcome = await fixture.RunAsync(db => new FindPeople(db).ExecuteAsync(query, Ct));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.ToDictionary().Keys));
        return outcome.Value!;
    }

    private static async Task<PeopleFixture> NetworkAsync(DatabaseProvider provider)
    {
        var fixture = await PeopleFixture.CreateAsync(provider);
        await fixture.AddPersonAsync("aino_v", "Aino Virtanen", ("piloting", "Helsinki harbour"));
        await fixture.AddPersonAsync("bruno", "Bruno Öberg", ("öffentliche verwaltung", "Kiel"));
        await fixture.AddPersonAsync("chen", "Chen Li", ("sourdough baking", "ÄMTER in Kiel"));
        await fixture.AddPersonAsync("dana", "dana ruiz", ("piloting", null), ("sailing", null));
        return fixture;
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_MatchesNameHandleTopicAndContextIgnoringCase(DatabaseProvider provider)
    {
        await using var fixture = await NetworkAsync(provider);

        Assert.Equal(["aino_v"], (await FindAsync(fixture, new("VIRTANEN"))).Items.Select(p => p.Handle));
        Assert.Equal(["bruno"], (await FindAsync(fixture, new("öberg"))).Items.Select(p => p.Handle));
        Assert.Equal(["bruno"], (await FindAsync(fixture, new("ÖFFENTLICHE"))).Items.Select(p => p.Handle));
        Assert.Equal(["chen"], (await FindAsync(fixture, new("ämter"))).Items.Select(p => p.Handle));
        Assert.Equal(["bruno", "chen"], (await FindAsync(fixture, new("kiel"))).Items.Select(p => p.Handle));
        Assert.Equal(["aino_v", "dana"], (await FindAsync(fixture, new("Piloting"))).Items.Select(p => p.Handle));
        Assert.Equal(["aino_v"], (await FindAsync(fixture, new("helsinki HARBOUR"))).Items.Select(p => p.Handle));
        Assert.Equal(["dana"], (await FindAsync(fixture, new("@DANA"))).Items.Select(p => p.Handle));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_TreatsLikeWildcardsAsPlainText(DatabaseProvider provider)
    {
        await using var fixture = await NetworkAsync(provider);

        Assert.Equal(["aino_v"], (await FindAsync(fixture, new("o_v"))).Items.Select(p => p.Handle));
        Assert.Empty((await FindAsync(fixture, new("%"))).Items);
        Assert.Empty((await FindAsync(fixture, new("n_v"))).Items);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_WithTopicFilter_KeepsExactNormalizedTopicOnly(DatabaseProvider provider)
    {
        await using var fixture = await NetworkAsync(provider);

        Assert.Equal(["aino_v", "dana"], (await FindAsync(fixture, new(Topic: "  PILOTING "))).Items.Select(p => p.Handle));
        Assert.Empty((await FindAsync(fixture, new(Topic: "pilot"))).Items);
        Assert.Equal(["dana"], (await FindAsync(fixture, new("ruiz", "piloting"))).Items.Select(p => p.Handle));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_PagesInNameOrderWithTotal(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        // Same name twice: the handle breaks the tie, so pages never overlap or skip anyone.
        foreach (var (handle, name) in new[] { ("p5", "Eve"), ("p1", "alma"), ("p4", "Dora"), ("p3", "Cleo"), ("p2b", "Bo"), ("p2a", "bo") })
        {
            await fixture.AddPersonAsync(handle, name, ("topic", null));
        }

        var first = await FindAsync(fixture, new(Limit: 4));
        var second = await FindAsync(fixture, new(Limit: 4, Offset: 4));

        Assert.Equal(6, first.Total);
        Assert.Equal(6, second.Total);
        Assert.Equal(["p1", "p2a", "p2b", "p3"], first.Items.Select(p => p.Handle));
        Assert.Equal(["p4", "p5"], second.Items.Select(p => p.Handle));
        Assert.Equal(20, (await FindAsync(fixture, new())).Limit);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_ListsEachPersonsCompetences(DatabaseProvider provider)
    {
        await using var fixture = await NetworkAsync(provider);

        var dana = Assert.Single((await FindAsync(fixture, new("dana"))).Items);

        Assert.Equal(["piloting", "sailing"], dana.Competences.Select(c => c.Topic));
        Assert.Equal(Availability.Available, dana.Availability);
    }

    [Fact]
    public async Task Execute_AtMaximumOffset_IsAnEmptyPage()
    {
        await using var fixture = await PeopleFixture.CreateAsync(DatabaseProvider.Sqlite);

        var outcome = await fixture.RunAsync(db => new FindPeople(db).ExecuteAsync(new(Offset: PeopleQuery.MaxOffset), Ct));

        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        Assert.Empty(outcome.Value!.Items);
    }

    [Theory]
    [InlineData("q", 101, null, null, null)]
    [InlineData("limit", 0, null, 0, null)]
    [InlineData("limit", 0, null, 51, null)]
    [InlineData("offset", 0, null, null, -1)]
    [InlineData("offset", 0, null, null, PeopleQuery.MaxOffset + 1)]
    [InlineData("topic", 0, "bad\u0001topic", null, null)]
    public async Task Execute_WithBadParameter_IsInvalidOnThatField(string field, int textLength, string? topic, int? limit, int? offset)
    {
        await using var fixture = await PeopleFixture.CreateAsync(DatabaseProvider.Sqlite);

        var outcome = await fixture.RunAsync(db => new FindPeople(db).ExecuteAsync(new(new string('x', textLength), topic, limit, offset), Ct));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.NotEmpty(outcome.Errors.For(field));
    }
}
