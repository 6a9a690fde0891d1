using System.Reflection;

namespace Rapport.Web.Tests.Durability;

/// <summary>Where the built app and the dotnet host are, for starting the app as a separate process.</summary>
internal static class AppBinary
{
    private const string FileName = "Rapport.Web.dll";

    /// <summary>
    /// The test project references Rapport.Web, so the build copies the app (dll, deps.json, runtimeconfig.json,
    /// appsettings.json) into the test's own output folder; that copy runs standalone. A test assembly copied
    /// elsewhere falls back to the app project's own build output, found by walking up to the repository.
    /// </summary>
    public static string Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, FileName);
        if (IsRunnable(beside))
        {
            return beside;
        }

        var configuration = typeof(AppBinary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Rapport.Web", "bin", configuration, "net10.0", FileName);
            if (IsRunnable(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{FileName} with its runtimeconfig.json was not found beside the tests or under src/Rapport.Web/bin/{configuration}. Build the solution first.");
    }

    /// <summary>The dotnet host running the tests when the SDK says so, else the one on PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static bool IsRunnable(string dll) => File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"));
}
