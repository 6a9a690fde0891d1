using Microsoft.EntityFrameworkCore;
using Rapport.Core.Persistence;

namespace Rapport.Web.Tests.Durability;

/// <summary>What is in the database, read by the test process itself, beside the running app.</summary>
internal sealed class StoredCompetences
{
    private readonly ILookup<(Guid PersonId, string Topic), long> _ids;

    private StoredCompetences(ILookup<(Guid PersonId, string Topic), long> ids, int count)
    {
        _ids = ids;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The ids stored for a write's person and topic: exactly one when the write is durable.</summary>
    public IReadOnlyList<long> IdsOf(PlannedWrite write) => [.. _ids[(write.Writer.PersonId, write.Topic)]];

    /// <summary>How many (person, topic) pairs have more than one row.</summary>
    public int Duplicates => _ids.Count(group => group.Count() > 1);

    public IEnumerable<(string Topic, long Id)> Of(Writer writer) =>
        _ids.Where(g => g.Key.PersonId == writer.PersonId).SelectMany(g => g.Select(id => (g.Key.Topic, id)));

    public static async Task<StoredCompetences> ReadAsync(DatabaseSettings database, CancellationToken cancellationToken)
    {
        await using var db = DatabaseRegistration.CreateStandaloneContext(Unpooled.Connections(database));
        var rows = await db.Competences.AsNoTracking()
            .Select(c => new { c.PersonId, c.Topic, c.Id })
            .ToListAsync(cancellationToken);
        return new StoredCompetences(rows.ToLookup(r => (r.PersonId, r.Topic), r => r.Id), rows.Count);
    }
}
