using System.Diagnostics;
using System.Net;
using Rapport.Core.Persistence;

namespace Rapport.Web.Tests.Durability;

/// <summary>
/// One app at a time over one database: start it, wait until healthy, kill it with SIGKILL, start it again.
/// <see cref="Client"/> talks to whichever process is current. Dispose kills the current process.
/// </summary>
internal sealed class CrashableServer(DatabaseSettings database) : IDisposable
{
    /// <summary>How long a start may take before the test gives up (the bar is checked by the test, lower).</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HealthPoll = TimeSpan.FromMilliseconds(50);

    private AppProcess? _process;
    private HttpClient? _client;

    public HttpClient Client => _client ?? throw new InvalidOperationException("The server was not started.");

    public string LogTail => _process?.LogTail ?? "";

    /// <summary>How the process before the current one ended: 137 when SIGKILL took it down.</summary>
    public int? PreviousExitCode { get; private set; }

    /// <summary>The part of the last start spent before Kestrel listened (the rest is the first health request).</summary>
    public TimeSpan? ListeningAfter => _process?.ListeningAfter;

    /// <summary>Starts a new process and returns the time from launching it to the first 200 from <c>/healthz</c>.</summary>
    public async Task<TimeSpan> StartAsync(CancellationToken cancellationToken)
    {
        Kill();
        PreviousExitCode = _process?.ExitCode;
        _process?.Dispose();
        _client?.Dispose();

        var clock = Stopwatch.StartNew();
        _process = AppProcess.Start(database);
        _client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = _process.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

        using var probe = new HttpClient { BaseAddress = _process.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < StartLimit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited while starting:\n{_process.LogTail}");
            }

            if (await IsHealthyAsync(probe, cancellationToken))
            {
                return clock.Elapsed;
            }

            await Task.Delay(HealthPoll, cancellationToken);
        }

        throw new TimeoutException($"/healthz did not answer 200 within {StartLimit.TotalSeconds} s:\n{_process.LogTail}");
    }

    /// <summary>SIGKILL the current process (safe to call from any thread, more than once).</summary>
    public void Kill() => _process?.Kill();

    public void Dispose()
    {
        _process?.Dispose();
        _client?.Dispose();
    }

    private static async Task<bool> IsHealthyAsync(HttpClient probe, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await probe.GetAsync("/healthz", cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false; // not listening yet
        }
    }
}
