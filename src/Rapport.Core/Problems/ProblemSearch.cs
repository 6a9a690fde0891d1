using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Core.Problems;

/// <summary>
/// Full-text search over problems' titles and descriptions: SQLite FTS5 and PostgreSQL full text, created by the
/// <c>ProblemSearch</c> migration of each provider (SQLite: a contentless FTS5 table <c>ProblemSearch</c> keyed by
/// <c>ProblemSearchKeys</c>, a stable integer per problem, kept in step by triggers on <c>Problems</c>; PostgreSQL: a GIN
/// index on <c>to_tsvector('simple', Title || ' ' || Body)</c> queried with <c>websearch_to_tsquery</c>). Both
/// tokenize the same way for plain words (lower case, no stemming, no accent folding), match any of the query's words,
/// and score each problem by itself alone: <see cref="TitleWeight"/> per query word in its title plus
/// <see cref="BodyWeight"/> per query word in its description. No corpus statistics enter the score, so problems a
/// viewer may not see cannot move the order of those they may.
/// </summary>
internal static partial class ProblemSearch
{
    /// <summary>Words of a query used at most; more are ignored.</summary>
    public const int MaxTerms = 8;

    /// <summary>Shorter words are ignored (too common to tell problems apart).</summary>
    public const int MinTermLength = 3;

    public const int TitleWeight = 2;
    public const int BodyWeight = 1;

    /// <summary>Common English words that match nearly everything.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "how", "what", "why", "who", "can", "you", "your", "are", "was", "were", "this",
        "that", "from", "have", "has", "not", "but", "any", "about", "into", "does", "there", "their", "our", "out",
    };

    /// <summary>The distinct words to search for, lower case, in query order.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        return Word().Matches(query.Normalize(NormalizationForm.FormKC))
            .Select(m => m.Value.ToLower(CultureInfo.InvariantCulture))
            .Where(w => w.Length >= MinTermLength && !StopWords.Contains(w))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToList();
    }

    /// <summary>Every problem matching any of <paramref name="terms"/>, with its score; compose visibility and order on top.</summary>
    public static IQueryable<ProblemSearchHit> Hits(RapportDbContext db, IReadOnlyList<string> terms)
    {
        var parameters = new List<object>();
        string P(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        var sql = new StringBuilder();
        if (db.Database.IsSqlite())
        {
            var any = P(string.Join(" OR ", terms.Select(Quote)));
            sql.Append("SELECT k.\"ProblemId\" AS \"ProblemId\", (0");
            foreach (var term in terms)
            {
                sql.Append(CultureInfo.InvariantCulture,
                    $" + (CASE WHEN s.rowid IN (SELECT rowid FROM \"ProblemSearch\" WHERE \"ProblemSearch\" MATCH {P("Title : " + Quote(term))}) THEN {TitleWeight} ELSE 0 END)");
                sql.Append(CultureInfo.InvariantCulture,
                    $" + (CASE WHEN s.rowid IN (SELECT rowid FROM \"ProblemSearch\" WHERE \"ProblemSearch\" MATCH {P("Body : " + Quote(term))}) THEN {BodyWeight} ELSE 0 END)");
            }

            sql.Append(CultureInfo.InvariantCulture,
                $") AS \"Score\" FROM \"ProblemSearch\" s JOIN \"ProblemSearchKeys\" k ON k.\"RowId\" = s.rowid WHERE \"ProblemSearch\" MATCH {any}");
        }
        else
        {
            var any = P(string.Join(" or ", terms));
            sql.Append("SELECT p.\"Id\" AS \"ProblemId\", (0");
            foreach (var term in terms)
            {
                var query = P(term);
                sql.Append(CultureInfo.InvariantCulture,
                    $" + (CASE WHEN to_tsvector('simple', p.\"Title\") @@ plainto_tsquery('simple', {query}) THEN {TitleWeight} ELSE 0 END)");
                sql.Append(CultureInfo.InvariantCulture,
                    $" + (CASE WHEN to_tsvector('simple', p.\"Body\") @@ plainto_tsquery('simple', {query}) THEN {BodyWeight} ELSE 0 END)");
            }

            sql.Append(CultureInfo.InvariantCulture,
                $") AS \"Score\" FROM \"Problems\" p WHERE to_tsvector('simple', p.\"Title\" || ' ' || p.\"Body\") @@ websearch_to_tsquery('simple', {any})");
        }

        return db.Database.SqlQueryRaw<ProblemSearchHit>(sql.ToString(), parameters.ToArray());
    }

    /// <summary>An FTS5 string literal: the word in double quotes (words hold only letters and digits).</summary>
    private static string Quote(string term) => "\"" + term + "\"";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

/// <summary>One row of <see cref="ProblemSearch.Hits"/>.</summary>
internal sealed class ProblemSearchHit
{
    public Guid ProblemId { get; set; }

    public int Score { get; set; }
}
