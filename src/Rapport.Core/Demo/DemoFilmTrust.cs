using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations.Import;
using Rapport.Core.Trust;

namespace Rapport.Core.Demo;

/// <summary>
/// Adds the real FilmTrust data to the demo (<see cref="ImportFilmTrust"/>), then lets the demo person join the
/// FilmTrust community and trust, on film, the <see cref="Trusted"/> members most trusted there, so the demo feed's
/// "film" topic shows real trust-based recommendations.
/// </summary>
public sealed class DemoFilmTrust(RapportDbContext db, ImportFilmTrust import, TimeProvider time)
{
    public const int Trusted = 3;

    /// <summary>The folder holds <c>ratings.txt</c> and <c>trust.txt</c>.</summary>
    public static bool IsDataIn(string? directory) =>
        directory is { Length: > 0 } && File.Exists(Path.Combine(directory, "ratings.txt")) && File.Exists(Path.Combine(directory, "trust.txt"));

    public async Task<FilmTrustImported> ImportAsync(string directory, CancellationToken cancellationToken = default)
    {
        var data = await FilmTrustData.ReadAsync(Path.Combine(directory, "ratings.txt"), Path.Combine(directory, "trust.txt"), cancellationToken);
        var imported = await import.ExecuteAsync(data, cancellationToken);
        await LinkDemoPersonAsync(cancellationToken);
        return imported;
    }

    private async Task LinkDemoPersonAsync(CancellationToken cancellationToken)
    {
        var demo = await db.People.Where(p => p.Handle == DemoNetwork.DemoHandle).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var community = await db.Communities.Where(c => c.Slug == FilmTrustMapping.CommunitySlug).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (demo is not { } demoId || community is not { } communityId
            || await db.Memberships.AnyAsync(m => m.PersonId == demoId && m.CommunityId == communityId, cancellationToken))
        {
            return;
        }

        var trusted = await db.TrustStatements.Where(s => s.To!.Handle.StartsWith(FilmTrustMapping.HandlePrefix) && s.RevokedAt == null && s.Value > 0)
            .GroupBy(s => s.ToId).Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id).Take(Trusted).Select(g => g.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Memberships.Add(new Membership { CommunityId = communityId, PersonId = demoId, Role = CommunityRole.Member, JoinedAt = now });
        await TrustChangeLog.MembershipChangedAsync(db, communityId, demoId, now, cancellationToken);
        var first = await TrustChangeLog.AppendAsync(
            db, [.. trusted.Select(id => TrustChangeLog.StatementChanged(demoId, id, FilmTrustMapping.Topic, now))], cancellationToken);
        for (var i = 0; i < trusted.Count; i++)
        {
            var statement = new TrustStatement
            {
                Id = Guid.CreateVersion7(now), FromId = demoId, ToId = trusted[i], Topic = FilmTrustMapping.Topic, Value = TrustLevel.ALot.Value,
                Visibility = TrustVisibility.Public, Note = "Their film ratings are worth following.", CreatedAt = now, ChangedAt = now, Sequence = first + i,
            };
            statement.Versions.Add(new TrustStatementVersion
            {
                Sequence = first + i, StatementId = statement.Id, AuthorId = demoId, Event = TrustStatementEvent.Stated,
                Value = statement.Value, Visibility = statement.Visibility, Note = statement.Note, At = now,
            });
            db.TrustStatements.Add(statement);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
