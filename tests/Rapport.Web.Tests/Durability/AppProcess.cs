using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Rapport.Core.Persistence;

namespace Rapport.Web.Tests.Durability;

/// <summary>
/// The real app (<c>dotnet Rapport.Web.dll</c>) as its own OS process on 127.0.0.1, in Production, over a given
/// database: a test can SIGKILL it mid-write and start another over the same data. Killed on dispose, whatever happened.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private const int LogLinesKept = 200;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly Queue<string> _log = new();
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
    private long _listeningAfterTicks = -1;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once exited: 137 (128 + 9) after SIGKILL.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>From launch to Kestrel's "Now listening" (runtime start, services, migrations), once seen.</summary>
    public TimeSpan? ListeningAfter => Interlocked.Read(ref _listeningAfterTicks) is >= 0 and var ticks ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>The last lines the app wrote (stdout and stderr), for failure messages.</summary>
    public string LogTail
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    public static AppProcess Start(DatabaseSettings database)
    {
        var dll = AppBinary.Locate();
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(AppBinary.DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, // content root: appsettings.json sits beside the dll
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        AppEnvironment.Apply(start.Environment, database);

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => app.Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>kill -9: on Linux <see cref="Process.Kill(bool)"/> sends SIGKILL, so nothing is flushed or shut down.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(ExitWait);
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _listeningAfterTicks, _sinceStart.Elapsed.Ticks, -1);
        }

        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > LogLinesKept)
            {
                _log.Dequeue();
            }
        }
    }

    // A fresh port per start: a killed server's port may linger, and the app must bind only loopback.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
