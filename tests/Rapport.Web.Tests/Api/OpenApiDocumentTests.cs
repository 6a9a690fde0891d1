using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rapport.Core.Persistence;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Api;

/// <summary>
/// The OpenAPI document is a contract: a change to it shows up in review as a diff of the committed snapshot
/// (Jellyfin's approach), and every operation carries what tools need: an id, a summary, problem details for
/// its errors, and the bearer scheme to authenticate with.
/// </summary>
public sealed class OpenApiDocumentTests(Apps apps)
{
    private const string SnapshotName = "openapi.v1.snapshot.json";
    private const string ProblemJson = "application/problem+json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Document_MatchesTheCommittedSnapshot()
    {
        var document = await DocumentAsync();
        var actual = document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var snapshot = Path.Combine(SourceDirectory(), SnapshotName);
        var expected = File.Exists(snapshot) ? (await File.ReadAllTextAsync(snapshot, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n") : "";

        if (actual != expected)
        {
            var received = Path.Combine(SourceDirectory(), "openapi.v1.received.json");
            await File.WriteAllTextAsync(received, actual, TestContext.Current.CancellationToken);
            Assert.Fail($"The OpenAPI document differs from {SnapshotName}. Review the difference; if it is intended, accept it:\n" +
                $"  cp {received} {snapshot}");
        }
    }

    [Fact]
    public async Task EveryOperation_HasAnIdASummaryAndProblemDetailsForItsErrors()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        var problems = new List<string>();

        Assert.NotEmpty(operations);
        Assert.All(document["paths"]!.AsObject(), path => Assert.StartsWith("/api/v1/", path.Key, StringComparison.Ordinal));
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).Distinct().Count());
        foreach (var (name, operation) in operations)
        {
            var responses = operation["responses"]!.AsObject();
            var expected = new List<string> { "401" };
            if (operation["requestBody"] is not null)
            {
                expected.AddRange(["400", "413", "415"]);
            }

            if (operation["parameters"]?.AsArray().Any(p => p!["in"]!.GetValue<string>() == "path") == true)
            {
                expected.Add("404");
            }

            problems.AddRange(expected.Where(status => !responses.ContainsKey(status)).Select(status => $"{name}: {status} not documented"));
            problems.AddRange(responses.Where(r => r.Key.StartsWith('4') && r.Value?["content"]?[ProblemJson] is null)
                .Select(r => $"{name}: {r.Key} is not documented as {ProblemJson}"));
            if (operation["operationId"]?.GetValue<string>() is not { Length: > 0 })
            {
                problems.Add($"{name}: no operationId");
            }

            if (operation["summary"]?.GetValue<string>() is not { Length: > 0 })
            {
                problems.Add($"{name}: no summary");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task RequestBodies_DocumentEveryFieldsMaximum()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var bodies = Operations(document)
            .Select(o => o.Operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>())
            .OfType<string>().Select(r => r.Split('/')[^1]).ToHashSet(StringComparer.Ordinal);
        // Bodies nest other request records (a competence list holds competences).
        bodies.UnionWith(bodies.SelectMany(b => schemas[b]!.ToJsonString().Split('"'))
            .Where(t => t.StartsWith("#/components/schemas/", StringComparison.Ordinal)).Select(t => t.Split('/')[^1])
            .Where(name => schemas[name]!["properties"] is not null));

        var missing = (from body in bodies
                       from property in schemas[body]!["properties"]!.AsObject()
                       let types = property.Value!["type"]?.ToJsonString() ?? ""
                       let needs = types.Contains("string", StringComparison.Ordinal) ? "maxLength"
                           : types.Contains("array", StringComparison.Ordinal) ? "maxItems"
                           : types.Contains("integer", StringComparison.Ordinal) ? "maximum" : null
                       where needs is not null && property.Value![needs] is null
                       select $"{body}.{property.Key}: no {needs}").ToList();

        Assert.NotEmpty(bodies);
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task Document_TellsToolsToAuthenticateWithABearerToken()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]!["securitySchemes"]!["bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.True(document["security"]!.AsArray().Single()!.AsObject().ContainsKey("bearer"));
    }

    private async Task<JsonObject> DocumentAsync()
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);
        var json = await app.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers"); // where the test server happens to listen
        return document;
    }

    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        where operation.Key is "get" or "put" or "post" or "delete" or "patch"
        select ($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!.AsObject());

    private static string SourceDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
