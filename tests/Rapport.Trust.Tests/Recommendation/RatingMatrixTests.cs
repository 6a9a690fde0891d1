using Rapport.Trust.Recommendation;

namespace Rapport.Trust.Tests.Recommendation;

public sealed class RatingMatrixTests
{
    [Fact]
    public void Build_HoldsRowsByUserAndByItem_SortedWithTheirValues()
    {
        var matrix = RatingsBuilder.Matrix(3, 3, (0, 2, 5), (0, 1, 3), (2, 1, 1));

        Assert.Equal([1, 2], matrix.ItemsOf(0).ToArray());
        Assert.Equal([3f, 5f], matrix.ValuesOfUser(0).ToArray());
        Assert.Equal([0, 2], matrix.UsersOf(1).ToArray());
        Assert.Equal([3f, 1f], matrix.ValuesOfItem(1).ToArray());
        Assert.Equal((0, 0), (matrix.UserDegree(1), matrix.ItemDegree(0)));
        Assert.Equal((3, 3.0, 1.0, 5.0), (matrix.Count, matrix.Mean, matrix.Min, matrix.Max));
    }

    [Fact]
    public void Build_WithARepeatedRating_Throws()
    {
        Assert.Throws<ArgumentException>(() => RatingsBuilder.Matrix(1, 1, (0, 0, 1), (0, 0, 2)));
    }

    [Fact]
    public void Build_WithAnIndexOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => RatingsBuilder.Matrix(1, 1, (0, 1, 1)));
    }
}
