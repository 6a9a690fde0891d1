using Rapport.Trust.Graph;

namespace Rapport.Trust.Routing;

/// <summary>
/// Greedy diversification in the spirit of maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998): each of the
/// first <see cref="RoutingOptions.DiversityDepth"/> places goes to the candidate with the best
/// score · (1 − λ · max overlap with those already placed), where overlap is the Jaccard index of closed trust
/// neighbourhoods (the person and whom they trust, as the asker may see it). Two people who trust the same circle count as
/// one voice, so the list does not come from one cluster. Candidates are drawn from the best 3 × depth by score.
/// </summary>
internal static class DiversityReRank
{
    public static IReadOnlyList<RoutedCandidate> Apply(List<RoutedCandidate> byScore, RoutingSignals signals, RoutingOptions options)
    {
        if (options.DiversityPenalty <= 0 || options.DiversityDepth <= 1 || byScore.Count <= 1)
        {
            return byScore;
        }

        var pool = byScore.Take(3 * options.DiversityDepth).ToList();
        var neighbourhoods = pool.ToDictionary(c => c.Person, c => Neighbourhood(signals, c.Person));
        var chosen = new List<RoutedCandidate>();
        while (chosen.Count < options.DiversityDepth && pool.Count > 0)
        {
            RoutedCandidate? best = null;
            foreach (var candidate in pool)
            {
                var overlap = chosen.Select(c => Jaccard(neighbourhoods[candidate.Person], neighbourhoods[c.Person])).DefaultIfEmpty().Max();
                var factor = 1 - (options.DiversityPenalty * overlap);
                var penalised = candidate with { Score = candidate.Score * factor, DiversityFactor = factor };
                if (best is null || Router.ByScore(penalised, best) < 0)
                {
                    best = penalised;
                }
            }

            chosen.Add(best!);
            pool.RemoveAll(c => c.Person == best!.Person);
        }

        var placed = chosen.Select(c => c.Person).ToHashSet();
        return [.. chosen, .. byScore.Where(c => !placed.Contains(c.Person))];
    }

    internal static double Jaccard(HashSet<int> a, HashSet<int> b)
    {
        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    private static HashSet<int> Neighbourhood(RoutingSignals signals, int person)
    {
        var neighbourhood = new HashSet<int> { person };
        if ((uint)person < (uint)signals.Trust.NodeCount && (uint)signals.Request.Asker < (uint)signals.Trust.NodeCount)
        {
            var view = new PerspectiveView(signals.Trust, signals.Request.Perspective, TopicIndex.General, 1);
            foreach (var edge in view.Trust(person))
            {
                neighbourhood.Add(edge.To);
            }
        }

        return neighbourhood;
    }
}
