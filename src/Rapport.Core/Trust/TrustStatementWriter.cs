using Microsoft.EntityFrameworkCore;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Trust;

/// <summary>
/// The one way a statement changes: inside a transaction that holds the trust change-log lock (so the limits are exact
/// counts and the log stays in commit order), it updates the statement, appends a <see cref="TrustStatementVersion"/>
/// and a <see cref="TrustChange"/>, commits, and then brings this node's graph up to the change. A refused write
/// changes nothing.
/// </summary>
public sealed class TrustStatementWriter(RapportDbContext db, TimeProvider clock, TrustGraphStore graph, MarkdownRenderer markdown)
{
    /// <summary>
    /// States trust from <paramref name="fromId"/> in <paramref name="toId"/> on <paramref name="topic"/>: creates the
    /// statement, changes it, or states a revoked one again. Stating exactly what is already current writes nothing.
    /// <paramref name="statementId"/> limits the write to that statement (a change by id); null finds it by its key.
    /// </summary>
    internal async Task<Outcome<StatedTrust>> StateAsync(
        Guid fromId, Guid? toId, string? topic, Guid? statementId, ValidTrustFields fields, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        long sequence;
        TrustStatement statement;
        bool created;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await TrustChangeLog.LockAsync(db, cancellationToken);
            var existing = statementId is { } id
                ? await db.TrustStatements.SingleOrDefaultAsync(s => s.Id == id && s.FromId == fromId, cancellationToken)
                : await db.TrustStatements.SingleOrDefaultAsync(s => s.FromId == fromId && s.ToId == toId && s.Topic == topic, cancellationToken);
            if (statementId is not null && existing is null)
            {
                return Outcome<StatedTrust>.NotFound();
            }

            // Checked under the lock: an account being deleted now either logs this statement with its others or is gone.
            if (existing is null && await db.People.CountAsync(p => p.Id == fromId || p.Id == toId, cancellationToken) < 2)
            {
                return Outcome<StatedTrust>.Invalid("to", "No one has that handle.");
            }

            Guid? communityId = null;
            if (fields.CommunitySlug is { } slug)
            {
                // Checked under the lock: a member leaving now either comes after (and logs it) or makes this fail.
                communityId = await db.Communities.Where(c => c.Slug == slug && c.Memberships.Any(m => m.PersonId == fromId))
                    .Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
                if (communityId is null)
                {
                    return Outcome<StatedTrust>.Invalid("community", NotYourCommunity);
                }
            }

            if (existing is { IsRevoked: false } && Same(existing, fields, communityId))
            {
                return new StatedTrust((await ViewsAsync([existing], fromId, cancellationToken))[0], Created: false);
            }

            var restating = existing is null or { IsRevoked: true };
            if (restating && await db.TrustStatements.CountAsync(s => s.FromId == fromId && s.RevokedAt == null, cancellationToken)
                >= TrustStatement.MaxCurrentPerPerson)
            {
                return Outcome<StatedTrust>.Conflict(
                    $"You already have {TrustStatement.MaxCurrentPerPerson:N0} trust statements. Revoke some before stating new ones.");
            }

            if (await ChangesTodayAsync(fromId, now, cancellationToken) >= TrustStatement.MaxChangesPerDay)
            {
                return Outcome<StatedTrust>.Conflict(
                    $"You have stated or changed trust {TrustStatement.MaxChangesPerDay} times in the last 24 hours. Try again later.");
            }

            created = existing is null;
            statement = existing ?? new TrustStatement { Id = Guid.CreateVersion7(now), FromId = fromId, ToId = toId!.Value, Topic = topic!, CreatedAt = now };
            if (created)
            {
                db.TrustStatements.Add(statement);
            }

            statement.Value = fields.Value;
            statement.Visibility = fields.Visibility;
            statement.CommunityId = communityId;
            statement.Note = fields.Note;
            statement.RevokedAt = null;
            sequence = await RecordAsync(statement, restating ? TrustStatementEvent.Stated : TrustStatementEvent.Changed, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await graph.CatchUpAsync(sequence, cancellationToken);
        return new StatedTrust((await ViewsAsync([statement], fromId, cancellationToken))[0], created);
    }

    /// <summary>Revokes the author's statement <paramref name="statementId"/>; revoking a revoked one again is Ok and writes nothing.</summary>
    internal async Task<Outcome<bool>> RevokeAsync(Guid fromId, Guid statementId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        long sequence;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await TrustChangeLog.LockAsync(db, cancellationToken);
            var statement = await db.TrustStatements.SingleOrDefaultAsync(s => s.Id == statementId && s.FromId == fromId, cancellationToken);
            if (statement is null)
            {
                return Outcome<bool>.NotFound();
            }

            if (statement.IsRevoked)
            {
                return true;
            }

            // Taking trust back is never refused for the daily limit: it only ever narrows what others see.
            statement.RevokedAt = now;
            sequence = await RecordAsync(statement, TrustStatementEvent.Revoked, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await graph.CatchUpAsync(sequence, cancellationToken);
        return true;
    }

    /// <summary>
    /// Adds the "community" error when <paramref name="input"/> shares with a community its author is not in, so a page
    /// shows it with the other field errors. The write checks again, under the lock.
    /// </summary>
    internal async Task CheckCommunityAsync(Guid authorId, TrustStatementInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (input.Visibility == TrustVisibility.Community && Communities.CommunitySlug.Normalize(input.Community) is { } slug
            && errors.For("community").Count == 0
            && !await db.Communities.AnyAsync(c => c.Slug == slug && c.Memberships.Any(m => m.PersonId == authorId), cancellationToken))
        {
            errors.Add("community", NotYourCommunity);
        }
    }

    private const string NotYourCommunity = "Choose a community you belong to.";

    private async Task<long> RecordAsync(TrustStatement statement, TrustStatementEvent happened, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sequence = await TrustChangeLog.AppendAsync(
            db, [TrustChangeLog.StatementChanged(statement.FromId, statement.ToId, statement.Topic, now)], cancellationToken);
        statement.ChangedAt = now;
        statement.Sequence = sequence;
        db.TrustStatementVersions.Add(new TrustStatementVersion
        {
            Sequence = sequence,
            StatementId = statement.Id,
            AuthorId = statement.FromId,
            Event = happened,
            Value = statement.Value,
            Visibility = statement.Visibility,
            CommunityId = statement.CommunityId,
            Note = statement.Note,
            At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return sequence;
    }

    private Task<int> ChangesTodayAsync(Guid authorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - TimeSpan.FromDays(1);
        return db.TrustStatementVersions.CountAsync(v => v.AuthorId == authorId && v.At > since, cancellationToken);
    }

    private static bool Same(TrustStatement statement, ValidTrustFields fields, Guid? communityId) =>
        statement.Value.Equals(fields.Value) && statement.Visibility == fields.Visibility && statement.CommunityId == communityId
        && string.Equals(statement.Note, fields.Note, StringComparison.Ordinal);

    private Task<List<TrustStatementView>> ViewsAsync(IReadOnlyList<TrustStatement> statements, Guid viewerId, CancellationToken cancellationToken) =>
        db.ToViewsAsync(markdown, statements, viewerId, cancellationToken);
}
