using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rapport.Core.Notifications;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Accounts;
using Rapport.Web.Notifications;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Notifications;

/// <summary>The daily digest as mailed: through the host's mail sender, over a real database, with an absolute inbox link.</summary>
public sealed class DigestMailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Digest_MailsTheUnreadNotices_ToTheirOwner_WithAnAbsoluteInboxLink(DatabaseProvider provider)
    {
        await using var app = await RapportApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Rapport:Notifications:SiteUrl"] = "https://rapport.example/",
            ["Rapport:Notifications:DigestEnabled"] = "false", // this test runs the digest itself
        });
        var ada = await app.CreatePersonAsync();
        var bo = await app.CreatePersonAsync();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            db.Notifications.AddRange(
                Notice(ada.Person.Id, "n1", "Bo replied to “Leaky hull”.", now.AddMinutes(-2)),
                Notice(ada.Person.Id, "n2", "You were invited to help with “Reefing”.", now.AddMinutes(-1)),
                Notice(ada.Person.Id, "n3", "Already read.", now.AddMinutes(-3), read: true),
                Notice(bo.Person.Id, "n4", "For Bo only.", now.AddMinutes(-1)));
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<SendNotificationDigests>().ExecuteAsync(Ct));
        }

        var mail = Assert.Single(Mails(app, ada.Email));
        Assert.Contains($"\r\nTo: {ada.Email}\r\n", mail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\r\nSubject: Rapport: 2 new notices\r\n", mail, StringComparison.Ordinal);
        var body = mail[(mail.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.Contains("- You were invited to help with “Reefing”.\r\n- Bo replied to “Leaky hull”.\r\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Already read.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("For Bo only.", body, StringComparison.Ordinal);
        Assert.Contains("Your inbox: https://rapport.example/inbox\r\n", body, StringComparison.Ordinal);
        Assert.Contains("For Bo only.", Assert.Single(Mails(app, bo.Email)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSiteUrl_TheServersNamedAddressIsUsed_ElseNoLinkAndOneWarning()
    {
        var logger = new RecordingLogger<SiteAddress>();
        var named = new SiteAddress(Options.Create(new NotificationDigestSettings()), new Server("http://[::]:80", "http://localhost:5000", "https://localhost:5001"), logger);
        var wildcardOnly = new SiteAddress(Options.Create(new NotificationDigestSettings { SiteUrl = "not a url" }), new Server("http://0.0.0.0:5000", "http://+:80"), logger);
        var mail = new RecordingMailSender();

        await new DigestMail(mail, wildcardOnly).SendDigestAsync("ada@example.test", "Ada", [new NotificationView(Guid.NewGuid(), NotificationKind.InvitationReceived, "Help?", "/invitations", DateTimeOffset.UnixEpoch, null)], Ct);
        await new DigestMail(mail, wildcardOnly).SendDigestAsync("ada@example.test", "Ada", [new NotificationView(Guid.NewGuid(), NotificationKind.InvitationReceived, "Again?", "/invitations", DateTimeOffset.UnixEpoch, null)], Ct);

        Assert.Equal(new Uri("https://localhost:5001/"), named.Resolve());
        Assert.All(mail.Bodies, body => Assert.Contains("Open Rapport and go to your inbox", body, StringComparison.Ordinal));
        Assert.All(mail.Bodies, body => Assert.DoesNotContain("/inbox", body, StringComparison.Ordinal));
        Assert.Contains("Rapport:Notifications:SiteUrl is not set", Assert.Single(logger.Warnings), StringComparison.Ordinal);
    }

    private static Notification Notice(Guid personId, string key, string text, DateTimeOffset at, bool read = false) => new()
    {
        Id = Guid.NewGuid(), PersonId = personId, Kind = NotificationKind.InvitationReceived, EventKey = $"test:{key}:{Guid.NewGuid():N}", Text = text,
        Link = "/invitations", CreatedAt = at, ReadAt = read ? at : null,
    };

    private static List<string> Mails(RapportApp app, string to)
    {
        var folder = Path.Combine(app.DataDirectory, "mail");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText)
                .Where(m => m.Contains($"\r\nTo: {to}\r\n", StringComparison.OrdinalIgnoreCase))]
            : [];
    }

    private sealed class Server(params string[] addresses) : IServer
    {
        public IFeatureCollection Features { get; } = WithAddresses(addresses);

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }

        private static FeatureCollection WithAddresses(string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            var features = new FeatureCollection();
            features.Set<IServerAddressesFeature>(feature);
            return features;
        }
    }

    private sealed class RecordingMailSender : AccountMailSender
    {
        public List<string> Bodies { get; } = [];

        protected override Task SendAsync(string to, string subject, string body)
        {
            Bodies.Add(body);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
