namespace Rapport.Cli.Scoring;

/// <summary>
/// Turns the contract's placeholder bodies (NotImplementedException, until the engine is merged) into one readable
/// line instead of a stack trace, and no half-written report.
/// </summary>
internal static class EngineMissing
{
    public static async Task<T> GuardAsync<T>(Func<Task<T>> measure)
    {
        try
        {
            return await measure();
        }
        catch (NotImplementedException e)
        {
            var placeholder = e.TargetSite is { } method ? $"{method.DeclaringType?.Name}.{method.Name}" : "a query";
            throw new CliException($"the trust engine is not in this build ({placeholder} is a placeholder); merge the engine and rerun.");
        }
    }
}
