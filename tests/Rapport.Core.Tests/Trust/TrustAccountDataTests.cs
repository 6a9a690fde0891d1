using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Trust;

/// <summary>A person's trust statements in their data export, and gone (from the database and the graph's log) with their account.</summary>
public sealed class TrustAccountDataTests(TrustWorlds worlds) : IClassFixture<TrustWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Export_HoldsTheirOwnStatementsWithHistory_ButNotOthersStatementsAboutThem(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var slug = await world.CommunityAsync(ada, bo);
        var statement = await world.StateAsync(ada, bo, 0.25, "sailing", note: "First try.");
        await world.StateAsync(ada, bo, 0.6, "sailing", TrustVisibility.Community, slug, "Better now.");
        var revoked = await world.StateAsync(ada, bo, -1, visibility: TrustVisibility.Private);
        await world.RevokeAsync(ada, revoked.Id);
        await world.StateAsync(bo, ada, 1, note: "BO-PRIVATE-NOTE", visibility: TrustVisibility.Private);

        var data = await world.RunAsync((ExportPersonalData uc) => uc.ExecuteAsync(ada.AccountId, Ct));

        Assert.Equal(2, data!.TrustStatements.Count);
        var sailing = data.TrustStatements.Single(s => s.Topic == "sailing");
        Assert.Equal((bo.Handle, 0.6, TrustVisibility.Community, slug, "Better now."), (sailing.About, sailing.Value, sailing.Visibility, sailing.Community, sailing.Note));
        Assert.Equal([(TrustStatementEvent.Stated, 0.25, (string?)null), (TrustStatementEvent.Changed, 0.6, slug)],
            sailing.History.Select(v => (v.Event, v.Value, v.Community)));
        var general = data.TrustStatements.Single(s => s.Topic is null);
        Assert.NotNull(general.RevokedAt);
        Assert.Equal(TrustStatementEvent.Revoked, general.History[^1].Event);
        Assert.DoesNotContain("BO-PRIVATE-NOTE", JsonSerializer.Serialize(data), StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, statement.Id);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task DeleteAccount_RemovesStatementsByAndAboutThePersonWithHistory_AndLogsTheirKeys(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var cy = await world.PersonAsync();
        await world.StateAsync(ada, bo, 0.6, "sailing");
        await world.StateAsync(ada, bo, 1, "sailing");
        await world.StateAsync(bo, ada, 0.25);
        var kept = await world.StateAsync(bo, cy, 0.6);
        var head = await world.ReadAsync(db => db.TrustChangeHeads.Select(h => h.Sequence).SingleAsync(Ct));

        await world.DeleteAccountAsync(ada);

        Assert.False(await world.ReadAsync(db => db.TrustStatements.AnyAsync(s => s.FromId == ada.Id || s.ToId == ada.Id, Ct)));
        Assert.False(await world.ReadAsync(db => db.TrustStatementVersions.AnyAsync(v => v.AuthorId == ada.Id, Ct)));
        Assert.True(await world.ReadAsync(db => db.TrustStatements.AnyAsync(s => s.Id == kept.Id, Ct)));
        var logged = await world.ReadAsync(db => db.TrustChanges.Where(c => c.Sequence > head).OrderBy(c => c.Sequence)
            .Select(c => new { c.Kind, c.PersonId, c.OtherPersonId, c.Topic }).ToListAsync(Ct));
        Assert.Equal(
            new[] { $"Statement {ada.Id}→{bo.Id} sailing", $"Statement {bo.Id}→{ada.Id} " }.Order(StringComparer.Ordinal),
            logged.Select(c => $"{c.Kind} {c.PersonId}→{c.OtherPersonId} {c.Topic}").Order(StringComparer.Ordinal));
    }
}
