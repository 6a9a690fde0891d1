using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Accounts;

/// <summary>
/// Deletes an account with its person, memberships, applications, sessions and access tokens, its recommendations (with
/// their history), collections and follows (the items it added stay, no longer naming it; forks of its collections
/// stay, no longer naming their origin), and the trust statements
/// made by and about the person with their history (the database cascades from the account; the statements' keys are
/// logged first, so every node's trust graph drops them). The last-host rule of <see cref="LeaveCommunity"/> holds here too: the last host
/// of a community that has other members gets Conflict and nothing is deleted. The caller checks the password.
/// A missing account is NotFound.
/// </summary>
public sealed class DeleteAccount(RapportDbContext db, UserManager<Account> users, EndSessions endSessions, TimeProvider clock, TrustGraphStore trustGraph)
{
    public async Task<Outcome<bool>> ExecuteAsync(string accountId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await DeleteAsync(accountId, cancellationToken);
        }
        finally
        {
            // After a rollback the tracked entities no longer match the database; after a commit nobody needs them.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<Outcome<bool>> DeleteAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await users.FindByIdAsync(accountId);
        if (account is null)
        {
            return Outcome<bool>.NotFound();
        }

        var personId = await db.People.Where(p => p.AccountId == accountId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (personId is { } id && await LastHostOfAsync(id, cancellationToken) is { } community)
        {
            return Outcome<bool>.Conflict($"You are the last host of {community}. Make another member a host of {community} first, then delete your account.");
        }

        var logged = personId is { } person ? await LogTrustStatementsAsync(person, cancellationToken) : 0;
        if (personId is { } author)
        {
            // The cascade deletes their recommendations: every node's feed index re-reads them and finds none.
            await Recommendations.RecommendationChangeLog.AppendAsync(db, [author], clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await endSessions.ExecuteAsync(accountId, keep: null, cancellationToken);
        var deleted = await users.DeleteAsync(account);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException($"Could not delete account {accountId}: {string.Join(" ", deleted.Errors.Select(e => e.Description))}");
        }

        await transaction.CommitAsync(cancellationToken);
        await trustGraph.CatchUpAsync(logged, cancellationToken);
        return true;
    }

    /// <summary>
    /// Logs every statement by or about the person as changed: the cascade deletes them, and a graph that re-reads a
    /// logged key and finds nothing drops it. The log keeps only the keys, and only until it is pruned.
    /// </summary>
    /// <returns>The log's position after them.</returns>
    private async Task<long> LogTrustStatementsAsync(Guid personId, CancellationToken cancellationToken)
    {
        // Under the log lock, so a statement being written about them now is either in this list or refused.
        await TrustChangeLog.LockAsync(db, cancellationToken);
        var keys = await db.TrustStatements.AsNoTracking()
            .Where(s => s.FromId == personId || s.ToId == personId)
            .Select(s => new { s.FromId, s.ToId, s.Topic })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changes = keys.Select(k => TrustChangeLog.StatementChanged(k.FromId, k.ToId, k.Topic, now)).ToList();
        var first = await TrustChangeLog.AppendAsync(db, changes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return first + changes.Count - 1;
    }

    /// <summary>
    /// The name of a community this person alone hosts while others belong to it, or null. Every community the
    /// person belongs to is locked first (in a fixed order), so a concurrent role change cannot slip between
    /// the count and the delete.
    /// </summary>
    private async Task<string?> LastHostOfAsync(Guid personId, CancellationToken cancellationToken)
    {
        var communityIds = await db.Memberships.Where(m => m.PersonId == personId)
            .Select(m => m.CommunityId).ToListAsync(cancellationToken);
        foreach (var communityId in communityIds.Order())
        {
            await CommunityLock.AcquireAsync(db, communityId, cancellationToken);
        }

        var hosted = await db.Memberships
            .Where(m => m.PersonId == personId && m.Role == CommunityRole.Host)
            .Select(m => new { m.CommunityId, m.Community!.Name })
            .ToListAsync(cancellationToken);
        foreach (var community in hosted.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            if (await CommunityLock.CountHostsAsync(db, community.CommunityId, cancellationToken) == 1
                && await db.Memberships.AnyAsync(m => m.CommunityId == community.CommunityId && m.PersonId != personId, cancellationToken))
            {
                return community.Name;
            }
        }

        return null;
    }
}
