using Microsoft.Extensions.Logging;

namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>
/// With <c>RAPPORT_FEED_PROBE</c> set, <c>bench feed</c> writes every SQL command EF runs, its duration and a millisecond
/// clock to stderr: where a slow feed spends its time, database or C#.
/// </summary>
internal sealed class FeedProbe : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose() { }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = formatter(state, exception);
        Console.Error.WriteLine($"T {System.Diagnostics.Stopwatch.GetTimestamp() / (System.Diagnostics.Stopwatch.Frequency / 1000)} " + (text.Length > 300 ? text[..300] : text));
    }
}
