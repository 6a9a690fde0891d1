using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Communities;

/// <summary>
/// A <see cref="UseCaseWorld"/> for the Communities use cases (one DI scope, and so one DbContext, per call, like one
/// request each). Tests share it and stay apart with unique people and slugs.
/// </summary>
public sealed class CommunityWorld : UseCaseWorld
{
    private CommunityWorld(TestDatabase database)
        : base(database, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public static async Task<CommunityWorld> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    public Task<Person> PersonAsync(params (string Topic, string? Context)[] competences) =>
        AddPersonAsync("c", configure: p => p.Competences.AddRange(competences.Select(c => new Competence { Topic = c.Topic, Context = c.Context })));

    /// <summary>A community hosted by <paramref name="host"/>; returns its slug.</summary>
    public async Task<string> CommunityAsync(Person host, MembershipMode mode, params string[] questions)
    {
        var slug = UniqueSlug();
        var created = await RunAsync((CreateCommunity uc) => uc.ExecuteAsync(
            host.Id, slug, new CommunityFields($"Community {slug}", "About *us*", "Be kind.", mode, questions), TestContext.Current.CancellationToken));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.ToDictionary().SelectMany(e => e.Value)));
        return slug;
    }

    /// <summary>Makes <paramref name="person"/> a member (through an invitation link, which works for every mode).</summary>
    public async Task JoinAsync(Person host, string slug, Person person)
    {
        var ct = TestContext.Current.CancellationToken;
        var link = await RunAsync((CreateInvitationLink uc) => uc.ExecuteAsync(host.Id, slug, 7, null, ct));
        var joined = await RunAsync((JoinWithInvitation uc) => uc.ExecuteAsync(person.Id, link.Value!.Secret, ct));
        Assert.True(joined.Succeeded, joined.Detail);
    }

    public static string UniqueSlug() => $"c-{Guid.NewGuid():N}"[..20];
}

/// <summary>One <see cref="CommunityWorld"/> per provider for a test class, made on first use.</summary>
public sealed class CommunityWorlds() : UseCaseWorlds<CommunityWorld>(CommunityWorld.CreateAsync);
