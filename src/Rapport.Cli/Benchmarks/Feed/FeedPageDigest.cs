using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Rapport.Core.Recommendations;

namespace Rapport.Cli.Benchmarks.Feed;

/// <summary>
/// A fingerprint of the feed pages a line answered, in the viewers' order whatever order they were answered in: two runs
/// over the same database and viewers (one query at a time, or many at once) must print the same one. Each entry counts
/// with its item, exact score, others and every named recommender (person, exact trust, level, recommendation).
/// </summary>
internal static class FeedPageDigest
{
    public static byte[] Of(RecommendedFeed? feed)
    {
        var text = new StringBuilder();
        foreach (var entry in feed?.Entries ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"{entry.Item.Id} {entry.Score:R} {entry.Others}");
            foreach (var r in entry.Recommenders)
            {
                text.Append(CultureInfo.InvariantCulture, $" {r.Person.Id}:{r.Trust:R}:{r.Level?.Value:R}:{r.RecommendationId}");
            }

            text.Append('\n');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The pages' fingerprints, combined in the given order (hex).</summary>
    public static string Combine(IEnumerable<byte[]> pages) => Convert.ToHexStringLower(SHA256.HashData(pages.SelectMany(p => p).ToArray()));
}
