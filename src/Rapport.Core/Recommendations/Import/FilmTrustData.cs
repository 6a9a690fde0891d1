using System.Globalization;

namespace Rapport.Core.Recommendations.Import;

/// <summary>A file the import cannot read: missing, or a line not in the expected format. Nothing has been written.</summary>
public sealed class FilmTrustFormatException(string message) : Exception(message);

/// <summary>One rating row of <c>ratings.txt</c>: <c>userId movieId rating</c>, rating 0.5–4.0 in steps of 0.5.</summary>
public readonly record struct FilmTrustRating(int User, int Movie, double Rating);

/// <summary>One row of <c>trust.txt</c>: <c>trustorId trusteeId trustValue</c>.</summary>
public readonly record struct FilmTrustEdge(int Truster, int Trustee);

/// <summary>
/// The FilmTrust files (Guo, Zhang and Yorke-Smith, 2013) read whole and checked before anything is written.
/// Duplicate (user, movie) rows keep the last one (the public file has three, all user 308); duplicate trust rows
/// count once and self-trust is dropped.
/// </summary>
public sealed record FilmTrustData(IReadOnlyList<FilmTrustRating> Ratings, IReadOnlyList<FilmTrustEdge> Trust, int DuplicateRatings)
{
    public static async Task<FilmTrustData> ReadAsync(string ratingsPath, string trustPath, CancellationToken cancellationToken)
    {
        var ratings = new Dictionary<(int, int), FilmTrustRating>();
        var rows = 0;
        await foreach (var (line, fields) in RowsAsync(ratingsPath, "userId movieId rating", cancellationToken))
        {
            var rating = Number(fields[2], ratingsPath, line, "rating");
            if (rating is < 0.5 or > 4.0 || Math.Abs(rating * 2 - Math.Round(rating * 2)) > 1e-9)
            {
                throw new FilmTrustFormatException($"{ratingsPath}, line {line}: rating '{fields[2]}' is not 0.5 to 4.0 in steps of 0.5.");
            }

            var row = new FilmTrustRating(Id(fields[0], ratingsPath, line, "userId"), Id(fields[1], ratingsPath, line, "movieId"), rating);
            ratings[(row.User, row.Movie)] = row;
            rows++;
        }

        var trust = new HashSet<FilmTrustEdge>();
        await foreach (var (line, fields) in RowsAsync(trustPath, "trustorId trusteeId trustValue", cancellationToken))
        {
            if (Number(fields[2], trustPath, line, "trustValue") <= 0)
            {
                throw new FilmTrustFormatException($"{trustPath}, line {line}: trustValue '{fields[2]}' is not positive; FilmTrust trust is 1.");
            }

            var edge = new FilmTrustEdge(Id(fields[0], trustPath, line, "trustorId"), Id(fields[1], trustPath, line, "trusteeId"));
            if (edge.Truster != edge.Trustee)
            {
                trust.Add(edge);
            }
        }

        if (ratings.Count == 0)
        {
            throw new FilmTrustFormatException($"{ratingsPath} has no ratings.");
        }

        return new FilmTrustData([.. ratings.Values], [.. trust], rows - ratings.Count);
    }

    /// <summary>Every user who rated or is in the trust graph.</summary>
    public IEnumerable<int> Users => Ratings.Select(r => r.User).Concat(Trust.SelectMany(t => new[] { t.Truster, t.Trustee })).Distinct();

    private static async IAsyncEnumerable<(int Line, string[] Fields)> RowsAsync(
        string path, string format, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FilmTrustFormatException($"{path} does not exist.");
        }

        var line = 0;
        await foreach (var text in File.ReadLinesAsync(path, cancellationToken))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3)
            {
                throw new FilmTrustFormatException($"{path}, line {line}: expected '{format}' separated by spaces.");
            }

            yield return (line, fields);
        }
    }

    private static int Id(string text, string path, int line, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new FilmTrustFormatException($"{path}, line {line}: {name} '{text}' is not a positive whole number.");

    private static double Number(string text, string path, int line, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FilmTrustFormatException($"{path}, line {line}: {name} '{text}' is not a number.");
}
