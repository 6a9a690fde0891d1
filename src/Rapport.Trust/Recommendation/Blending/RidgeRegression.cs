namespace Rapport.Trust.Recommendation.Blending;

/// <summary>
/// Least squares with an L2 penalty, solved through the normal equations: accumulate XᵀX and Xᵀy row by row, then
/// solve (XᵀX / n + α I) w = Xᵀy / n by Cholesky. Sized for a few dozen columns; rows are added in the caller's order,
/// so the same rows give the same bits.
/// </summary>
internal sealed class RidgeRegression
{
    private readonly int columns;
    private readonly double[] gram;
    private readonly double[] moment;
    private long rows;

    public RidgeRegression(int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        this.columns = columns;
        gram = new double[columns * columns];
        moment = new double[columns];
    }

    /// <summary>Rows added so far.</summary>
    public long Rows => rows;

    /// <summary>Adds one observation: features <paramref name="x"/> and target <paramref name="y"/>.</summary>
    public void Add(ReadOnlySpan<double> x, double y)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(x.Length, columns, nameof(x));
        for (var a = 0; a < columns; a++)
        {
            var xa = x[a];
            if (xa == 0)
            {
                continue;
            }

            moment[a] += xa * y;
            var row = gram.AsSpan(a * columns, columns);
            for (var b = 0; b <= a; b++)
            {
                row[b] += xa * x[b];
            }
        }

        rows++;
    }

    /// <summary>
    /// The weights minimising (1/n) Σ (y − w·x)² + <paramref name="penalty"/> ‖w‖² over the rows added (all zero when
    /// none were).
    /// </summary>
    public double[] Solve(double penalty)
    {
        if (!(penalty > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(penalty), "The penalty must be positive, so the system is always solvable.");
        }

        var weights = new double[columns];
        if (rows == 0)
        {
            return weights;
        }

        // Lower triangle of A = XᵀX / n + α I, factorised in place as L Lᵀ.
        var a = new double[columns * columns];
        for (var i = 0; i < columns; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                a[i * columns + j] = gram[i * columns + j] / rows + (i == j ? penalty : 0);
            }
        }

        for (var j = 0; j < columns; j++)
        {
            var diagonal = a[j * columns + j];
            for (var k = 0; k < j; k++)
            {
                diagonal -= a[j * columns + k] * a[j * columns + k];
            }

            diagonal = Math.Sqrt(diagonal);
            a[j * columns + j] = diagonal;
            for (var i = j + 1; i < columns; i++)
            {
                var sum = a[i * columns + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= a[i * columns + k] * a[j * columns + k];
                }

                a[i * columns + j] = sum / diagonal;
            }
        }

        // L v = b, then Lᵀ w = v.
        for (var i = 0; i < columns; i++)
        {
            var sum = moment[i] / rows;
            for (var k = 0; k < i; k++)
            {
                sum -= a[i * columns + k] * weights[k];
            }

            weights[i] = sum / a[i * columns + i];
        }

        for (var i = columns - 1; i >= 0; i--)
        {
            var sum = weights[i];
            for (var k = i + 1; k < columns; k++)
            {
                sum -= a[k * columns + i] * weights[k];
            }

            weights[i] = sum / a[i * columns + i];
        }

        return weights;
    }
}
