namespace Rapport.Trust.Recommendation;

/// <summary>
/// An immutable set of ratings over dense user indices 0 .. <see cref="UserCount"/>-1 and item indices
/// 0 .. <see cref="ItemCount"/>-1, held twice in compressed sparse rows: by user (items and values, in the order given)
/// and by item (users and values). At most one rating per (user, item): the caller removes duplicates first.
/// </summary>
public sealed class RatingMatrix
{
    private readonly int[] userStart;
    private readonly int[] userItems;
    private readonly float[] userValues;
    private readonly int[] itemStart;
    private readonly int[] itemUsers;
    private readonly float[] itemValues;

    private RatingMatrix(int userCount, int itemCount, ReadOnlySpan<Rating> ratings)
    {
        UserCount = userCount;
        ItemCount = itemCount;
        Count = ratings.Length;
        (userStart, userItems, userValues) = Rows(userCount, ratings, byUser: true);
        (itemStart, itemUsers, itemValues) = Rows(itemCount, ratings, byUser: false);
        double sum = 0;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var rating in ratings)
        {
            sum += rating.Value;
            min = Math.Min(min, rating.Value);
            max = Math.Max(max, rating.Value);
        }

        Mean = ratings.IsEmpty ? 0 : sum / ratings.Length;
        Min = ratings.IsEmpty ? 0 : min;
        Max = ratings.IsEmpty ? 0 : max;
    }

    /// <summary>Number of user indices (users without ratings included).</summary>
    public int UserCount { get; }

    /// <summary>Number of item indices (items without ratings included).</summary>
    public int ItemCount { get; }

    /// <summary>Number of ratings.</summary>
    public int Count { get; }

    /// <summary>Mean of all ratings (0 when there are none).</summary>
    public double Mean { get; }

    /// <summary>Lowest rating (0 when there are none).</summary>
    public double Min { get; }

    /// <summary>Highest rating (0 when there are none).</summary>
    public double Max { get; }

    /// <summary>
    /// Builds the matrix. Indices must lie in range, values must be finite, and no (user, item) may repeat.
    /// </summary>
    public static RatingMatrix Build(int userCount, int itemCount, ReadOnlySpan<Rating> ratings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(userCount);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        foreach (var rating in ratings)
        {
            if ((uint)rating.User >= (uint)userCount || (uint)rating.Item >= (uint)itemCount || !float.IsFinite(rating.Value))
            {
                throw new ArgumentException($"Rating {rating} is out of range or not a number.", nameof(ratings));
            }
        }

        var matrix = new RatingMatrix(userCount, itemCount, ratings);
        for (var u = 0; u < userCount; u++)
        {
            var items = matrix.ItemsOf(u);
            for (var k = 1; k < items.Length; k++)
            {
                if (items[k] == items[k - 1])
                {
                    throw new ArgumentException($"User {u} rated item {items[k]} twice; remove duplicates first.", nameof(ratings));
                }
            }
        }

        return matrix;
    }

    /// <summary>Items rated by <paramref name="user"/>, ascending.</summary>
    public ReadOnlySpan<int> ItemsOf(int user) => userItems.AsSpan(userStart[user], userStart[user + 1] - userStart[user]);

    /// <summary>The values of <see cref="ItemsOf"/>, in the same order.</summary>
    public ReadOnlySpan<float> ValuesOfUser(int user) => userValues.AsSpan(userStart[user], userStart[user + 1] - userStart[user]);

    /// <summary>Users who rated <paramref name="item"/>, ascending.</summary>
    public ReadOnlySpan<int> UsersOf(int item) => itemUsers.AsSpan(itemStart[item], itemStart[item + 1] - itemStart[item]);

    /// <summary>The values of <see cref="UsersOf"/>, in the same order.</summary>
    public ReadOnlySpan<float> ValuesOfItem(int item) => itemValues.AsSpan(itemStart[item], itemStart[item + 1] - itemStart[item]);

    /// <summary>Number of ratings by <paramref name="user"/>.</summary>
    public int UserDegree(int user) => userStart[user + 1] - userStart[user];

    /// <summary>Number of ratings of <paramref name="item"/>.</summary>
    public int ItemDegree(int item) => itemStart[item + 1] - itemStart[item];

    // Counting sort into rows, then each row sorted by column so lookups can binary-search.
    private static (int[] Start, int[] Columns, float[] Values) Rows(int rowCount, ReadOnlySpan<Rating> ratings, bool byUser)
    {
        var start = new int[rowCount + 1];
        foreach (var rating in ratings)
        {
            start[(byUser ? rating.User : rating.Item) + 1]++;
        }

        for (var r = 0; r < rowCount; r++)
        {
            start[r + 1] += start[r];
        }

        var next = start[..^1];
        var columns = new int[ratings.Length];
        var values = new float[ratings.Length];
        foreach (var rating in ratings)
        {
            var at = next[byUser ? rating.User : rating.Item]++;
            columns[at] = byUser ? rating.Item : rating.User;
            values[at] = rating.Value;
        }

        for (var r = 0; r < rowCount; r++)
        {
            Array.Sort(columns, values, start[r], start[r + 1] - start[r]);
        }

        return (start, columns, values);
    }
}
