using Rapport.Core.Outcomes;

namespace Rapport.Core.Communities;

/// <summary>Which slice of a list to read: <c>limit</c> 1–100 (default 20) from <c>offset</c>.</summary>
public sealed record PageRequest(int? Limit = null, int? Offset = null)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Far enough for any real browsing; deeper offsets are costly scans.</summary>
    public const int MaxOffset = 100_000;

    internal int Take => Limit ?? DefaultLimit;

    internal int Skip => Offset ?? 0;

    internal FieldErrors Validate(FieldErrors errors)
    {
        if (Take is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"Limit must be between 1 and {MaxLimit}.");
        }

        if (Skip is < 0 or > MaxOffset)
        {
            errors.Add("offset", $"Offset must be between 0 and {MaxOffset}.");
        }

        return errors;
    }
}
