using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations.Import;

/// <summary>How FilmTrust's values become Rapport's.</summary>
public static class FilmTrustMapping
{
    public const string CommunitySlug = "filmtrust";
    public const string CommunityName = "FilmTrust";
    public const string HandlePrefix = "filmtrust_";
    public const string TitlePrefix = "Film #";
    public const string Topic = "film";

    /// <summary>
    /// A FilmTrust trust row is "A listed B as trusted": the public file is binary (originally 1–10, thresholded),
    /// which TrustSVD's authors call "trust-alike" and noisy. <see cref="TrustLevel.ALot"/> (0.6) says "a clear,
    /// deliberate signal" without claiming complete trust nobody stated.
    /// </summary>
    public static double TrustValue => TrustLevel.ALot.Value;

    /// <summary>
    /// Linear from FilmTrust's 0.5–4.0 onto 1–5 stars, rounded half away from zero:
    /// 0.5→1, 1.0→2, 1.5→2, 2.0→3, 2.5→3, 3.0→4, 3.5→4, 4.0→5. The ends meet the ends and the order is kept.
    /// </summary>
    public static int Stars(double rating) =>
        Math.Clamp((int)Math.Round(1 + (rating - 0.5) * 4 / 3.5, MidpointRounding.AwayFromZero), Recommendation.MinRating, Recommendation.MaxRating);

    public static string Handle(int user) => $"{HandlePrefix}{user}";

    public static string DisplayName(int user) => $"FilmTrust user {user}";

    public static string Title(int movie) => $"{TitlePrefix}{movie}";
}
