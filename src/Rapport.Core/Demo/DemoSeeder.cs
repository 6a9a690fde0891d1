namespace Rapport.Core.Demo;

/// <summary>The sign-in of the demo account, printed at start-up.</summary>
public sealed record DemoLogin(string Email, string Password);

/// <summary>Seeds a believable demo network into an empty database.</summary>
public sealed class DemoSeeder
{
    public Task<DemoLogin> SeedIfEmptyAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Being written.");
}
