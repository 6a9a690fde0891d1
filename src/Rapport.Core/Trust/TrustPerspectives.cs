using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Persistence;
using Rapport.Trust.Graph;
using Rapport.Trust.Scoring;

namespace Rapport.Core.Trust;

/// <summary>Between the use cases and the engine: whose eyes a query looks through, and its answers in people.</summary>
internal static class TrustPerspectives
{
    /// <summary>
    /// The viewer's perspective: their node and the communities they belong to now (read from the database, not the
    /// graph, so a community just left is out at once). Null when the viewer has no statement in the graph: from
    /// there nobody can be reached.
    /// </summary>
    public static async Task<Perspective?> ForAsync(RapportDbContext db, TrustGraph graph, Guid viewerId, CancellationToken cancellationToken)
    {
        if (!graph.TryGetNode(viewerId, out var node))
        {
            return null;
        }

        var communities = await db.Memberships.AsNoTracking().Where(m => m.PersonId == viewerId).Select(m => m.CommunityId).ToListAsync(cancellationToken);
        return graph.PerspectiveOf(node, communities);
    }

    /// <summary>Engine paths as people; a path through someone no longer here (an account deleted since) is left out.</summary>
    public static async Task<List<TrustPathView?>> ToViewsAsync(
        RapportDbContext db, TrustGraph graph, IReadOnlyList<TrustPath?> paths, CancellationToken cancellationToken)
    {
        var ids = paths.OfType<TrustPath>().SelectMany(p => p.Hops).SelectMany(h => new[] { h.From, h.To }).Distinct()
            .Select(graph.PersonAt).Where(id => id != Guid.Empty).ToList();
        var people = await db.LoadPeopleAsync(ids, cancellationToken);
        return paths.Select(path =>
        {
            if (path is null || path.Hops.Count == 0)
            {
                return null;
            }

            var hops = new List<TrustHopView>(path.Hops.Count);
            foreach (var hop in path.Hops)
            {
                if (!people.TryGetValue(graph.PersonAt(hop.From), out var from) || !people.TryGetValue(graph.PersonAt(hop.To), out var to))
                {
                    return null;
                }

                hops.Add(new TrustHopView(from, to, hop.Value, graph.TopicAt(hop.Topic)));
            }

            return new TrustPathView(path.Strength, hops);
        }).ToList();
    }

    /// <summary>The person behind a handle, as a summary; null when there is none.</summary>
    public static async Task<PersonSummary?> PersonAsync(RapportDbContext db, string? handle, CancellationToken cancellationToken)
    {
        var normalized = People.Handle.Normalize(handle);
        var id = normalized is null
            ? null
            : await db.People.Where(p => p.Handle == normalized).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        return id is { } found ? (await db.LoadPeopleAsync([found], cancellationToken))[found] : null;
    }
}
