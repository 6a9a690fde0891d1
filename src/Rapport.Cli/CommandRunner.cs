using System.CommandLine;
using System.Data.Common;

namespace Rapport.Cli;

/// <summary>Runs a verb's body and turns expected failures into one line on standard error and a non-zero exit code.</summary>
internal static class CommandRunner
{
    public static void SetRapportAction(this Command command, Func<ParseResult, TextWriter, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, body, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parse, Func<ParseResult, TextWriter, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return await body(parse, parse.InvocationConfiguration.Output, cancellationToken);
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"rapport: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException)
        {
            // Environment problems (unwritable path, database unreachable) are the operator's to fix, not bugs.
            var message = e.Message.ReplaceLineEndings(" ");
            await error.WriteLineAsync(e is DbException ? $"rapport: database error: {message}" : $"rapport: {message}");
            return 1;
        }
    }
}
