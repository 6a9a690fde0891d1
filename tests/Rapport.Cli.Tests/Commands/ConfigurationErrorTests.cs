using Rapport.Cli.Tests.Infrastructure;

namespace Rapport.Cli.Tests.Commands;

public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("migrate")]
    [InlineData("seed")]
    [InlineData("backup", "out.db")]
    public async Task AnyVerb_WithAnUnknownProvider_FailsWithOneReadableLine(params string[] verb)
    {
        var result = await RapportCli.RunAsync([.. verb, "--provider", "mysql"]);

        RapportCli.AssertOneLineError(result, "--provider must be sqlite or postgres, not 'mysql'.");
    }

    [Fact]
    public async Task Migrate_WithAnUnknownProviderInTheEnvironment_FailsWithOneReadableLine()
    {
        var environment = new Dictionary<string, string?> { ["Rapport__Database__Provider"] = "oracle" };

        var result = await RapportCli.RunAsync(environment, "migrate");

        RapportCli.AssertOneLineError(result, "Rapport:Database:Provider must be Sqlite or Postgres, not 'oracle'.");
    }

    [Fact]
    public async Task Migrate_OnPostgresWithoutAConnectionString_FailsWithOneReadableLine()
    {
        var result = await RapportCli.RunAsync("migrate", "--provider", "postgres");

        RapportCli.AssertOneLineError(result, "ConnectionString is empty");
    }

    [Fact]
    public async Task Migrate_WhenPostgresIsUnreachable_FailsWithOneReadableLine()
    {
        var result = await RapportCli.RunAsync("migrate", "--provider", "postgres",
            "--connection", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2");

        RapportCli.AssertOneLineError(result, "database error:");
    }

    [Theory]
    [InlineData]
    [InlineData("migrate")]
    [InlineData("seed")]
    [InlineData("backup")]
    [InlineData("bench", "trust")]
    [InlineData("eval", "sybil")]
    public async Task Help_ForEveryVerb_DescribesItAndExitsZero(params string[] verb)
    {
        var result = await RapportCli.RunAsync([.. verb, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Description:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.All(verb, v => Assert.Contains($" {v} ", result.Output, StringComparison.Ordinal));
        Assert.Contains("--data-dir", result.Output, StringComparison.Ordinal);
    }
}
