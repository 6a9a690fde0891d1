using System.Globalization;
using System.IO.Compression;

namespace Rapport.Trust.Recommendation.Files;

/// <summary>
/// Reads a ratings file and an optional trust file (plain or gzip, detected by content) into dense indices. Blank
/// lines and lines starting with <c>#</c> or <c>%</c> are skipped; any other line that does not fit the format stops
/// the read with a <see cref="RatingFormatException"/> naming the file and line.
/// </summary>
public static class RatingFile
{
    /// <summary>Loads the dataset. Missing files throw <see cref="FileNotFoundException"/>.</summary>
    public static RatingDataset Load(string ratingsPath, string? trustPath, RatingFileFormat format)
    {
        var users = new Dictionary<long, int>();
        var items = new Dictionary<long, int>();
        var byPair = new Dictionary<(int, int), int>();
        var ratings = new List<Rating>();
        var rows = 0;
        var ratingColumns = format == RatingFileFormat.Tang ? 4 : 3;
        var valueColumn = format == RatingFileFormat.Tang ? 3 : 2;
        ReadRows(ratingsPath, ratingColumns, (fields, line) =>
        {
            rows++;
            var user = Index(users, Id(fields[0], ratingsPath, line));
            var item = Index(items, Id(fields[1], ratingsPath, line));
            var value = Number(fields[valueColumn], ratingsPath, line);
            var rating = new Rating(user, item, value);
            if (byPair.TryGetValue((user, item), out var at))
            {
                ratings[at] = rating;
            }
            else
            {
                byPair[(user, item)] = ratings.Count;
                ratings.Add(rating);
            }
        });

        var trust = new List<(int From, int To)>();
        var seen = new HashSet<(int, int)>();
        int trustRows = 0, selfLoops = 0, dropped = 0;
        if (trustPath is not null)
        {
            ReadRows(trustPath, format == RatingFileFormat.Tang ? 2 : 3, (fields, line) =>
            {
                trustRows++;
                var from = Index(users, Id(fields[0], trustPath, line));
                var to = Index(users, Id(fields[1], trustPath, line));
                var positive = format == RatingFileFormat.Tang || Number(fields[2], trustPath, line) > 0;
                if (from == to)
                {
                    selfLoops++;
                }
                else if (!positive || !seen.Add((from, to)))
                {
                    dropped++;
                }
                else
                {
                    trust.Add((from, to));
                }
            });
        }

        return new RatingDataset
        {
            Ratings = ratings,
            Trust = trust,
            UserCount = users.Count,
            ItemCount = items.Count,
            RatingRows = rows,
            DuplicateRatings = rows - ratings.Count,
            TrustRows = trustRows,
            TrustSelfLoops = selfLoops,
            TrustDropped = dropped,
        };
    }

    private delegate void RowHandler(Span<string> fields, long line);

    private static void ReadRows(string path, int columns, RowHandler handle)
    {
        using var reader = Open(path);
        var fields = new string[columns];
        var number = 0L;
        var any = false;
        while (reader.ReadLine() is { } text)
        {
            number++;
            var line = text.AsSpan().Trim();
            if (line.IsEmpty || line[0] is '#' or '%')
            {
                continue;
            }

            var count = 0;
            foreach (var range in line.SplitAny(' ', '\t', ','))
            {
                if (range.End.Value == range.Start.Value)
                {
                    continue;
                }

                if (count == columns)
                {
                    count++;
                    break;
                }

                fields[count++] = line[range].ToString();
            }

            if (count != columns)
            {
                throw new RatingFormatException($"{Path.GetFileName(path)} line {number}: expected {columns} columns, found '{Shorten(line)}'.");
            }

            handle(fields, number);
            any = true;
        }

        if (!any)
        {
            throw new RatingFormatException($"{Path.GetFileName(path)} has no rows.");
        }
    }

    private static StreamReader Open(string path)
    {
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        var gzip = stream.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        stream.Position = 0;
        if (gzip)
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream);
    }

    private static int Index(Dictionary<long, int> indices, long id)
    {
        if (!indices.TryGetValue(id, out var index))
        {
            index = indices.Count;
            indices[id] = index;
        }

        return index;
    }

    private static long Id(string field, string path, long line) =>
        long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new RatingFormatException($"{Path.GetFileName(path)} line {line}: '{Shorten(field)}' is not an integer id.");

    private static float Number(string field, string path, long line) =>
        float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)
            ? value
            : throw new RatingFormatException($"{Path.GetFileName(path)} line {line}: '{Shorten(field)}' is not a number.");

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");
}
