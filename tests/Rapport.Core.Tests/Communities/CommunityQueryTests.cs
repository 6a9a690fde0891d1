using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Communities;

public sealed class CommunityQueryTests(CommunityWorlds worlds) : IClassFixture<CommunityWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task List_WithSearch_MatchesNameCaseInsensitivelyWithMemberCounts(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var member = await world.PersonAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        foreach (var name in new[] { $"Zebra {marker} Club", $"alpha {marker.ToUpperInvariant()} guild", "Unrelated" })
        {
            await world.RunAsync((CreateCommunity uc) => uc.ExecuteAsync(host.Id, CommunityWorld.UniqueSlug(), new CommunityFields(name, "", "", MembershipMode.Open, []), Ct));
        }

        var first = await world.RunAsync((ListCommunities uc) => uc.ExecuteAsync(marker, new PageRequest(Limit: 1), Ct));
        await world.JoinAsync(host, first.Value!.Items[0].Slug, member);
        var all = await world.RunAsync((ListCommunities uc) => uc.ExecuteAsync($"  {marker.ToUpperInvariant()} ", new PageRequest(), Ct));

        Assert.Equal((2, true), (first.Value.Total, first.Value.HasNext));
        Assert.Equal([$"alpha {marker.ToUpperInvariant()} guild", $"Zebra {marker} Club"], all.Value!.Items.Select(c => c.Name));
        Assert.Equal([2, 1], all.Value.Items.Select(c => c.MemberCount));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task List_WithNonAsciiSearch_MatchesNameCaseInsensitively(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var name = $"Ärzte ohne Grenzen {marker}";
        await world.RunAsync((CreateCommunity uc) => uc.ExecuteAsync(host.Id, CommunityWorld.UniqueSlug(), new CommunityFields(name, "", "", MembershipMode.Open, []), Ct));

        var found = await world.RunAsync((ListCommunities uc) => uc.ExecuteAsync($"ärzte ohne grenzen {marker}", new PageRequest(), Ct));

        Assert.Equal([name], found.Value!.Items.Select(c => c.Name));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task List_WithBadPagingOrLongQuery_IsInvalid(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);

        var outcome = await world.RunAsync((ListCommunities uc) => uc.ExecuteAsync(new string('q', 101), new PageRequest(0, -1), Ct));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.NotEmpty(outcome.Errors.For("limit"));
        Assert.NotEmpty(outcome.Errors.For("offset"));
        Assert.NotEmpty(outcome.Errors.For("q"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Get_RendersSanitizedMarkdownAndListsHostsFirstWithCompetences(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync(("navigation", null));
        var member = await world.PersonAsync(("piloting", "Helsinki harbour"));
        var slug = CommunityWorld.UniqueSlug();
        await world.RunAsync((CreateCommunity uc) => uc.ExecuteAsync(host.Id, slug,
            new CommunityFields("Pilots", "Hi <script>alert(1)</script> [x](javascript:alert(1)) **bold**", "1. Be kind", MembershipMode.Open, []), Ct));
        await world.JoinAsync(host, slug, member);

        var detail = (await world.RunAsync((GetCommunity uc) => uc.ExecuteAsync(member.Id, slug, Ct))).Value!;

        Assert.DoesNotContain("<script", detail.DescriptionHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", detail.DescriptionHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>bold</strong>", detail.DescriptionHtml, StringComparison.Ordinal);
        Assert.Contains("<ol>", detail.NormsHtml, StringComparison.Ordinal);
        Assert.Equal(CommunityRole.Member, detail.ViewerRole);
        Assert.Equal([(host.Handle, CommunityRole.Host), (member.Handle, CommunityRole.Member)], detail.Members.Select(m => (m.Person.Handle, m.Role)));
        Assert.Equal(new CompetenceTag("piloting", "Helsinki harbour"), detail.Members[1].Person.Competences.Single());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Get_MissingSlug_IsNotFound(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var viewer = await world.PersonAsync();

        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((GetCommunity uc) => uc.ExecuteAsync(viewer.Id, "no-such-place", Ct))).Kind);
    }
}
