using Rapport.Core.Communities;
using Rapport.Core.Notifications;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Invitations;

/// <summary>The inbox writer, the inbox, and the daily digest.</summary>
public sealed class NotificationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Notices_AreOnePerEventAndPerson_AndNeverForOnesOwnAct(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var ann = await world.PersonAsync("ann");
        var bob = await world.PersonAsync("bob");

        await using (var db = world.Database.CreateContext())
        {
            var notices = new Notices(db, world.Clock);
            await notices.AddAsync(ann.Id, bob.Id, NotificationKind.Thanked, "thanks:1", "Bob thanked you.", "/x", null, Ct);
            await notices.AddAsync(ann.Id, bob.Id, NotificationKind.Thanked, "thanks:1", "Bob thanked you again.", "/x", null, Ct);
            await notices.AddAsync(bob.Id, bob.Id, NotificationKind.Thanked, "thanks:1", "You thanked yourself.", "/x", null, Ct);
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = world.Database.CreateContext())
        {
            await new Notices(db, world.Clock).AddAsync(ann.Id, bob.Id, NotificationKind.Thanked, "thanks:1", "Later twin.", "/x", null, Ct);
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal("Bob thanked you.", Assert.Single((await world.InboxAsync(ann)).Items).Text);
        Assert.Empty((await world.InboxAsync(bob)).Items);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Inbox_IsNewestFirst_Paged_AndMarksOneOrAllRead(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var ann = await world.PersonAsync("ann");
        var bob = await world.PersonAsync("bob");
        await AddNoticesAsync(world, ann, bob, 3);

        var first = (await world.RunAsync((ListNotifications uc) => uc.ExecuteAsync(ann.Id, new PageRequest(2, 0), Ct))).Value!;
        Assert.Equal((3, 3, 2), (first.Total, first.Unread, first.Items.Count));
        Assert.Equal(["notice 2", "notice 1"], first.Items.Select(n => n.Text));
        var tooFar = await world.RunAsync((ListNotifications uc) => uc.ExecuteAsync(ann.Id, new PageRequest(PageRequest.MaxLimit + 1), Ct));
        Assert.Equal(OutcomeKind.Invalid, tooFar.Kind);

        var notMine = await world.RunAsync((MarkNotificationsRead uc) => uc.ExecuteAsync(bob.Id, first.Items[0].Id, Ct));
        var one = await world.RunAsync((MarkNotificationsRead uc) => uc.ExecuteAsync(ann.Id, first.Items[0].Id, Ct));
        Assert.Equal(OutcomeKind.NotFound, notMine.Kind);
        Assert.Equal(1, one.Value);
        Assert.Equal(2, await world.RunAsync((CountUnreadNotifications uc) => uc.ExecuteAsync(ann.Id, Ct)));
        var all = await world.RunAsync((MarkNotificationsRead uc) => uc.ExecuteAsync(ann.Id, null, Ct));
        Assert.Equal(2, all.Value);
        Assert.Equal(0, await world.RunAsync((CountUnreadNotifications uc) => uc.ExecuteAsync(ann.Id, Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Digest_GoesOnceADay_WithOnlyWhatWasNotEmailed_AndNotToWhoOptedOut(DatabaseProvider provider)
    {
        await using var world = await InvitationWorld.CreateAsync(provider);
        var ann = await world.PersonAsync("ann");
        var bob = await world.PersonAsync("bob");
        var quiet = await world.PersonAsync("quiet");
        await AddNoticesAsync(world, ann, bob, 2);
        await AddNoticesAsync(world, quiet, bob, 1);
        await world.RunAsync((ChangeDigestSetting uc) => uc.ExecuteAsync(quiet.Id, false, Ct));

        var sent = await world.RunAsync((SendNotificationDigests uc) => uc.ExecuteAsync(Ct));
        var sameDay = await world.RunAsync((SendNotificationDigests uc) => uc.ExecuteAsync(Ct));
        Assert.Equal((1, 0), (sent, sameDay));
        var (email, notices) = Assert.Single(world.Mail.Sent);
        Assert.Equal($"{ann.Handle}@example.test", email);
        Assert.Equal(2, notices.Count);

        world.Clock.Advance(TimeSpan.FromHours(12));
        await AddNoticesAsync(world, ann, bob, 1, "later");
        Assert.Equal(0, await world.RunAsync((SendNotificationDigests uc) => uc.ExecuteAsync(Ct)));
        world.Clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(1, await world.RunAsync((SendNotificationDigests uc) => uc.ExecuteAsync(Ct)));
        Assert.Equal(["later 0"], world.Mail.Sent[1].Notices.Select(n => n.Text));
        world.Clock.Advance(NotificationDigest.Interval);
        Assert.Equal(0, await world.RunAsync((SendNotificationDigests uc) => uc.ExecuteAsync(Ct))); // nothing new
        Assert.DoesNotContain(world.Mail.Sent, m => m.Email.StartsWith(quiet.Handle, StringComparison.Ordinal));
        var setting = await world.RunAsync((ChangeDigestSetting uc) => uc.ExecuteAsync(ann.Id, null, Ct));
        Assert.True(setting.IsEnabled);
        Assert.NotNull(setting.LastSentAt);
    }

    private static async Task AddNoticesAsync(InvitationWorld world, Core.People.Person to, Core.People.Person from, int count, string text = "notice")
    {
        for (var i = 0; i < count; i++)
        {
            world.Clock.Advance(TimeSpan.FromMinutes(1));
            await using var db = world.Database.CreateContext();
            await new Notices(db, world.Clock).AddAsync(to.Id, from.Id, NotificationKind.Thanked, $"{text}:{Guid.NewGuid()}", $"{text} {i}", "/inbox", null, Ct);
            await db.SaveChangesAsync(Ct);
        }
    }
}
