using Rapport.Trust.Graph.Synthetic;

namespace Rapport.Trust.Recommendation;

/// <summary>Seeded shuffles for the folds and the training schedule.</summary>
internal static class Permutations
{
    /// <summary>0 .. <paramref name="count"/>-1 in a random order drawn from <paramref name="random"/> (Fisher–Yates).</summary>
    public static int[] Of(int count, SeededRandom random)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
