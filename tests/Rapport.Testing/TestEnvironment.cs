namespace Rapport.Testing;

/// <summary>What the machine running the tests offers, and whether missing pieces may be skipped.</summary>
public static class TestEnvironment
{
    /// <summary>In CI every test must run: a missing PostgreSQL or browser fails instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A connection string to a PostgreSQL server where tests may create databases.</summary>
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("RAPPORT_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    /// <summary>Skips the test with <paramref name="reason"/> locally; fails it in CI.</summary>
    public static void SkipUnlessCi(string reason)
    {
        if (IsCi)
        {
            Assert.Fail($"{reason} CI must run this test.");
        }

        Assert.Skip(reason);
    }
}
