using System.IO.Compression;
using System.Text;
using Rapport.Trust.Recommendation;
using Rapport.Trust.Recommendation.Files;

namespace Rapport.Trust.Tests.Recommendation.Files;

public sealed class RatingFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rapport-ratings-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_FilmTrust_KeepsTheLastOfRepeatedRatings_AndDropsSelfLoopsAndRepeatedTrust()
    {
        var ratings = Write("ratings.txt", "1 10 2\n1 11 3.5\n\n2 10 4\n1 10 0.5\n");
        var trust = Write("trust.txt", "1 2 1\n1 2 1\n2 2 1\n3 1 1\n");

        var data = RatingFile.Load(ratings, trust, RatingFileFormat.FilmTrust);

        Assert.Equal([new Rating(0, 0, 0.5f), new Rating(0, 1, 3.5f), new Rating(1, 0, 4f)], data.Ratings);
        Assert.Equal([(0, 1), (2, 0)], data.Trust);
        Assert.Equal((3, 2, 4, 1), (data.UserCount, data.ItemCount, data.RatingRows, data.DuplicateRatings));
        Assert.Equal((4, 1, 1), (data.TrustRows, data.TrustSelfLoops, data.TrustDropped));
    }

    [Fact]
    public void Load_TangGzip_ReadsTheRatingAfterTheCategory()
    {
        var ratings = WriteGzip("rating.txt.gz", "5 7 3 4\n6 7 3 1\n");
        var trust = WriteGzip("trustnetwork.txt.gz", "5 6\n");

        var data = RatingFile.Load(ratings, trust, RatingFileFormat.Tang);

        Assert.Equal([new Rating(0, 0, 4f), new Rating(1, 0, 1f)], data.Ratings);
        Assert.Equal([(0, 1)], data.Trust);
    }

    [Theory]
    [InlineData("1 10\n", "ratings.txt line 1: expected 3 columns, found '1 10'.")]
    [InlineData("1 10 2\nx 10 2\n", "ratings.txt line 2: 'x' is not an integer id.")]
    [InlineData("1 10 good\n", "ratings.txt line 1: 'good' is not a number.")]
    [InlineData("# nothing\n", "ratings.txt has no rows.")]
    public void Load_WithABadLine_NamesTheFileAndLine(string content, string expected)
    {
        var ratings = Write("ratings.txt", content);

        var error = Assert.Throws<RatingFormatException>(() => RatingFile.Load(ratings, null, RatingFileFormat.FilmTrust));

        Assert.Equal(expected, error.Message);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string WriteGzip(string name, string content)
    {
        var path = Path.Combine(folder, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }
}
