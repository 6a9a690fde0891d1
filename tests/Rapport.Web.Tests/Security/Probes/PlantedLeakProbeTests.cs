using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using W = Rapport.Web.Tests.Security.Probes.CanaryWorld;

namespace Rapport.Web.Tests.Security.Probes;

/// <summary>
/// A probe that cannot fail is not a probe. Here the matrix runs against hosts with two leaks planted in front of the
/// real app (nothing in src changes): a trusted-by list that also sends, in a header, the note of some private
/// statement (a list query that forgot the visibility rule), and a web of trust that sends how many statements exist
/// (a count that includes private ones, with no canary in it), and a statement read whose 404 says whether the id
/// exists. The matrix must report the first as canary hits for everyone but the owner, the second as answers that
/// differ between the world without and with O's private statements (for a caller whose answers are otherwise the same
/// in both), and the third as hidden statements that do not answer like missing ones.
/// </summary>
public sealed class PlantedLeakProbeTests
{
    private static bool PlantedRoutes(string route) =>
        route is "/api/v1/people/{handle}/trusted-by" or "/api/v1/trust/web" or "/api/v1/trust/statements/{id:guid}"
            or "/api/v1/feed/" or "/api/v1/recommendations/{id:guid}" or "/items/{Id:guid}";

    [Fact]
    public async Task Probe_Matrix_FindsPlantedLeaks()
    {
        await using var without = await W.CreateAsync(DatabaseProvider.Sqlite, WorldLevel.Public);
        await using var with = await W.CreateAsync(DatabaseProvider.Sqlite, WorldLevel.Private);
        var probes = ProbeCatalog.Build(EndpointTable.Of(with.App), ProbeDepth.Thin, PlantedRoutes);

        var answers = new List<WorldAnswers>();
        foreach (var world in new[] { without, with })
        {
            var leaky = world.App.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PlantedLeak>()));
            await using var runner = await ProbeRunner.StartAsync(world, leaky);
            answers.Add(await runner.RunAsync(probes));
        }

        var hits = answers[1].Hits.ToList();
        Assert.Empty(answers[0].Hits); // nothing to leak in the world without private statements
        Assert.Contains(hits, h => h.Probe.Caller == W.Stranger && h.Canary.StartsWith(W.Marker, StringComparison.Ordinal));
        Assert.Contains(hits, h => h.Probe.Caller == W.Trustee);
        Assert.Contains(hits, h => h.Probe.Caller == W.Anonymous);
        Assert.DoesNotContain(hits, h => h.Probe.Caller == W.Owner);

        var differences = ProbeAnalysis.Differences(probes, answers[0], answers[1], [W.Stranger]);
        Assert.Contains(differences, p => p.Route == "/api/v1/trust/web");

        var unlikeMissing = ProbeAnalysis.HiddenLikeMissing(probes, answers[1], with, out _);
        Assert.Contains(unlikeMissing, f => f.Probe.Caller == W.Stranger && f.Probe.Labels.Single() == "o_t_priv_topic");
        Assert.Contains(unlikeMissing, f => f.Probe.Caller == W.Trustee && f.Probe.Labels.Single() == "o_x_priv");

        // The same three kinds of leak, planted in the recommendation routes: a private note in the feed, a hidden
        // recommendation's existence, and a count that includes private recommendations on an item's page.
        Assert.Contains(hits, h => h.Probe.Route == "/api/v1/feed/" && h.Probe.Caller == W.Stranger && h.Canary.Contains("-rnote", StringComparison.Ordinal));
        Assert.Contains(unlikeMissing, f => f.Probe.Caller == W.Party && f.Probe.Labels.Single() == "r_o_hidden");
        Assert.Contains(ProbeAnalysis.Differences(probes, answers[0], answers[1], [W.Party]), p => p.Route == "/items/{Id:guid}");
    }

    /// <summary>The two planted leaks, in front of the whole pipeline.</summary>
    private sealed class PlantedLeak : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var path = context.Request.Path.Value ?? "";
                var db = context.RequestServices.GetRequiredService<RapportDbContext>();
                if (path.EndsWith("/trusted-by", StringComparison.Ordinal)
                    && await db.TrustStatements.Where(s => s.Visibility == TrustVisibility.Private).Select(s => s.Note).FirstOrDefaultAsync() is { } note)
                {
                    context.Response.Headers["X-Planted-Note"] = note;
                }

                if (path.StartsWith("/api/v1/trust/statements/", StringComparison.Ordinal) && Guid.TryParse(path["/api/v1/trust/statements/".Length..], out var id)
                    && await db.TrustStatements.AnyAsync(s => s.Id == id))
                {
                    context.Response.Headers["X-Planted-Exists"] = "yes";
                }

                if (path.TrimEnd('/') == "/api/v1/feed"
                    && await db.Recommendations.Where(r => r.Visibility == TrustVisibility.Private).Select(r => r.Note).FirstOrDefaultAsync() is { } recommendationNote)
                {
                    context.Response.Headers["X-Planted-Note"] = recommendationNote;
                }

                if (path.StartsWith("/api/v1/recommendations/", StringComparison.Ordinal) && Guid.TryParse(path["/api/v1/recommendations/".Length..], out var recommendationId)
                    && await db.Recommendations.AnyAsync(r => r.Id == recommendationId))
                {
                    context.Response.Headers["X-Planted-Exists"] = "yes";
                }

                if (path.StartsWith("/items/", StringComparison.Ordinal))
                {
                    context.Response.Headers["X-Planted-Count"] = (await db.Recommendations.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (path == "/api/v1/trust/web")
                {
                    context.Response.Headers["X-Planted-Count"] = (await db.TrustStatements.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
