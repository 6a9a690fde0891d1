using Microsoft.EntityFrameworkCore;
using Rapport.Core.Demo;
using Rapport.Core.Persistence;

namespace Rapport.Web.Hosting;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies migrations, then seeds the demo network when asked (Development, or <c>Rapport:SeedDemo=true</c>)
    /// and the database has no people yet, with the FilmTrust data when <see cref="FilmTrustDirectory"/> finds it.
    /// Prints where the data lives and how to sign in.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        await DatabaseRegistration.MigrateAsync(db, settings);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Rapport");
        // Describe() names the file or the server and database, never the connection string's password.
        logger.LogInformation("Rapport data: {Location}", settings.Describe());

        if (app.Configuration.GetValue("Rapport:SeedDemo", app.Environment.IsDevelopment()))
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            var firstRun = !await db.People.AnyAsync();
            var login = await seeder.SeedIfEmptyAsync();
            if (firstRun && FilmTrustDirectory.Find(app.Configuration) is { } filmTrust && DemoFilmTrust.IsDataIn(filmTrust))
            {
                var imported = await scope.ServiceProvider.GetRequiredService<DemoFilmTrust>().ImportAsync(filmTrust);
                logger.LogInformation("FilmTrust from {Directory}: {People} people, {Ratings} ratings", filmTrust, imported.People, imported.Recommendations);
            }

            logger.LogInformation("Demo network ready. Sign in as {Email} with password {Password}", login.Email, login.Password);
        }
    }
}
