using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Trust.Scoring;

namespace Rapport.Core.Trust;

/// <summary>
/// Why the viewer may trust one person: the strongest paths of trust from the viewer to them (at most
/// <see cref="MaxPaths"/>, each at most <see cref="MaxHops"/> hops), through statements the viewer may see. Empty when
/// nothing connects them. An unknown handle is NotFound.
/// </summary>
public sealed class ExplainTrust(RapportDbContext db, TrustGraphStore store)
{
    public const int MaxPaths = 3;
    public const int MaxHops = 4;

    public async Task<Outcome<TrustExplanation>> ExecuteAsync(Guid viewerId, string? handle, string? topic, CancellationToken cancellationToken)
    {
        var person = await TrustPerspectives.PersonAsync(db, handle, cancellationToken);
        if (person is null)
        {
            return Outcome<TrustExplanation>.NotFound();
        }

        var errors = new FieldErrors();
        var normalizedTopic = ValidTrustFields.Topic(topic, errors);
        if (!errors.IsEmpty)
        {
            return Outcome<TrustExplanation>.Invalid(errors);
        }

        IReadOnlyList<TrustPathView> paths = [];
        var graph = await store.GetAsync(cancellationToken);
        if (person.Id != viewerId && graph.TryGetNode(person.Id, out var target)
            && await TrustPerspectives.ForAsync(db, graph, viewerId, cancellationToken) is { } perspective)
        {
            var found = TrustQueries.Why(graph.Snapshot, perspective, graph.TopicIndexOf(normalizedTopic), target, MaxPaths, MaxHops);
            paths = (await TrustPerspectives.ToViewsAsync(db, graph, [.. found], cancellationToken)).OfType<TrustPathView>().ToList();
        }

        return new TrustExplanation(person, TrustProjections.TopicOrNull(normalizedTopic), paths);
    }
}
