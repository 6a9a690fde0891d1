using System.Net;
using System.Text.Json.Nodes;

namespace Rapport.Web.Tests.Api;

/// <summary>What every API error must look like: RFC 9457 problem details with the status and a trace id.</summary>
internal static class ApiProblemAssert
{
    /// <summary>Asserts a problem answer with <paramref name="status"/>; with <paramref name="field"/>, that field has an error.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null, string? because = null)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var context = $"{because} → {(int)response.StatusCode}: {body}";
        Assert.True(response.StatusCode == status, $"Expected {(int)status}. {context}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"Not problem details. {context}");
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.True(problem["status"]?.GetValue<int>() == (int)status, $"Status member differs. {context}");
        Assert.True(problem["traceId"]?.GetValue<string>() is { Length: > 0 }, $"No traceId. {context}");
        if (field is not null)
        {
            Assert.True(problem["errors"]?[field] is JsonArray { Count: > 0 }, $"No error for field '{field}'. {context}");
        }

        return problem;
    }
}
