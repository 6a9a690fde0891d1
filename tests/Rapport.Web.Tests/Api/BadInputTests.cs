using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;
using Rapport.Web.Api;
using Xunit.Sdk;

namespace Rapport.Web.Tests.Api;

/// <summary>
/// ASVS 5.0 V2.2 / V4.2 (input validation, request limits): every API endpoint that changes something,
/// fed malformed, mistyped, oversized, over-long and over-posted bodies, answers 4xx problem details naming
/// the field, and the database is byte-for-byte unchanged afterwards.
/// </summary>
public sealed class BadInputTests(IsolatedApps apps) : IClassFixture<IsolatedApps>
{
    // Fields that would set something the caller must never choose, and a few that merely do not exist.
    private static readonly string[] ProtectedFields =
    [
        "id", "accountId", "personId", "handle", "role", "status", "createdAt", "communityId", "applicantId", "hostId", "ownerId",
        "memberCount", "joinedAt", "submittedAt", "decidedAt", "decidedById", "uses", "revokedAt", "secretHash", "slug", "email",
        "isAdmin", "visibility", "__proto__",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider, string> BodyEndpoints() => Matrix(WriteEndpointTable.All.Where(e => e.Body is not null));

    public static TheoryData<DatabaseProvider, string> AllWriteEndpoints() => Matrix(WriteEndpointTable.All);

    [Fact]
    public async Task WriteEndpointTable_ListsEveryApiEndpointThatChangesSomething()
    {
        var app = await apps.ForAsync(DatabaseProvider.Sqlite);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
            .ToList();

        Assert.Equal(
            endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).Order(StringComparer.Ordinal),
            WriteEndpointTable.All.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(endpoints, endpoint =>
        {
            var entry = WriteEndpointTable.Named(endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName);
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            Assert.Equal(entry.Method.Method, Assert.Single(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods));
            Assert.True((accepts is not null) == (entry.Body is not null), $"{entry.Name}: the table and the endpoint disagree on taking a body.");
            Assert.True((accepts?.IsOptional ?? false) == entry.BodyOptional, $"{entry.Name}: the table and the endpoint disagree on an optional body.");
        });
    }

    [Theory]
    [MemberData(nameof(AllWriteEndpoints))]
    public async Task ValidSample_IsAccepted(DatabaseProvider provider, string endpoint)
    {
        var app = await apps.ForAsync(provider);
        var scene = await Scene.CreateAsync(app);
        var entry = WriteEndpointTable.Named(endpoint);
        var before = await DatabaseFingerprint.TakeAsync(app);

        var response = await SendAsync(scene, entry, entry.Body is null ? null : Json(entry.Body(scene).ToJsonString()));

        Assert.True(response.IsSuccessStatusCode, $"{endpoint} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        // The fingerprint sees a change when there is one (ending sessions only touches the session tickets it leaves out).
        Assert.Equal(endpoint != "EndMySessions", !before.SequenceEqual(await DatabaseFingerprint.TakeAsync(app)));
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task BadBody_IsProblemDetailsNamingTheField_AndChangesNothing(DatabaseProvider provider, string endpoint)
    {
        var scene = await apps.SceneAsync(provider);
        var entry = WriteEndpointTable.Named(endpoint);
        var sample = entry.Body!(scene);
        var failures = new List<string>();
        var before = await DatabaseFingerprint.TakeAsync(scene.App);

        foreach (var (name, content, status, field) in Cases(entry, sample))
        {
            try
            {
                await ApiProblemAssert.ProblemAsync(await SendAsync(scene, entry, content), status, field, name);
                var after = await DatabaseFingerprint.TakeAsync(scene.App);
                var changed = after.Where(t => before[t.Key] != t.Value).Select(t => t.Key).ToList();
                Assert.True(changed.Count == 0, $"{name} was rejected but changed {string.Join(", ", changed)}");
            }
            catch (XunitException e)
            {
                failures.Add($"{name}: {e.Message}");
                before = await DatabaseFingerprint.TakeAsync(scene.App);
            }
        }

        Assert.True(failures.Count == 0, $"{endpoint}:\n" + string.Join("\n", failures));
    }

    private static IEnumerable<(string Name, HttpContent Content, HttpStatusCode Status, string? Field)> Cases(WriteEndpoint entry, JsonObject sample)
    {
        var json = sample.ToJsonString();
        var first = sample.First().Key;
        const HttpStatusCode bad = HttpStatusCode.BadRequest;

        yield return ("malformed JSON", Json(json[..^1]), bad, null);
        yield return ("form text sent as JSON", Json("displayName=x&role=host"), bad, null);
        yield return ("an array instead of an object", Json("[]"), bad, "$");
        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "application/xml" })
        {
            yield return ($"Content-Type {type}", new StringContent(json, Encoding.UTF8, type), HttpStatusCode.UnsupportedMediaType, null);
        }

        yield return ("no Content-Type", new ByteArrayContent(Encoding.UTF8.GetBytes(json)), HttpStatusCode.UnsupportedMediaType, null);
        foreach (var extra in ProtectedFields.Where(f => !sample.ContainsKey(f)))
        {
            yield return ($"unknown field {extra}", Json(JsonPaths.Set(sample, extra, "x").ToJsonString()), bad, extra);
        }

        var capitalized = char.ToUpperInvariant(first[0]) + first[1..];
        yield return ($"field spelled {capitalized}", Json(json.Replace($"\"{first}\":", $"\"{capitalized}\":", StringComparison.Ordinal)), bad, capitalized);
        yield return ($"field {first} twice", Json($"{{\"{first}\":{sample[first]!.ToJsonString()},{json[1..]}"), bad, first);

        var padded = json + new string(' ', (int)ApiRegistration.MaxRequestBodyBytes);
        yield return ("body over the cap", Json(padded), HttpStatusCode.RequestEntityTooLarge, null);
        yield return ("body over the cap, no length", new UnknownLengthContent(padded), HttpStatusCode.RequestEntityTooLarge, null);

        foreach (var (path, value) in JsonPaths.Values(sample))
        {
            JsonNode wrong = value switch
            {
                JsonObject => 7,
                JsonArray => "not a list",
                JsonValue v when v.TryGetValue<string>(out _) => 12345,
                JsonValue v when v.TryGetValue<bool>(out _) => "yes",
                _ => "12", // a number as a string: refused, the API's numbers are numbers
            };
            yield return ($"{path} as {wrong.ToJsonString()}", Json(JsonPaths.Set(sample, path, wrong).ToJsonString()), bad, path);
        }

        foreach (var limit in entry.Limits ?? [])
        {
            yield return ($"{limit.Field} over its maximum", Json(limit.Exceed(sample).ToJsonString()), bad, limit.Field);
        }

        if (!entry.BodyOptional)
        {
            yield return ("null body", Json("null"), bad, null);
            yield return ("empty body", Json(""), bad, null);
        }
    }

    private static Task<HttpResponseMessage> SendAsync(Scene scene, WriteEndpoint entry, HttpContent? content) =>
        entry.Caller(scene).Client.SendAsync(new HttpRequestMessage(entry.Method, entry.Url(scene)) { Content = content }, Ct);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static TheoryData<DatabaseProvider, string> Matrix(IEnumerable<WriteEndpoint> endpoints)
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new Rapport.Testing.Providers().Select(row => row.Data))
        {
            foreach (var endpoint in endpoints)
            {
                data.Add(provider, endpoint.Name);
            }
        }

        return data;
    }

    /// <summary>A body sent chunked, without Content-Length, as a streaming client would.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly string _text;

        public UnknownLengthContent(string text)
        {
            _text = text;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(Encoding.UTF8.GetBytes(_text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
