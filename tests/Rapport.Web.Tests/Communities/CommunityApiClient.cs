using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Rapport.Web.Tests.Communities;

/// <summary>JSON calls against /api/v1 as the API's clients see it (camelCase, enums as camelCase strings).</summary>
internal static class CommunityApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewSlug() => $"c-{Guid.NewGuid():N}"[..20];

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json, Ct);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json, Ct);

    /// <summary>Posts raw JSON text, for bodies a typed client could not send (unknown fields).</summary>
    public static Task<HttpResponseMessage> PostRawJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json, Ct))!;

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();

    /// <summary>Creates a community as the client's person; returns its slug.</summary>
    public static async Task<string> CreateCommunityAsync(this HttpClient client, string mode = "byApplication", params string[] questions)
    {
        var slug = NewSlug();
        var response = await client.PostJsonAsync("/api/v1/communities", new
        {
            slug,
            name = $"Community {slug}",
            description = "About *us*",
            norms = "Be kind.",
            membershipMode = mode,
            questions,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return slug;
    }
}
