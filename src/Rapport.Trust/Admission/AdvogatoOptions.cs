namespace Rapport.Trust.Admission;

/// <summary>
/// Options of the Advogato trust metric (Levien and Aiken, "Attack-Resistant Trust Metrics for Public Key
/// Certification", USENIX Security 1998; Levien, "Attack-Resistant Trust Metrics", PhD thesis, UC Berkeley, 2004).
/// </summary>
public sealed record AdvogatoOptions
{
    private readonly IReadOnlyList<int> capacities = Array.AsReadOnly(new[] { 800, 200, 200, 50, 12, 4, 2, 1 });
    private readonly float certificationThreshold;

    /// <summary>Advogato's own schedule, every positive trust statement a certification.</summary>
    public static AdvogatoOptions Default { get; } = new();

    /// <summary>
    /// Capacity of a person by breadth-first distance from the nearest seed: entry k for distance k, and 1 for
    /// everyone beyond the schedule. Default <c>[800, 200, 200, 50, 12, 4, 2, 1]</c>, the schedule advogato.org ran
    /// with. A person of capacity c is accepted themself with one unit and vouches on at most c − 1 units, so the
    /// schedule caps how many people a seed's trust can admit (each seed at most entry 0) and how far it reaches.
    /// Every entry is at least 1.
    /// </summary>
    public IReadOnlyList<int> Capacities
    {
        get => capacities;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var copy = value.ToArray();
            if (copy.Length == 0 || copy.Any(c => c < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(Capacities), "The capacity schedule has at least one entry, each at least 1.");
            }

            capacities = Array.AsReadOnly(copy);
        }
    }

    /// <summary>
    /// A trust statement certifies when its weight is above this, default 0 (every trust statement). Raising it plays
    /// the part of Advogato's certification levels: run once per level (for example 0.5 for "journeyer") to admit at
    /// that level. Distrust statements never certify. In [0, 1).
    /// </summary>
    public float CertificationThreshold
    {
        get => certificationThreshold;
        init => certificationThreshold = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(CertificationThreshold), value, "The certification threshold is in [0, 1).");
    }

    /// <summary>
    /// A schedule aiming at about <paramref name="targetAccepted"/> people, as the thesis derives it: the seed's
    /// capacity is the target, and each further distance divides by the expected number of people each person
    /// certifies (rounding up) until it reaches 1. <c>ForTarget(800, 4)</c> gives 800, 200, 50, 13, 4, 1.
    /// </summary>
    /// <param name="targetAccepted">How many people a seed may admit, at least 1.</param>
    /// <param name="branching">The average number of people each person certifies, above 1.</param>
    public static AdvogatoOptions ForTarget(int targetAccepted, double branching)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetAccepted, 1);
        if (!(branching > 1 && double.IsFinite(branching)))
        {
            throw new ArgumentOutOfRangeException(nameof(branching), branching, "The branching factor is a finite number above 1.");
        }

        var schedule = new List<int> { targetAccepted };
        while (schedule[^1] > 1)
        {
            schedule.Add((int)Math.Ceiling(schedule[^1] / branching));
        }

        return new AdvogatoOptions { Capacities = schedule };
    }
}
