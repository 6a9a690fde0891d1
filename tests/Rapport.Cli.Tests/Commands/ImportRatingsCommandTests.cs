using Microsoft.EntityFrameworkCore;
using Rapport.Cli.Tests.Infrastructure;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Recommendations.Import;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Cli.Tests.Commands;

public sealed class ImportRatingsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rapport-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ImportRatings_FilmTrust_CreatesTheCommunityPeopleTrustItemsAndRecommendations(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var (ratings, trust) = Write(
            "1 10 4.0\n1 11 0.5\n2 10 2.5\n3 12 3\n3 12 1.5\n",
            "1 2 1\n2 3 1\n4 1 1\n");

        var result = await RapportCli.RunAsync(["import", "ratings", "--format", "filmtrust", "--ratings", ratings, "--trust", trust, .. RapportCli.DatabaseArgs(database)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Contains("4 people, 3 trust statements, 3 items, 4 recommendations (1 duplicate ratings: kept the last of each)", result.Output, StringComparison.Ordinal);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        var community = await db.Communities.Include(c => c.Memberships).SingleAsync(c => c.Slug == "filmtrust", cancellationToken);
        Assert.Equal("FilmTrust", community.Name);
        Assert.Equal(4, community.Memberships.Count);
        var person = await db.People.SingleAsync(p => p.Handle == "filmtrust_3", cancellationToken);
        Assert.Equal("FilmTrust user 3", person.DisplayName);
        Assert.Equal(0, await db.Users.CountAsync(a => a.PasswordHash != null, cancellationToken));
        Assert.Equal(3, await db.RecommendationChanges.CountAsync(cancellationToken)); // the three raters, for every node's feed index
        var statements = await db.TrustStatements.ToListAsync(cancellationToken);
        Assert.All(statements, s => Assert.Equal((TrustLevel.ALot.Value, TrustVisibility.Public), (s.Value, s.Visibility)));
        // Every statement and membership is in the change log, so running nodes' graph replicas pick them up.
        Assert.Equal(3 + 4, await db.TrustChanges.CountAsync(cancellationToken));
        Assert.Equal(statements.Select(s => s.Sequence).Order(), await db.TrustStatementVersions.Select(v => v.Sequence).OrderBy(s => s).ToListAsync(cancellationToken));
        var film = await db.Items.Include(i => i.Topics).SingleAsync(i => i.Title == "Film #12", cancellationToken);
        Assert.Equal(ItemKind.Video, film.Kind);
        Assert.Equal("film", Assert.Single(film.Topics).Topic);
        var stars = await db.Recommendations.OrderBy(r => r.Rating).Select(r => r.Rating).ToListAsync(cancellationToken);
        Assert.Equal([1, 2, 3, 5], stars); // 0.5, 1.5 (the last of user 3's two rows), 2.5, 4.0
        Assert.Equal(4, await db.RecommendationVersions.CountAsync(v => v.Number == 1, cancellationToken));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ImportRatings_RunTwice_ChangesNothingTheSecondTimeAndSaysSo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var (ratings, trust) = Write("1 10 4.0\n2 10 2.5\n", "1 2 1\n");
        string[] args = ["import", "ratings", "--ratings", ratings, "--trust", trust, .. RapportCli.DatabaseArgs(database)];
        await RapportCli.RunAsync(args);
        var before = await CountsAsync(database);

        var again = await RapportCli.RunAsync(args);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("nothing changed", again.Output, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(database));
    }

    [Theory]
    [InlineData("1 10\n", "1 2 1\n", "line 1: expected")]
    [InlineData("1 10 4.5\n", "1 2 1\n", "is not 0.5 to 4.0")]
    [InlineData("x 10 4.0\n", "1 2 1\n", "userId 'x'")]
    [InlineData("1 10 4.0\n", "1 2 0\n", "trustValue '0'")]
    public async Task ImportRatings_WithAMalformedFile_FailsWithTheLineAndWritesNothing(string ratingsText, string trustText, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (ratings, trust) = Write(ratingsText, trustText);

        var result = await RapportCli.RunAsync(["import", "ratings", "--ratings", ratings, "--trust", trust, .. RapportCli.DatabaseArgs(database)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported.", result.Error, StringComparison.Ordinal);
        Assert.Equal("0,0,0", await CountsAsync(database));
    }

    [Fact]
    public async Task ImportRatings_WithAMissingFile_FailsAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (ratings, _) = Write("1 10 4.0\n", "1 2 1\n");

        var result = await RapportCli.RunAsync(
            ["import", "ratings", "--ratings", ratings, "--trust", Path.Combine(_directory, "nope.txt"), .. RapportCli.DatabaseArgs(database)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.txt does not exist", result.Error, StringComparison.Ordinal);
        Assert.Equal("0,0,0", await CountsAsync(database));
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1.0, 2)]
    [InlineData(1.5, 2)]
    [InlineData(2.0, 3)]
    [InlineData(2.5, 3)]
    [InlineData(3.0, 4)]
    [InlineData(3.5, 4)]
    [InlineData(4.0, 5)]
    public void Stars_MapsFilmTrustRatingsLinearlyOntoOneToFive(double rating, int stars) =>
        Assert.Equal(stars, FilmTrustMapping.Stars(rating));

    private (string Ratings, string Trust) Write(string ratings, string trust)
    {
        var ratingsPath = Path.Combine(_directory, "ratings.txt");
        var trustPath = Path.Combine(_directory, "trust.txt");
        File.WriteAllText(ratingsPath, ratings);
        File.WriteAllText(trustPath, trust);
        return (ratingsPath, trustPath);
    }

    private static async Task<string> CountsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var cancellationToken = TestContext.Current.CancellationToken;
        return string.Join(',',
            await db.People.CountAsync(cancellationToken), await db.Recommendations.CountAsync(cancellationToken), await db.TrustChanges.CountAsync(cancellationToken));
    }
}
