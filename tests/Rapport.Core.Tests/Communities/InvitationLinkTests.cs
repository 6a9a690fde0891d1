using Microsoft.EntityFrameworkCore;
using Rapport.Core.AccessTokens;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Communities;

public sealed class InvitationLinkTests(CommunityWorlds worlds) : IClassFixture<CommunityWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<CreatedInvitationLink> LinkAsync(CommunityWorld world, Guid hostId, string slug, int days = 7, int? maxUses = null)
    {
        var created = await world.RunAsync((CreateInvitationLink uc) => uc.ExecuteAsync(hostId, slug, days, maxUses, Ct));
        return created.Value!;
    }

    private static Task<Outcome<CommunitySummary>> AcceptAsync(CommunityWorld world, Guid personId, string secret) =>
        world.RunAsync((JoinWithInvitation uc) => uc.ExecuteAsync(personId, secret, Ct));

    private static Task<int> UsesAsync(CommunityWorld world, Guid linkId) =>
        world.ReadAsync(db => db.InvitationLinks.Where(l => l.Id == linkId).Select(l => l.Uses).SingleAsync(Ct));

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_ByHost_ReturnsSecretOnceAndStoresOnlyItsSha256(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByInvitation);

        var created = await LinkAsync(world, host.Id, slug, days: 3, maxUses: 5);

        var stored = await world.ReadAsync(db => db.InvitationLinks.SingleAsync(l => l.Id == created.Link.Id, Ct));
        Assert.Equal(AccessTokenSecret.Hash(created.Secret), stored.SecretHash);
        Assert.DoesNotContain(created.Secret, stored.SecretHash, StringComparison.Ordinal);
        Assert.Equal((world.Clock.GetUtcNow().AddDays(3), 5, 0), (stored.ExpiresAt, stored.MaxUses, stored.Uses));
        Assert.True(created.Secret.Length >= 43);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Create_WithDaysOrUsesOutOfRange_IsInvalidAndChangesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByInvitation);

        foreach (var (days, uses, field) in new (int?, int?, string)[] { (0, null, "expiresInDays"), (31, null, "expiresInDays"), (null, null, "expiresInDays"), (7, 0, "maxUses"), (7, 1001, "maxUses") })
        {
            var outcome = await world.RunAsync((CreateInvitationLink uc) => uc.ExecuteAsync(host.Id, slug, days, uses, Ct));
            Assert.NotEmpty(outcome.Errors.For(field));
        }

        Assert.Equal(0, await world.ReadAsync(db => db.InvitationLinks.CountAsync(l => db.Communities.Any(c => c.Id == l.CommunityId && c.Slug == slug), Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CreateListAndRevoke_ByNonHost_AreNotFound(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var member = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByInvitation);
        await world.JoinAsync(host, slug, member);
        var link = await LinkAsync(world, host.Id, slug);

        var created = await world.RunAsync((CreateInvitationLink uc) => uc.ExecuteAsync(member.Id, slug, 7, null, Ct));
        var listed = await world.RunAsync((ListInvitationLinks uc) => uc.ExecuteAsync(member.Id, slug, Ct));
        var revoked = await world.RunAsync((RevokeInvitationLink uc) => uc.ExecuteAsync(member.Id, slug, link.Link.Id, Ct));

        Assert.Equal([OutcomeKind.NotFound, OutcomeKind.NotFound, OutcomeKind.NotFound], [created.Kind, listed.Kind, revoked.Kind]);
        Assert.Null(await world.ReadAsync(db => db.InvitationLinks.Where(l => l.Id == link.Link.Id).Select(l => l.RevokedAt).SingleAsync(Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Accept_ValidLinkToInvitationOnlyCommunity_JoinsAndCountsTheUse(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var guest = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByInvitation);
        var link = await LinkAsync(world, host.Id, slug);

        var preview = await world.RunAsync((PreviewInvitation uc) => uc.ExecuteAsync(guest.Id, link.Secret, Ct));
        var joined = await AcceptAsync(world, guest.Id, link.Secret);
        var again = await AcceptAsync(world, guest.Id, link.Secret);

        Assert.Equal((slug, false), (preview.Value!.Slug, preview.Value.AlreadyMember));
        Assert.Equal((slug, 2), (joined.Value!.Slug, joined.Value.MemberCount));
        Assert.True(again.Succeeded);
        Assert.Equal(1, await UsesAsync(world, link.Link.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Accept_UnknownSecret_IsNotFound(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var guest = await world.PersonAsync();

        foreach (var secret in new[] { InvitationSecret.Generate(), "", new string('x', 5000) })
        {
            Assert.Equal(OutcomeKind.NotFound, (await AcceptAsync(world, guest.Id, secret)).Kind);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Accept_ExpiredRevokedOrUsedUpLink_IsConflictWithReasonAndJoinsNobody(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var first = await world.PersonAsync();
        var guest = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByInvitation);
        var expiring = await LinkAsync(world, host.Id, slug, days: 1);
        var revoked = await LinkAsync(world, host.Id, slug);
        var single = await LinkAsync(world, host.Id, slug, maxUses: 1);
        await world.RunAsync((RevokeInvitationLink uc) => uc.ExecuteAsync(host.Id, slug, revoked.Link.Id, Ct));
        await AcceptAsync(world, first.Id, single.Secret);
        world.Clock.Advance(TimeSpan.FromDays(1));

        var outcomes = new[]
        {
            await AcceptAsync(world, guest.Id, expiring.Secret),
            await AcceptAsync(world, guest.Id, revoked.Secret),
            await AcceptAsync(world, guest.Id, single.Secret),
        };

        Assert.All(outcomes, o => Assert.Equal(OutcomeKind.Conflict, o.Kind));
        Assert.Contains("expired", outcomes[0].Detail, StringComparison.Ordinal);
        Assert.Contains("revoked", outcomes[1].Detail, StringComparison.Ordinal);
        Assert.Contains("used", outcomes[2].Detail, StringComparison.Ordinal);
        Assert.False(await world.ReadAsync(db => db.Memberships.AnyAsync(m => m.PersonId == guest.Id, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Accept_ManyPeopleAtOnce_NeverExceedsMaxUses(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByInvitation);
        var link = await LinkAsync(world, host.Id, slug, maxUses: 3);
        var guests = new List<Rapport.Core.People.Person>();
        for (var i = 0; i < 10; i++)
        {
            guests.Add(await world.PersonAsync());
        }

        var outcomes = await Task.WhenAll(guests.Select(g => AcceptAsync(world, g.Id, link.Secret)));

        Assert.Equal(3, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(OutcomeKind.Conflict, o.Kind));
        Assert.Equal(3, await UsesAsync(world, link.Link.Id));
        Assert.Equal(4, await world.ReadAsync(db => db.Memberships.CountAsync(m => m.Community!.Slug == slug, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Accept_ByApplicantWithPendingApplication_JoinsAndClosesTheApplication(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var applicant = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByApplication);
        var application = (await world.RunAsync((ApplyToCommunity uc) => uc.ExecuteAsync(applicant.Id, slug, [], Ct))).Value!;
        var link = await LinkAsync(world, host.Id, slug);

        Assert.True((await AcceptAsync(world, applicant.Id, link.Secret)).Succeeded);

        Assert.Equal(ApplicationStatus.Approved,
            await world.ReadAsync(db => db.MembershipApplications.Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync(Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task List_ByHost_ShowsUsesAndRevocationButNoSecret(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var host = await world.PersonAsync();
        var guest = await world.PersonAsync();
        var slug = await world.CommunityAsync(host, MembershipMode.ByInvitation);
        var link = await LinkAsync(world, host.Id, slug, maxUses: 2);
        await AcceptAsync(world, guest.Id, link.Secret);
        await world.RunAsync((RevokeInvitationLink uc) => uc.ExecuteAsync(host.Id, slug, link.Link.Id, Ct));

        var listed = await world.RunAsync((ListInvitationLinks uc) => uc.ExecuteAsync(host.Id, slug, Ct));

        var shown = Assert.Single(listed.Value!);
        Assert.Equal((1, 2), (shown.Uses, shown.MaxUses));
        Assert.NotNull(shown.RevokedAt);
    }
}
