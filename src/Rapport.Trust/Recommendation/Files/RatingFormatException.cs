namespace Rapport.Trust.Recommendation.Files;

/// <summary>A rating or trust file that cannot be read; the message names the file and, where it applies, the line.</summary>
public sealed class RatingFormatException : FormatException
{
    /// <summary>Creates the exception with a message naming the file and line.</summary>
    public RatingFormatException(string message)
        : base(message)
    {
    }
}
