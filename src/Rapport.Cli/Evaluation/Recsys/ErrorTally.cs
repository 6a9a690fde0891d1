namespace Rapport.Cli.Evaluation.Recsys;

/// <summary>Absolute and squared errors of the predictions made, out of the ratings asked.</summary>
internal sealed class ErrorTally
{
    private double absolute;
    private double squared;
    private long predicted;
    private long asked;

    public void Add(double? prediction, double actual)
    {
        asked++;
        if (prediction is { } value)
        {
            var error = value - actual;
            absolute += Math.Abs(error);
            squared += error * error;
            predicted++;
        }
    }

    public double? Mae => predicted == 0 ? null : Math.Round(absolute / predicted, 4);

    public double? Rmse => predicted == 0 ? null : Math.Round(Math.Sqrt(squared / predicted), 4);

    public double Coverage => asked == 0 ? 0 : Math.Round(predicted / (double)asked, 4);
}
