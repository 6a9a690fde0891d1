using Rapport.Cli.Evaluation.Recsys;

namespace Rapport.Cli.Tests.Evaluation;

public sealed class ColdErrorIntervalTests
{
    [Fact]
    public void Interval_OfNothingPredicted_IsNull()
    {
        var errors = new ColdErrorInterval();
        errors.Add(3, null, 4);

        Assert.Null(errors.Interval());
    }

    [Fact]
    public void Interval_OfOneUser_IsTheirRmse()
    {
        // Errors 1 and −3: RMSE √5, whatever the resample.
        var errors = new ColdErrorInterval();
        errors.Add(7, 3, 2);
        errors.Add(7, 1, 4);

        Assert.Equal([Math.Round(Math.Sqrt(5), 4), Math.Round(Math.Sqrt(5), 4)], errors.Interval()!);
    }

    [Fact]
    public void Interval_ResamplesUsers_WithinTheirRmses_AndIsSeeded()
    {
        // 20 users with error 0 and 20 with error 2 (one rating each): every resample's RMSE is in [0, 2], the full
        // sample's is √2, and a 95 % interval of 40 draws is well inside the extremes and around √2.
        static ColdErrorInterval Errors()
        {
            var errors = new ColdErrorInterval();
            for (var user = 0; user < 40; user++)
            {
                errors.Add(user, user % 2 == 0 ? 3 : 1, 3);
            }

            return errors;
        }

        var interval = Errors().Interval()!;

        Assert.InRange(interval[0], 0.9, Math.Sqrt(2));
        Assert.InRange(interval[1], Math.Sqrt(2), 1.8);
        Assert.Equal(interval, Errors().Interval());
    }
}
