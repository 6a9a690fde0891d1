using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;
using Rapport.Web.Accounts;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Accounts;

public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task ConfirmationLink_GoesThroughSmtpAsPlainTextWithTheRawLink()
    {
        using var server = new OneMessageSmtpServer();
        var sender = new SmtpEmailSender(
            Options.Create(new MailSettings { From = "Rapport <no-reply@rapport.test>", Smtp = new SmtpSettings { Host = "127.0.0.1", Port = server.Port, EnableSsl = false } }),
            NullLogger<SmtpEmailSender>.Instance);
        const string Link = "https://rapport.test/Account/ConfirmEmail?userId=u1&code=abc&returnUrl=%2F";

        await sender.SendConfirmationLinkAsync(new Account(), "ada@example.org", Link);
        var message = await server.MessageAsync();

        Assert.Contains("RCPT TO:<ada@example.org>", message, StringComparison.Ordinal);
        Assert.Contains("MAIL FROM:<no-reply@rapport.test>", message, StringComparison.Ordinal);
        Assert.Contains("text/plain", message, StringComparison.Ordinal);
        Assert.Contains(Link, Body(message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlEncodedLinks_AreRefused()
    {
        var sender = new SmtpEmailSender(Options.Create(new MailSettings()), NullLogger<SmtpEmailSender>.Instance);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            sender.SendPasswordResetLinkAsync(new Account(), "ada@example.org", "https://rapport.test/Account/ResetPassword?a=1&amp;code=x"));
    }

    [Fact]
    public async Task SmtpHost_InConfiguration_SelectsTheSmtpSender()
    {
        await using var app = await RapportApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Rapport:Mail:Smtp:Host"] = "127.0.0.1" });

        Assert.IsType<SmtpEmailSender>(app.Services.GetRequiredService<IEmailSender<Account>>());
    }

    /// <summary>The decoded text body of a single-part base64 message.</summary>
    private static string Body(string conversation)
    {
        var afterHeaders = conversation[(conversation.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        var base64 = string.Concat(afterHeaders.Split('\n').TakeWhile(l => l.Length > 0 && !l.StartsWith("QUIT", StringComparison.Ordinal)));
        return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
    }

    /// <summary>Just enough SMTP on loopback to accept one message and hand back the whole conversation.</summary>
    private sealed class OneMessageSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task<string> _conversation;

        public OneMessageSmtpServer()
        {
            _listener.Start();
            _conversation = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Task<string> MessageAsync() => _conversation.WaitAsync(TimeSpan.FromSeconds(10));

        private async Task<string> ServeAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            var log = new StringBuilder();
            await writer.WriteLineAsync("220 localhost ready");
            while (await reader.ReadLineAsync() is { } line)
            {
                log.Append(line).Append('\n');
                if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase) || line.StartsWith("HELO", StringComparison.OrdinalIgnoreCase))
                {
                    await writer.WriteLineAsync("250 localhost");
                }
                else if (line.Equals("DATA", StringComparison.OrdinalIgnoreCase))
                {
                    await writer.WriteLineAsync("354 go ahead");
                    while (await reader.ReadLineAsync() is { } data && data != ".")
                    {
                        log.Append(data).Append('\n');
                    }

                    await writer.WriteLineAsync("250 queued");
                }
                else if (line.Equals("QUIT", StringComparison.OrdinalIgnoreCase))
                {
                    await writer.WriteLineAsync("221 bye");
                    break;
                }
                else
                {
                    await writer.WriteLineAsync("250 ok");
                }
            }

            return log.ToString();
        }

        public void Dispose() => _listener.Stop();
    }
}
