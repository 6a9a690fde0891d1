using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.People;

public sealed class GetProfileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_ByHandle_ShowsCompetencesInOrderAndCommunitiesWithRoles(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino", "Aino", ("sailing", null), ("piloting", "Turku"), ("piloting", null));
        var bruno = await fixture.AddPersonAsync("bruno");
        await fixture.AddMembershipAsync(aino, "harbour-pilots", "Harbour pilots", CommunityRole.Host);
        await fixture.AddMembershipAsync(aino, "bakers", "Bakers", CommunityRole.Member);

        var outcome = await fixture.RunAsync(db => new GetProfile(db, PeopleFixture.Markdown).ExecuteAsync("@AINO", bruno.AccountId, Ct));

        var profile = outcome.Value!;
        Assert.Equal(("aino", "Aino", false), (profile.Handle, profile.DisplayName, profile.IsViewer));
        Assert.Equal(["piloting", "piloting @ Turku", "sailing"], profile.Competences.Select(c => c.Context is null ? c.Topic : $"{c.Topic} @ {c.Context}"));
        Assert.Equal(
            [new CommunityMembershipView("Bakers", "bakers", CommunityRole.Member), new CommunityMembershipView("Harbour pilots", "harbour-pilots", CommunityRole.Host)],
            profile.Communities);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_WithoutHandle_IsTheViewersOwnProfile(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino");
        await fixture.AddPersonAsync("bruno");

        var outcome = await fixture.RunAsync(db => new GetProfile(db, PeopleFixture.Markdown).ExecuteAsync(null, aino.AccountId, Ct));

        Assert.Equal(("aino", true), (outcome.Value!.Handle, outcome.Value.IsViewer));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_WithUnknownOrMalformedHandle_IsNotFound(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino");

        foreach (var handle in new[] { "nobody", "", "   ", "a%", new string('a', 500) })
        {
            var outcome = await fixture.RunAsync(db => new GetProfile(db, PeopleFixture.Markdown).ExecuteAsync(handle, aino.AccountId, Ct));
            Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_RendersBioMarkdownWithoutScriptsOrJavascriptLinks(DatabaseProvider provider)
    {
        await using var fixture = await PeopleFixture.CreateAsync(provider);
        var aino = await fixture.AddPersonAsync("aino");
        await fixture.RunAsync(db => new EditProfile(db).ExecuteAsync(aino.AccountId,
            new ProfileEdit("Aino", "I **pilot**.\n\n<script>alert('bio')</script>\n\n[x](javascript:alert(1)) [ok](https://example.org)", Availability.Available, 5), Ct));

        var html = (await fixture.RunAsync(db => new GetProfile(db, PeopleFixture.Markdown).ExecuteAsync("aino", aino.AccountId, Ct))).Value!.BioHtml;

        Assert.Contains("<strong>pilot</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org\"", html, StringComparison.Ordinal);
    }
}
