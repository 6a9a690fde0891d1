using Rapport.Core.Persistence;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Browser;

/// <summary>The app on a real Kestrel port on 127.0.0.1, for a real browser.</summary>
public static class LiveApp
{
    public static async Task<(RapportApp App, Uri BaseUrl)> StartAsync(DatabaseProvider provider)
    {
        var app = await RapportApp.StartAsync(provider, kestrel: true);
        var address = app.ServerAddress ?? throw new InvalidOperationException("Kestrel did not report an address.");
        return (app, address);
    }
}
