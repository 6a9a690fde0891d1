using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real, fresh database (SQLite or PostgreSQL), in memory through TestServer.
/// Clients talk https so the <c>__Host-</c> cookies flow as in production.
/// </summary>
public sealed class RapportApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private RapportApp(TestDatabase database, IReadOnlyDictionary<string, string?> settings)
    {
        _database = database;
        _settings = settings;
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public DatabaseProvider Provider => _database.Provider;

    public string DataDirectory => _database.Settings.DataDirectory;

    /// <summary>Starts an app on a new database. <paramref name="settings"/> override configuration keys.</summary>
    /// <param name="kestrel">Serve https on a real loopback port (for a browser) instead of the in-memory TestServer.</param>
    public static async Task<RapportApp> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var app = new RapportApp(database, settings ?? new Dictionary<string, string?>());
        if (kestrel)
        {
            app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.UseHttps(TestCertificate.Localhost)));
            app.StartServer();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            app.ServerAddress = new Uri(addresses.Addresses.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        }
        else
        {
            _ = app.Server; // start now: migrations run at start-up
        }

        return app;
    }

    /// <summary>The loopback address when started with Kestrel.</summary>
    public Uri? ServerAddress { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, framework files (blazor.web.js) are only found after publish; tests run from the build.
        builder.UseStaticWebAssets();
        builder.UseSetting("Rapport:DataDirectory", _database.Settings.DataDirectory);
        builder.UseSetting("Rapport:Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Rapport:Database:ConnectionString", _database.Settings.ConnectionString);
        builder.UseSetting("Rapport:SeedDemo", "false");
        // TestServer has no client address, so every test shares one rate-limit bucket: lift the limits far above
        // what the suite sends. Throttling tests start their own app with tight limits through `settings`.
        foreach (var limit in new[] { "LoginPerClient", "LoginPerAccount", "RegisterPerClient", "ForgotPasswordPerClient", "ResendConfirmationPerClient", "WritesPerAccount", "SearchesPerAccount", "TrustStatementsPerAccount" })
        {
            builder.UseSetting($"Rapport:Security:RateLimits:{limit}", "100000");
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public Task<TestPerson> CreatePersonAsync(string? handle = null, string? displayName = null, Action<Core.People.Person>? configure = null) =>
        TestPeople.CreateAsync(Services, handle, displayName, configure);

    /// <summary>A client that calls the API as <paramref name="person"/> with a personal access token.</summary>
    public async Task<HttpClient> CreateTokenClientAsync(TestPerson person)
    {
        var secret = await TestPeople.CreateAccessTokenAsync(Services, person);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A browser-like client (cookies, no auto-redirect) signed in through the real login form.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(TestPerson person)
    {
        var client = CreateClient();
        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
        });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect,
            $"Sign-in as {person.Handle} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
