using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Rapport.Web.Tests.Durability;

/// <summary>After a restart the app must serve reads that agree with the database: own list, and directory by topic.</summary>
internal static class ServedReads
{
    public static async Task AssertMatchAsync(HttpClient client, IEnumerable<Writer> writers, StoredCompetences stored, CancellationToken cancellationToken)
    {
        foreach (var writer in writers)
        {
            var expected = stored.Of(writer).OrderBy(c => c.Id).ToList();
            using var list = await GetAsync(client, writer, "/api/v1/people/me/competences", cancellationToken);
            var served = list.RootElement.EnumerateArray()
                .Select(c => (Topic: c.GetProperty("topic").GetString()!, Id: c.GetProperty("id").GetInt64()))
                .OrderBy(c => c.Id)
                .ToList();
            Assert.Equal(expected, served);

            if (expected is [var first, ..])
            {
                using var directory = await GetAsync(client, writer, $"/api/v1/people?topic={Uri.EscapeDataString(first.Topic)}", cancellationToken);
                var handles = directory.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("handle").GetString());
                Assert.Equal([writer.Handle], handles);
            }
        }
    }

    private static async Task<JsonDocument> GetAsync(HttpClient client, Writer writer, string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", writer.Token);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }
}
