using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Communities;

public sealed class JoinAndLeaveTests(CommunityWorlds worlds) : IClassFixture<CommunityWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<CommunityRole?> RoleAsync(CommunityWorld world, string slug, Guid personId) =>
        world.ReadAsync(db => db.Memberships.Where(m => m.Community!.Slug == slug && m.PersonId == personId)
            .Select(m => (CommunityRole?)m.Role).SingleOrDefaultAsync(Ct));

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Join_OpenCommunity_MakesMember(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var joiner = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);

        var outcome = await world.RunAsync((JoinCommunity uc) => uc.ExecuteAsync(joiner.Id, slug, Ct));

        Assert.Equal(CommunityRole.Member, outcome.Value);
        Assert.Equal(CommunityRole.Member, await RoleAsync(world, slug, joiner.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Join_WhenAlreadyMember_IsOkAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);

        var outcome = await world.RunAsync((JoinCommunity uc) => uc.ExecuteAsync(host.Id, slug, Ct));

        Assert.Equal(CommunityRole.Host, outcome.Value);
        Assert.Equal(1, await world.ReadAsync(db => db.Memberships.CountAsync(m => m.Community!.Slug == slug, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Join_ConcurrentRequestsFromOnePerson_MakeOneMembership(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var joiner = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            world.RunAsync((JoinCommunity uc) => uc.ExecuteAsync(joiner.Id, slug, Ct))));

        Assert.All(outcomes, o => Assert.Equal(CommunityRole.Member, o.Value));
        Assert.Equal(2, await world.ReadAsync(db => db.Memberships.CountAsync(m => m.Community!.Slug == slug, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Join_CommunityByApplicationOrInvitation_IsConflictAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var joiner = await world.PersonAsync();

        foreach (var mode in new[] { MembershipMode.ByApplication, MembershipMode.ByInvitation })
        {
            var slug = await world.CommunityAsync(host, mode);
            var outcome = await world.RunAsync((JoinCommunity uc) => uc.ExecuteAsync(joiner.Id, slug, Ct));
            Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
            Assert.Null(await RoleAsync(world, slug, joiner.Id));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Join_MissingCommunity_IsNotFound(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var joiner = await world.PersonAsync();

        var outcome = await world.RunAsync((JoinCommunity uc) => uc.ExecuteAsync(joiner.Id, CommunityWorld.UniqueSlug(), Ct));

        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Leave_AsMember_RemovesMembership(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var member = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);
        await world.JoinAsync(host, slug, member);

        var outcome = await world.RunAsync((LeaveCommunity uc) => uc.ExecuteAsync(member.Id, slug, Ct));

        Assert.True(outcome.Succeeded);
        Assert.Null(await RoleAsync(world, slug, member.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Leave_AsLastHostWithOtherMembers_IsConflictAndKeepsHost(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var member = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);
        await world.JoinAsync(host, slug, member);

        var outcome = await world.RunAsync((LeaveCommunity uc) => uc.ExecuteAsync(host.Id, slug, Ct));

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("last host", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(CommunityRole.Host, await RoleAsync(world, slug, host.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Leave_AsSoleMember_LeavesEmptyCommunityInPlace(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);

        var outcome = await world.RunAsync((LeaveCommunity uc) => uc.ExecuteAsync(host.Id, slug, Ct));

        Assert.True(outcome.Succeeded);
        Assert.True(await world.ReadAsync(db => db.Communities.AnyAsync(c => c.Slug == slug, Ct)));
        Assert.Equal(0, await world.ReadAsync(db => db.Memberships.CountAsync(m => m.Community!.Slug == slug, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Leave_WhenNotMember_IsNotFound(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var stranger = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);

        var outcome = await world.RunAsync((LeaveCommunity uc) => uc.ExecuteAsync(stranger.Id, slug, Ct));

        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Leave_TwoHostsAtOnceWithMembersLeft_KeepsOneHost(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var first = await world.PersonAsync();
        var second = await world.PersonAsync();
        var member = await world.PersonAsync();
        var slug = await world.CommunityAsync(first, MembershipMode.Open);
        await world.JoinAsync(first, slug, second);
        await world.JoinAsync(first, slug, member);
        await world.RunAsync((ChangeMemberRole uc) => uc.ExecuteAsync(first.Id, slug, second.Handle, CommunityRole.Host, Ct));

        var outcomes = await Task.WhenAll(
            world.RunAsync((LeaveCommunity uc) => uc.ExecuteAsync(first.Id, slug, Ct)),
            world.RunAsync((LeaveCommunity uc) => uc.ExecuteAsync(second.Id, slug, Ct)));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(outcomes, o => o.Kind == OutcomeKind.Conflict);
        Assert.Equal(1, await world.ReadAsync(db => db.Memberships.CountAsync(m => m.Community!.Slug == slug && m.Role == CommunityRole.Host, Ct)));
    }
}
