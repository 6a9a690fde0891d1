namespace Rapport.Trust.Routing;

/// <summary>A score summed from parts, keeping each part's share so it can be shown ("matching terms: qubit, noise").</summary>
internal sealed class Match
{
    private readonly List<(string Key, double Score)> parts = [];

    public double Score { get; private set; }

    public IReadOnlyList<(string Key, double Score)> Parts => parts;

    public void Add(string key, double score)
    {
        Score += score;
        parts.Add((key, score));
    }
}
