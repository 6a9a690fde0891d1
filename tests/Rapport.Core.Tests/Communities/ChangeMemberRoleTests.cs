using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Communities;

public sealed class ChangeMemberRoleTests(CommunityWorlds worlds) : IClassFixture<CommunityWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<Outcome<MemberSummary>> ChangeAsync(CommunityWorld world, Guid byId, string slug, string handle, CommunityRole? role) =>
        world.RunAsync((ChangeMemberRole uc) => uc.ExecuteAsync(byId, slug, handle, role, Ct));

    private static Task<CommunityRole> RoleAsync(CommunityWorld world, string slug, Guid personId) =>
        world.ReadAsync(db => db.Memberships.Where(m => m.Community!.Slug == slug && m.PersonId == personId).Select(m => m.Role).SingleAsync(Ct));

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Promote_ByHost_MakesMemberHost(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var member = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);
        await world.JoinAsync(host, slug, member);

        var outcome = await ChangeAsync(world, host.Id, slug, "@" + member.Handle.ToUpperInvariant(), CommunityRole.Host);

        Assert.Equal((member.Handle, CommunityRole.Host), (outcome.Value!.Person.Handle, outcome.Value.Role));
        Assert.Equal(CommunityRole.Host, await RoleAsync(world, slug, member.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task StepDown_WithAnotherHost_MakesMember(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var cohost = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);
        await world.JoinAsync(host, slug, cohost);
        await ChangeAsync(world, host.Id, slug, cohost.Handle, CommunityRole.Host);

        var outcome = await ChangeAsync(world, host.Id, slug, host.Handle, CommunityRole.Member);

        Assert.True(outcome.Succeeded);
        Assert.Equal(CommunityRole.Member, await RoleAsync(world, slug, host.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task StepDown_LastHost_IsConflictAndKeepsHost(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);

        var outcome = await ChangeAsync(world, host.Id, slug, host.Handle, CommunityRole.Member);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Equal(CommunityRole.Host, await RoleAsync(world, slug, host.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Change_ByMember_OrForNonMember_IsNotFound(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var member = await world.PersonAsync();
        var stranger = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);
        await world.JoinAsync(host, slug, member);

        Assert.Equal(OutcomeKind.NotFound, (await ChangeAsync(world, member.Id, slug, member.Handle, CommunityRole.Host)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await ChangeAsync(world, member.Id, slug, host.Handle, CommunityRole.Member)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await ChangeAsync(world, host.Id, slug, stranger.Handle, CommunityRole.Host)).Kind);
        Assert.Equal(CommunityRole.Member, await RoleAsync(world, slug, member.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Change_WithUnknownRole_IsInvalid(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.Open);

        Assert.NotEmpty((await ChangeAsync(world, host.Id, slug, host.Handle, (CommunityRole)7)).Errors.For("role"));
        Assert.NotEmpty((await ChangeAsync(world, host.Id, slug, host.Handle, null)).Errors.For("role"));
    }
}
