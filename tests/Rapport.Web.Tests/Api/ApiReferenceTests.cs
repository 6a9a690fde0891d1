using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;
using Rapport.Web.Api;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Api;

/// <summary>The reference page people read lists every API endpoint with its summary, straight from the endpoints themselves.</summary>
public sealed class ApiReferenceTests(Apps apps)
{
    [Fact]
    public async Task Reference_ListsEveryApiEndpointWithItsSummary()
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);
        var endpoints = ApiEndpoints(app);

        var listed = app.Services.GetRequiredService<ApiReference>().Build().SelectMany(g => g.Endpoints)
            .ToDictionary(e => $"{e.Method} {e.Path.TrimEnd('/')}", e => e.Summary);

        Assert.Equal(endpoints.Keys.Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        Assert.All(endpoints, e => Assert.Equal(e.Value, listed[e.Key]));
    }

    [Fact]
    public async Task ReferencePage_ShowsEveryEndpointAndSummaryToAnyone()
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);
        var endpoints = ApiEndpoints(app);

        var response = await app.CreateClient().GetAsync("/developers/api", TestContext.Current.CancellationToken);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = page.QuerySelectorAll("article").Select(a => (Title: a.QuerySelector("h3")?.TextContent.Trim().TrimEnd('/') ?? "", Text: a.TextContent)).ToList();
        Assert.All(endpoints, e =>
        {
            var card = cards.SingleOrDefault(c => c.Title == e.Key);
            Assert.True(card.Title is not null, $"No card for {e.Key}");
            Assert.Contains(e.Value, card.Text, StringComparison.Ordinal);
        });
    }

    /// <summary>"METHOD /path" (route constraints dropped, as the reference shows them) to the summary.</summary>
    private static Dictionary<string, string> ApiEndpoints(RapportApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .ToDictionary(
                e => $"{e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Single()} {Path(e)}",
                e => e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? "");

    private static string Path(RouteEndpoint endpoint) =>
        "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => $"{{{p.Name}}}",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            _ => part.ToString(),
        }))));
}
