using Rapport.Trust.Recommendation;

namespace Rapport.Trust.Tests.Recommendation;

/// <summary>Small rating matrices and trust networks written as (user, item, value) triples.</summary>
internal static class RatingsBuilder
{
    public static RatingMatrix Matrix(int users, int items, params (int User, int Item, float Value)[] ratings) =>
        RatingMatrix.Build(users, items, [.. ratings.Select(r => new Rating(r.User, r.Item, r.Value))]);

    /// <summary>A seeded random dataset: each user rates about <paramref name="perUser"/> items on 1–5 and trusts a few users.</summary>
    public static (RatingMatrix Ratings, TrustNetwork Trust) Random(int users, int items, int perUser, int seed)
    {
        var random = new Random(seed);
        var ratings = new List<Rating>();
        for (var u = 0; u < users; u++)
        {
            foreach (var item in Enumerable.Range(0, items).OrderBy(_ => random.Next()).Take(perUser).Order())
            {
                ratings.Add(new Rating(u, item, 1 + ((u + item) % 5 + random.Next(2)) % 5));
            }
        }

        var trust = Enumerable.Range(0, users * 3).Select(_ => (random.Next(users), random.Next(users))).ToArray();
        return (RatingMatrix.Build(users, items, [.. ratings]), TrustNetwork.Build(users, trust));
    }
}
