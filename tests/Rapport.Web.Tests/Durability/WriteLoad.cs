using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rapport.Web.Tests.Durability;

/// <summary>
/// One competence to add as <see cref="Writer"/>. The topic is unique per write and is its idempotency key:
/// adding a topic the profile already lists answers 200 with the stored competence instead of a second row.
/// </summary>
internal sealed record PlannedWrite(Writer Writer, string Topic);

/// <summary>A 2xx answer: the stored competence's id, and whether this request created it (201) or found it (200).</summary>
internal sealed record Acknowledgement(long Id, bool Created);

internal sealed class LoadResult
{
    public ConcurrentDictionary<PlannedWrite, Acknowledgement> Acknowledged { get; } = new();

    /// <summary>Sent, but the server died before answering: each may or may not have been stored.</summary>
    public ConcurrentBag<PlannedWrite> InDoubt { get; } = [];

    /// <summary>A non-2xx answer, or a broken request while the server was alive: never expected.</summary>
    public ConcurrentBag<string> Failures { get; } = [];

    public bool Killed { get; set; }
}

/// <summary>Sends writes through the API with a fixed number in flight, optionally killing the server mid-way.</summary>
internal static class WriteLoad
{
    public const int InFlight = 32;
    private const int FailureBodyChars = 300;

    /// <summary>
    /// Sends <paramref name="writes"/> in order, <see cref="InFlight"/> at a time. When the <paramref name="killAfter"/>-th
    /// acknowledgement arrives, starts <paramref name="kill"/> and keeps sending until it returns, so requests are
    /// in flight at the moment the process dies, whatever the kill's own latency. Then sends no more.
    /// </summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, IEnumerable<PlannedWrite> writes, int killAfter, Action kill,
        CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<PlannedWrite>(writes);
        var result = new LoadResult();
        var acknowledged = 0;
        Task? killing = null;

        async Task SendUntilEmptyOrDeadAsync()
        {
            while (Volatile.Read(ref killing) is not { IsCompleted: true } && queue.TryDequeue(out var write))
            {
                try
                {
                    if (await SendAsync(client, write, result, cancellationToken) is not { } acknowledgement)
                    {
                        continue;
                    }

                    result.Acknowledged[write] = acknowledgement;
                    if (Interlocked.Increment(ref acknowledged) == killAfter)
                    {
                        Volatile.Write(ref killing, Task.Run(kill, CancellationToken.None));
                    }
                }
                catch (HttpRequestException e) when (Volatile.Read(ref killing) is not null && e.HttpRequestError == HttpRequestError.ConnectionError)
                {
                    // Refused: the process is gone and the request never left; it is resent like any unacknowledged write.
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    if (Volatile.Read(ref killing) is not null)
                    {
                        result.InDoubt.Add(write);
                    }
                    else
                    {
                        result.Failures.Add($"{write.Topic}: {e.GetType().Name} {e.Message}");
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Task.Run(SendUntilEmptyOrDeadAsync, cancellationToken)));
        if (killing is not null)
        {
            await killing;
            result.Killed = true;
        }

        return result;
    }

    private static async Task<Acknowledgement?> SendAsync(HttpClient client, PlannedWrite write, LoadResult result, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people/me/competences")
        {
            Content = JsonContent.Create(new { topic = write.Topic }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", write.Writer.Token);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            result.Failures.Add($"{write.Topic}: {(int)response.StatusCode} {body[..Math.Min(body.Length, FailureBodyChars)]}");
            return null;
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(write.Topic, root.GetProperty("topic").GetString());
        return new Acknowledgement(root.GetProperty("id").GetInt64(), response.StatusCode == System.Net.HttpStatusCode.Created);
    }
}
