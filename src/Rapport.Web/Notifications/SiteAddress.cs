using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Rapport.Web.Notifications;

/// <summary>
/// The site's public address for links in mail sent outside a request (the digest): <c>Rapport:Notifications:SiteUrl</c>
/// when set to an absolute http(s) URL; otherwise an address the server listens on that names a real host (https
/// first; wildcards such as <c>0.0.0.0</c>, <c>[::]</c>, <c>*</c> or <c>+</c> name none); otherwise null — then mail names no
/// link at all (a relative one is useless in a mail client), and a warning says so once.
/// </summary>
internal sealed partial class SiteAddress(IOptions<NotificationDigestSettings> settings, IServer server, ILogger<SiteAddress> logger)
{
    private static readonly string[] Wildcards = ["0.0.0.0", "[::]", "::", "*", "+"];
    private int _warned;

    public Uri? Resolve()
    {
        if (Absolute(settings.Value.SiteUrl) is { } configured)
        {
            return configured;
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var known = listening.Select(Absolute).OfType<Uri>()
            .Where(uri => !Wildcards.Contains(uri.Host, StringComparer.Ordinal))
            .OrderBy(uri => uri.Scheme == Uri.UriSchemeHttps ? 0 : 1)
            .FirstOrDefault();
        if (known is null && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            LogNoSiteUrl(logger);
        }

        return known;
    }

    private static Uri? Absolute(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !Wildcards.Contains(uri.Host, StringComparer.Ordinal)
            ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : null;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Rapport:Notifications:SiteUrl is not set (nor is the server listening on a named host): digest mail says to open the inbox but carries no link. Set it to the site's public address, e.g. https://rapport.example.")]
    private static partial void LogNoSiteUrl(ILogger logger);
}
