using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;

namespace Rapport.Core.Demo;

/// <summary>The sign-in of the demo account, printed at start-up.</summary>
public sealed record DemoLogin(string Email, string Password);

/// <summary>
/// Seeds the <see cref="DemoNetwork"/> into an empty database in one transaction. Only the demo account gets a
/// password (one real PBKDF2 hash, checked against the password policy); the other accounts cannot sign in,
/// which keeps seeding fast and leaves no guessable logins behind.
/// </summary>
public sealed class DemoSeeder(RapportDbContext db, UserManager<Account> users, TimeProvider time)
{
    /// <summary>Printed at start-up, so it is public by design; 20 characters and not a common password.</summary>
    public static readonly DemoLogin Login = new(DemoNetwork.DemoEmail, "lanterns-over-the-harbour");

    /// <summary>Seeds when no person exists yet; otherwise changes nothing. Returns the demo login either way.</summary>
    public async Task<DemoLogin> SeedIfEmptyAsync(int seed = DemoNetwork.DefaultSeed, CancellationToken cancellationToken = default)
    {
        if (await db.People.AnyAsync(cancellationToken))
        {
            return Login;
        }

        var network = DemoNetwork.Generate(seed, time.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await AddAsync(network, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two nodes started on one empty database at once: the other one's network stands.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (!await db.People.AnyAsync(cancellationToken))
            {
                throw;
            }
        }

        return Login;
    }

    private async Task AddAsync(DemoNetwork network, CancellationToken cancellationToken)
    {
        var created = await users.CreateAsync(network.DemoAccount, Login.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create the demo account: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        var others = network.Accounts.Where(a => a != network.DemoAccount).ToList();
        foreach (var account in others)
        {
            account.NormalizedUserName = users.NormalizeName(account.UserName);
            account.NormalizedEmail = users.NormalizeEmail(account.Email);
        }

        db.Users.AddRange(others);
        db.People.AddRange(network.People);
        db.Communities.AddRange(network.Communities);
        db.MembershipApplications.AddRange(network.Applications);
        await db.SaveChangesAsync(cancellationToken);
        await AddTrustAsync(network.TrustStatements, cancellationToken);
        db.Items.AddRange(network.Items);
        db.Recommendations.AddRange(network.Recommendations);
        await RecommendationChangeLog.AppendAsync(db, network.Recommendations.Select(r => r.PersonId), time.GetUtcNow(), cancellationToken);
        db.Collections.AddRange(network.Collections);
        await db.SaveChangesAsync(cancellationToken);
        db.Problems.AddRange(network.Problems);
        db.Contributions.AddRange(network.Contributions);
        db.Thanks.AddRange(network.Thanks);
        db.Interactions.AddRange(network.Interactions);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Statements go through the trust change log like any others: every version gets its log position, in the order
    /// the changes happened, so a node that loaded its graph before the seed still catches up.
    /// </summary>
    private async Task AddTrustAsync(List<TrustStatement> statements, CancellationToken cancellationToken)
    {
        var versions = statements.SelectMany(s => s.Versions.Select(v => (Statement: s, Version: v))).OrderBy(x => x.Version.At).ToList();
        var now = time.GetUtcNow(); // when logged, which is now, whatever the (made-up) history says
        var first = await TrustChangeLog.AppendAsync(
            db, versions.Select(x => TrustChangeLog.StatementChanged(x.Statement.FromId, x.Statement.ToId, x.Statement.Topic, now)).ToList(),
            cancellationToken);
        for (var i = 0; i < versions.Count; i++)
        {
            versions[i].Version.Sequence = first + i;
            versions[i].Statement.Sequence = Math.Max(versions[i].Statement.Sequence, first + i);
        }

        db.TrustStatements.AddRange(statements);
        await db.SaveChangesAsync(cancellationToken);
    }
}
