namespace Rapport.Web.Hosting;

/// <summary>
/// Where the first-run demo finds the FilmTrust data: <c>Rapport:Demo:FilmTrustDirectory</c> when set (empty turns it
/// off), else <c>../shared/data/filmtrust</c> beside the repository (the folder holding <c>Rapport.slnx</c>, searched
/// upward from the working directory).
/// </summary>
internal static class FilmTrustDirectory
{
    public const string Setting = "Rapport:Demo:FilmTrustDirectory";

    public static string? Find(IConfiguration configuration)
    {
        if (configuration[Setting] is { } configured)
        {
            return configured.Length == 0 ? null : Path.GetFullPath(configured);
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Rapport.slnx")))
            {
                return directory.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "data", "filmtrust") : null;
            }
        }

        return null;
    }
}
