namespace Rapport.Core.Trust;

/// <summary>
/// The named steps pages offer, and the rules every stated value follows. The API takes any value in [-1, 1]
/// whose size is at least <see cref="MinimumMagnitude"/>; pages offer these steps:
/// <list type="table">
/// <item><term>Distrust</term><description>-1.0: "I would not rely on them."</description></item>
/// <item><term>Some</term><description>0.25: "I trust them somewhat."</description></item>
/// <item><term>A lot</term><description>0.6: "I trust them a lot."</description></item>
/// <item><term>Completely</term><description>1.0: "I trust them completely."</description></item>
/// </list>
/// </summary>
public sealed record TrustLevel(string Name, double Value, string Description)
{
    /// <summary>Values nearer to 0 than this say nothing; revoke the statement instead.</summary>
    public const double MinimumMagnitude = 0.01;

    public static readonly TrustLevel Distrust = new("Distrust", -1.0, "I would not rely on them.");
    public static readonly TrustLevel Some = new("Some", 0.25, "I trust them somewhat.");
    public static readonly TrustLevel ALot = new("A lot", 0.6, "I trust them a lot.");
    public static readonly TrustLevel Completely = new("Completely", 1.0, "I trust them completely.");

    /// <summary>The steps, from distrust to complete trust.</summary>
    public static IReadOnlyList<TrustLevel> Steps { get; } = [Distrust, Some, ALot, Completely];

    /// <summary>The step nearest to <paramref name="value"/> (a value set through the API may fall between steps).</summary>
    public static TrustLevel Nearest(double value) => Steps.MinBy(step => Math.Abs(step.Value - value))!;

    /// <summary>Why <paramref name="value"/> cannot be stated, or null when it can.</summary>
    public static string? Problem(double? value) => value switch
    {
        null => "Say how much you trust them: a value from -1 (distrust) to 1 (complete trust).",
        { } v when double.IsNaN(v) || v < -1 || v > 1 => "Trust must be between -1 (distrust) and 1 (complete trust).",
        { } v when Math.Abs(v) < MinimumMagnitude => $"Trust cannot be 0 (or nearer to it than {MinimumMagnitude}); revoke the statement instead.",
        _ => null,
    };
}
