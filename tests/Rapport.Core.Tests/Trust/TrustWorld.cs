using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Tests.Communities;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Trust;

/// <summary>
/// A <see cref="UseCaseWorld"/> for the Trust use cases, with this world's own <see cref="TrustGraphStore"/>. Tests share
/// it and stay apart with their own people.
/// </summary>
public sealed class TrustWorld : UseCaseWorld
{
    private TrustWorld(TestDatabase database)
        : base(database, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public TrustGraphStore Store => Services.GetRequiredService<TrustGraphStore>();

    public static async Task<TrustWorld> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    public Task<Person> PersonAsync(params string[] topics) => AddPersonAsync("t", topics: topics);

    /// <summary>An open community hosted by <paramref name="host"/> with <paramref name="members"/>; returns its slug.</summary>
    public async Task<string> CommunityAsync(Person host, params Person[] members)
    {
        var slug = CommunityWorld.UniqueSlug();
        var created = await RunAsync((CreateCommunity uc) => uc.ExecuteAsync(
            host.Id, slug, new CommunityFields($"Community {slug}", "", "", MembershipMode.Open, []), Ct));
        Assert.True(created.Succeeded);
        foreach (var member in members)
        {
            await JoinAsync(slug, member);
        }

        return slug;
    }

    public async Task JoinAsync(string slug, Person person)
    {
        var joined = await RunAsync((JoinCommunity uc) => uc.ExecuteAsync(person.Id, slug, Ct));
        Assert.True(joined.Succeeded, joined.Detail);
    }

    public async Task LeaveAsync(string slug, Person person)
    {
        var left = await RunAsync((LeaveCommunity uc) => uc.ExecuteAsync(person.Id, slug, Ct));
        Assert.True(left.Succeeded, left.Detail);
    }

    /// <summary>States trust and asserts it worked.</summary>
    public async Task<TrustStatementView> StateAsync(
        Person from, Person to, double value, string? topic = null, TrustVisibility visibility = TrustVisibility.Public, string? community = null, string? note = null)
    {
        var outcome = await RunAsync((StateTrust uc) => uc.ExecuteAsync(from.Id, new TrustStatementInput(to.Handle, value, topic, visibility, community, note), Ct));
        Assert.True(outcome.Succeeded, $"{outcome.Kind}: {string.Join("; ", outcome.Errors.ToDictionary().SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")))} {outcome.Detail}");
        return outcome.Value!.Statement;
    }

    public async Task RevokeAsync(Person author, Guid statementId)
    {
        var outcome = await RunAsync((RevokeTrustStatement uc) => uc.ExecuteAsync(author.Id, statementId, Ct));
        Assert.True(outcome.Succeeded);
    }

    public async Task DeleteAccountAsync(Person person)
    {
        var deleted = await RunAsync((DeleteAccount uc) => uc.ExecuteAsync(person.AccountId, Ct));
        Assert.True(deleted.Succeeded, deleted.Detail);
    }

    /// <summary>Everything a trust write may touch, to prove a refused one touched nothing.</summary>
    public Task<string> TrustFingerprintAsync() => ReadAsync(async db =>
    {
        var statements = await db.TrustStatements.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => $"{s.Id}|{s.FromId}|{s.ToId}|{s.Topic}|{s.Value}|{s.Visibility}|{s.CommunityId}|{s.Note}|{s.ChangedAt.UtcTicks}|{s.RevokedAt}|{s.Sequence}")
            .ToListAsync(Ct);
        var versions = await db.TrustStatementVersions.CountAsync(Ct);
        var changes = await db.TrustChanges.CountAsync(Ct);
        var head = await db.TrustChangeHeads.Select(h => h.Sequence).SingleAsync(Ct);
        return string.Join("\n", statements) + $"\nversions {versions}, changes {changes}, head {head}";
    });
}

/// <summary>One <see cref="TrustWorld"/> per provider for a test class, made on first use.</summary>
public sealed class TrustWorlds() : UseCaseWorlds<TrustWorld>(TrustWorld.CreateAsync);
