using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.People;

public sealed class EditProfileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ProfileEdit ValidEdit(IReadOnlyList<CompetenceInput?>? competences = null) =>
        new("Aino Virtanen", "I *pilot* ships.", Availability.Busy, 7, competences);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_WithValidEdit_SavesFieldsAndNormalizesAndMergesCompetences(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino");

        var outcome = await fixture.RunAsync(db => new EditProfile(db).ExecuteAsync(aino.AccountId, ValidEdit(
        [
            new("  Piloting ", " Helsinki harbour "),
            new("PILOTING", "helsinki HARBOUR"),
            new("Sourdough   Baking", "  "),
            new("ＡＩ safety"),
        ]), Ct));

        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        var stored = await fixture.ReloadAsync(aino);
        Assert.Equal("Aino Virtanen", stored.DisplayName);
        Assert.Equal("I *pilot* ships.", stored.Bio);
        Assert.Equal(Availability.Busy, stored.Availability);
        Assert.Equal(7, stored.AttentionBudget);
        Assert.Equal(
            ["ai safety", "piloting @ Helsinki harbour", "sourdough baking"],
            stored.Competences.Select(c => c.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_ReplacingCompetences_KeepsIdsOfThoseThatStayAndRemovesTheRest(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino", null, ("piloting", "Helsinki harbour"), ("knitting", null));
        var before = await fixture.ReloadAsync(aino);
        var pilotingId = before.Competences.Single(c => c.Topic == "piloting").Id;

        await fixture.RunAsync(db => new EditProfile(db).ExecuteAsync(aino.AccountId, ValidEdit(
            [new("Piloting", "Helsinki harbour"), new("sailing")]), Ct));

        var after = await fixture.ReloadAsync(aino);
        Assert.Equal(["piloting @ Helsinki harbour", "sailing"], after.Competences.Select(c => c.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(pilotingId, after.Competences.Single(c => c.Topic == "piloting").Id);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_WithoutCompetenceList_LeavesCompetencesAlone(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino", null, ("piloting", null));

        var outcome = await fixture.RunAsync(db => new EditProfile(db).ExecuteAsync(aino.AccountId, ValidEdit(competences: null), Ct));

        Assert.True(outcome.Succeeded);
        Assert.Equal("piloting", Assert.Single((await fixture.ReloadAsync(aino)).Competences).Topic);
    }

    private static readonly ProfileEdit Valid = ValidEdit([new("piloting")]);

    /// <summary>Named bad edits and the field each must be reported on.</summary>
    private static readonly Dictionary<string, (string Field, ProfileEdit Edit)> BadEdits = new()
    {
        ["blank name"] = ("displayName", Valid with { DisplayName = "   " }),
        ["long name"] = ("displayName", Valid with { DisplayName = new string('n', Person.DisplayNameMaxLength + 1) }),
        ["name with newline"] = ("displayName", Valid with { DisplayName = "Aino\nVirtanen" }),
        ["long bio"] = ("bio", Valid with { Bio = new string('b', Person.BioMaxLength + 1) }),
        ["no availability"] = ("availability", Valid with { Availability = null }),
        ["unknown availability"] = ("availability", Valid with { Availability = (Availability)7 }),
        ["negative budget"] = ("attentionBudget", Valid with { AttentionBudget = -1 }),
        ["budget over max"] = ("attentionBudget", Valid with { AttentionBudget = Person.MaxAttentionBudget + 1 }),
        ["no budget"] = ("attentionBudget", Valid with { AttentionBudget = null }),
        ["blank third topic"] = ("competences[2].topic", Valid with { Competences = [new("piloting"), new("sailing"), new("   ")] }),
        ["long topic"] = ("competences[1].topic", Valid with { Competences = [new("piloting"), new(new string('t', 61))] }),
        ["long context"] = ("competences[0].context", Valid with { Competences = [new("piloting", new string('c', Competence.ContextMaxLength + 1))] }),
        ["null competence"] = ("competences[0].topic", Valid with { Competences = [null] }),
        ["too many competences"] = ("competences", Valid with
        {
            Competences = [.. Enumerable.Range(0, Person.MaxCompetences + 1).Select(i => new CompetenceInput($"topic {i}"))],
        }),
    };

    public static TheoryData<DatabaseProvider, string> InvalidEdits()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            foreach (var name in BadEdits.Keys)
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidEdits))]
    public async Task Execute_WithInvalidField_IsInvalidOnThatFieldAndChangesNothing(DatabaseProvider provider, string badEdit)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino", "Aino", ("knitting", null));
        var (field, edit) = BadEdits[badEdit];

        var outcome = await fixture.RunAsync(db => new EditProfile(db).ExecuteAsync(aino.AccountId, edit, Ct));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.NotEmpty(outcome.Errors.For(field));
        var stored = await fixture.ReloadAsync(aino);
        Assert.Equal("Aino", stored.DisplayName);
        Assert.Equal("", stored.Bio);
        Assert.Equal("knitting", Assert.Single(stored.Competences).Topic);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_AtEveryLimit_IsAccepted(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino");
        // Browsers send \r\n; counted as one character, a 4,000-character bio with line breaks still fits.
        var bio = string.Concat(Enumerable.Repeat(new string('b', 99) + "\r\n", Person.BioMaxLength / 100)).TrimEnd();
        var edit = new ProfileEdit(new string('n', Person.DisplayNameMaxLength), bio, Availability.Away, Person.MaxAttentionBudget,
            [.. Enumerable.Range(0, Person.MaxCompetences).Select(i => new CompetenceInput($"topic {i}", new string('c', Competence.ContextMaxLength)))]);

        var outcome = await fixture.RunAsync(db => new EditProfile(db).ExecuteAsync(aino.AccountId, edit, Ct));

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        var stored = await fixture.ReloadAsync(aino);
        Assert.Equal(Person.MaxCompetences, stored.Competences.Count);
        Assert.Equal(bio.ReplaceLineEndings("\n"), stored.Bio);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_EditsOnlyTheCallersOwnProfile(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino", "Aino");
        var bruno = await fixture.AddPersonAsync("bruno", "Bruno");

        await fixture.RunAsync(db => new EditProfile(db).ExecuteAsync(aino.AccountId, ValidEdit(), Ct));

        Assert.Equal("Aino Virtanen", (await fixture.ReloadAsync(aino)).DisplayName);
        Assert.Equal("Bruno", (await fixture.ReloadAsync(bruno)).DisplayName);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_ForAccountWithoutPerson_IsNotFound(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);

        var outcome = await fixture.RunAsync(db => new EditProfile(db).ExecuteAsync("no-such-account", ValidEdit(), Ct));

        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
    }
}
