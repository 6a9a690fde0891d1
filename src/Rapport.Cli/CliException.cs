namespace Rapport.Cli;

/// <summary>An expected failure: its message is printed as one line, without a stack trace, and the command exits with <see cref="ExitCode"/>.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
