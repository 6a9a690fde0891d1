using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.People;

public sealed class CompetenceChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Add_NormalizesTopicAndTrimsContext(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino");

        var outcome = await fixture.RunAsync(db => new AddCompetence(db).ExecuteAsync(aino.AccountId, new("  Öffentliche  VERWALTUNG ", " Turku "), Ct));

        Assert.True(outcome.Value!.Created);
        Assert.Equal(("öffentliche verwaltung", "Turku"), (outcome.Value.Competence.Topic, outcome.Value.Competence.Context));
        Assert.Equal("öffentliche verwaltung @ Turku", Assert.Single((await fixture.ReloadAsync(aino)).Competences).ToString());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Add_ExistingCompetence_MergesIntoTheExistingOne(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino", null, ("piloting", "Helsinki harbour"));

        var outcome = await fixture.RunAsync(db => new AddCompetence(db).ExecuteAsync(aino.AccountId, new("PILOTING", "helsinki harbour"), Ct));

        Assert.False(outcome.Value!.Created);
        Assert.Equal("Helsinki harbour", outcome.Value.Competence.Context);
        Assert.Single((await fixture.ReloadAsync(aino)).Competences);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Add_WithInvalidTopic_IsInvalidOnTopicAndChangesNothing(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino");

        var outcome = await fixture.RunAsync(db => new AddCompetence(db).ExecuteAsync(aino.AccountId, new("bad\u0001topic", new string('c', 81)), Ct));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.NotEmpty(outcome.Errors.For("topic"));
        Assert.NotEmpty(outcome.Errors.For("context"));
        Assert.Empty((await fixture.ReloadAsync(aino)).Competences);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Add_BeyondTheMaximum_IsConflictAndChangesNothing(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino", null, [.. Enumerable.Range(0, Person.MaxCompetences).Select(i => ($"topic {i}", (string?)null))]);

        var outcome = await fixture.RunAsync(db => new AddCompetence(db).ExecuteAsync(aino.AccountId, new("one more"), Ct));

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Equal(Person.MaxCompetences, (await fixture.ReloadAsync(aino)).Competences.Count);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Remove_OwnCompetence_RemovesIt(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino", null, ("piloting", null), ("sailing", null));
        var piloting = (await fixture.ReloadAsync(aino)).Competences.Single(c => c.Topic == "piloting");

        var outcome = await fixture.RunAsync(db => new RemoveCompetence(db).ExecuteAsync(aino.AccountId, piloting.Id, Ct));

        Assert.True(outcome.Succeeded);
        Assert.Equal("sailing", Assert.Single((await fixture.ReloadAsync(aino)).Competences).Topic);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Remove_SomeoneElsesCompetence_IsNotFoundAndChangesNothing(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino");
        var bruno = await fixture.AddPersonAsync("bruno", null, ("sailing", null));
        var sailing = Assert.Single((await fixture.ReloadAsync(bruno)).Competences);

        var outcome = await fixture.RunAsync(db => new RemoveCompetence(db).ExecuteAsync(aino.AccountId, sailing.Id, Ct));

        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
        Assert.Single((await fixture.ReloadAsync(bruno)).Competences);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Replace_WithNoList_IsInvalidAndChangesNothing(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino", null, ("piloting", null));

        var outcome = await fixture.RunAsync(db => new ReplaceCompetences(db).ExecuteAsync(aino.AccountId, null, Ct));

        Assert.NotEmpty(outcome.Errors.For("competences"));
        Assert.Single((await fixture.ReloadAsync(aino)).Competences);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Replace_WithEmptyList_RemovesAll(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino", null, ("piloting", null));

        var outcome = await fixture.RunAsync(db => new ReplaceCompetences(db).ExecuteAsync(aino.AccountId, [], Ct));

        Assert.Empty(outcome.Value!);
        Assert.Empty((await fixture.ReloadAsync(aino)).Competences);
    }
}
