using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Communities;

public sealed class CreateAndEditCommunityTests(CommunityWorlds worlds) : IClassFixture<CommunityWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CommunityFields Fields(string name = "Harbour pilots", MembershipMode? mode = MembershipMode.ByApplication, params string[] questions) =>
        new(name, "We *guide* ships.", "Be on time.", mode, questions);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_WithValidFields_StoresCommunityWithCreatorAsHost(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var creator = await world.PersonAsync();
        var slug = CommunityWorld.UniqueSlug();

        var outcome = await world.RunAsync((CreateCommunity uc) => uc.ExecuteAsync(
            creator.Id, "  " + slug.ToUpperInvariant() + " ", Fields("  Harbour pilots ", MembershipMode.ByApplication, "Why?", "  ", "Where do you sail?"), Ct));

        Assert.True(outcome.Succeeded);
        Assert.Equal(slug, outcome.Value!.Slug);
        var stored = await world.ReadAsync(db => db.Communities.Include(c => c.Questions).Include(c => c.Memberships).SingleAsync(c => c.Slug == slug, Ct));
        Assert.Equal("Harbour pilots", stored.Name);
        Assert.Equal(["Why?", "Where do you sail?"], stored.Questions.OrderBy(q => q.Position).Select(q => q.Text));
        var membership = Assert.Single(stored.Memberships);
        Assert.Equal((creator.Id, CommunityRole.Host), (membership.PersonId, membership.Role));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_WithTakenSlug_IsInvalidOnSlug(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var creator = await world.PersonAsync();
        var slug = await world.CommunityAsync(creator, MembershipMode.Open);

        var outcome = await world.RunAsync((CreateCommunity uc) => uc.ExecuteAsync(creator.Id, slug, Fields(), Ct));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["That address is taken."], outcome.Errors.For("slug"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_WithReservedOrMalformedSlug_IsInvalidOnSlug(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var creator = await world.PersonAsync();

        foreach (var slug in new[] { "new", "edit", "ab", new string('a', 41), "under_score", "-dash", "dash-", "spa ce", "", null })
        {
            var outcome = await world.RunAsync((CreateCommunity uc) => uc.ExecuteAsync(creator.Id, slug, Fields(), Ct));
            Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
            Assert.NotEmpty(outcome.Errors.For("slug"));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_WithOversizedFields_IsInvalidOnEachFieldAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var creator = await world.PersonAsync();
        var slug = CommunityWorld.UniqueSlug();
        var fields = new CommunityFields(
            new string('n', Community.NameMaxLength + 1),
            new string('d', Community.DescriptionMaxLength + 1),
            new string('r', Community.NormsMaxLength + 1),
            null,
            Enumerable.Range(1, Community.MaxQuestions).Select(i => $"Question {i}?").Append(new string('q', ApplicationQuestion.TextMaxLength + 1)).ToList());

        var outcome = await world.RunAsync((CreateCommunity uc) => uc.ExecuteAsync(creator.Id, slug, fields, Ct));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        foreach (var field in new[] { "name", "description", "norms", "membershipMode", "questions", $"questions[{Community.MaxQuestions}]" })
        {
            Assert.NotEmpty(outcome.Errors.For(field));
        }

        Assert.False(await world.ReadAsync(db => db.Communities.AnyAsync(c => c.Slug == slug, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_WithBlankName_IsInvalidOnName(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var creator = await world.PersonAsync();

        var outcome = await world.RunAsync((CreateCommunity uc) => uc.ExecuteAsync(creator.Id, CommunityWorld.UniqueSlug(), Fields("   "), Ct));

        Assert.Equal(["Name is required."], outcome.Errors.For("name"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_WithControlCharactersInName_IsInvalidOnNameAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var creator = await world.PersonAsync();
        var slug = CommunityWorld.UniqueSlug();

        var outcome = await world.RunAsync((CreateCommunity uc) => uc.ExecuteAsync(creator.Id, slug, Fields("Bell\u0007 club"), Ct));

        Assert.Equal(["Name cannot contain control characters."], outcome.Errors.For("name"));
        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((GetCommunity uc) => uc.ExecuteAsync(creator.Id, slug, Ct))).Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Edit_ByHost_ChangesTextsModeAndQuestions(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open, "Old question?");

        var outcome = await world.RunAsync((EditCommunity uc) => uc.ExecuteAsync(host.Id, slug,
            new CommunityFields("New name", "New description", "New norms", MembershipMode.ByApplication, ["First?", "Second?"]), Ct));

        Assert.True(outcome.Succeeded);
        var stored = await world.ReadAsync(db => db.Communities.Include(c => c.Questions).SingleAsync(c => c.Slug == slug, Ct));
        Assert.Equal(("New name", "New description", "New norms", MembershipMode.ByApplication),
            (stored.Name, stored.Description, stored.Norms, stored.MembershipMode));
        Assert.Equal(["First?", "Second?"], stored.Questions.OrderBy(q => q.Position).Select(q => q.Text));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Edit_ByMemberOrStrangerOrOnMissingCommunity_IsNotFoundAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var member = await world.PersonAsync();
        var stranger = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open, "Kept?");
        await world.JoinAsync(host, slug, member);
        var fields = new CommunityFields("Taken over", "", "", MembershipMode.Open, []);

        foreach (var (person, target) in new[] { (member, slug), (stranger, slug), (host, CommunityWorld.UniqueSlug()) })
        {
            var outcome = await world.RunAsync((EditCommunity uc) => uc.ExecuteAsync(person.Id, target, fields, Ct));
            Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
        }

        var stored = await world.ReadAsync(db => db.Communities.Include(c => c.Questions).SingleAsync(c => c.Slug == slug, Ct));
        Assert.Equal($"Community {slug}", stored.Name);
        Assert.Equal("Kept?", Assert.Single(stored.Questions).Text);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Edit_WithInvalidFields_IsInvalidAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open, "Kept?");

        var outcome = await world.RunAsync((EditCommunity uc) => uc.ExecuteAsync(host.Id, slug,
            new CommunityFields("", "ok", "ok", MembershipMode.ByApplication, ["Replaced?", new string('q', 501)]), Ct));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.NotEmpty(outcome.Errors.For("name"));
        Assert.NotEmpty(outcome.Errors.For("questions[1]"));
        var stored = await world.ReadAsync(db => db.Communities.Include(c => c.Questions).SingleAsync(c => c.Slug == slug, Ct));
        Assert.Equal((MembershipMode.Open, "Kept?"), (stored.MembershipMode, Assert.Single(stored.Questions).Text));
    }
}
