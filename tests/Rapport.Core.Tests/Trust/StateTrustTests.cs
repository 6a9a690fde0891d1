using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Trust;

public sealed class StateTrustTests(TrustWorlds worlds) : IClassFixture<TrustWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task State_New_StoresTheStatementExactlyWithOneStatedVersion(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();

        var outcome = await world.RunAsync((StateTrust uc) => uc.ExecuteAsync(
            ada.Id, new TrustStatementInput($"@{bo.Handle.ToUpperInvariant()}", 0.6180339887, "  Boat   MAINTENANCE ", TrustVisibility.Public, null, "Fixed my **outboard**.\r\n<script>x</script>"), Ct));

        Assert.True(outcome.Succeeded, TrustWorld.Describe(outcome));
        var view = outcome.Value!.Statement;
        Assert.True(outcome.Value.Created);
        Assert.Equal((ada.Id, bo.Id, 0.6180339887, "boat maintenance", TrustVisibility.Public), (view.From.Id, view.To.Id, view.Value, view.Topic, view.Visibility));
        Assert.Equal("Fixed my **outboard**.\n<script>x</script>", view.Note);
        Assert.Contains("<strong>outboard</strong>", view.NoteHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", view.NoteHtml, StringComparison.Ordinal);
        Assert.True(view.IsMine);
        Assert.Equal(TrustLevel.ALot, view.Level);
        var stored = await world.ReadAsync(db => db.TrustStatements.Include(s => s.Versions).SingleAsync(s => s.Id == view.Id, Ct));
        Assert.Equal(0.6180339887, stored.Value); // exactly, not rounded to a step or a float
        var version = Assert.Single(stored.Versions);
        Assert.Equal((TrustStatementEvent.Stated, 0.6180339887, stored.Sequence), (version.Event, version.Value, version.Sequence));
        Assert.Equal(stored.Sequence, await world.ReadAsync(db => db.TrustChangeHeads.Select(h => h.Sequence).SingleAsync(Ct)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task State_AgainForTheSamePersonAndTopic_ChangesTheSameStatementAndAppendsHistory(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var first = await world.StateAsync(ada, bo, 0.25, "sailing", note: "Good start.");
        world.Clock.Advance(TimeSpan.FromHours(1));

        var outcome = await world.RunAsync((StateTrust uc) => uc.ExecuteAsync(
            ada.Id, new TrustStatementInput(bo.Handle, -1, "Sailing", TrustVisibility.Private, null, "Sank my boat."), Ct));

        Assert.False(outcome.Value!.Created);
        var changed = outcome.Value.Statement;
        Assert.Equal((first.Id, -1.0, TrustVisibility.Private, first.CreatedAt), (changed.Id, changed.Value, changed.Visibility, changed.CreatedAt));
        Assert.Equal(world.Clock.GetUtcNow(), changed.ChangedAt);
        var history = await world.RunAsync((GetTrustStatementHistory uc) => uc.ExecuteAsync(ada.Id, first.Id, Ct));
        Assert.Equal(
            [(TrustStatementEvent.Stated, 0.25, TrustVisibility.Public, "Good start."), (TrustStatementEvent.Changed, -1.0, TrustVisibility.Private, "Sank my boat.")],
            history.Value!.Versions.Select(v => (v.Event, v.Value, v.Visibility, v.Note)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task State_ExactlyWhatIsCurrent_WritesNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        await world.StateAsync(ada, bo, 0.6, note: "Same.");
        var before = await world.TrustFingerprintAsync();

        var again = await world.StateAsync(ada, bo, 0.6, note: "  Same.  ");

        Assert.Equal(before, await world.TrustFingerprintAsync());
        Assert.Equal(0.6, again.Value);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task State_OnAnotherTopic_IsASeparateStatement(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();

        var general = await world.StateAsync(ada, bo, 0.6);
        var sailing = await world.StateAsync(ada, bo, 1, "sailing");

        Assert.NotEqual(general.Id, sailing.Id);
        Assert.Null(general.Topic);
        Assert.Equal(2, await world.ReadAsync(db => db.TrustStatements.CountAsync(s => s.FromId == ada.Id, Ct)));
    }

    public static TheoryData<DatabaseProvider, string> BadInputs()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new Providers().Select(row => row.Data))
        {
            foreach (var name in BadInput.All.Keys)
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task State_WithBadInput_IsInvalidNamingTheField_AndChangesNothing(DatabaseProvider provider, string name)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var outsider = await world.PersonAsync();
        var slug = await world.CommunityAsync(ada, bo);
        var elsewhere = await world.CommunityAsync(outsider);
        var existing = await world.StateAsync(ada, bo, 0.25, "sailing");
        var (field, input) = BadInput.All[name](new BadInput.Context(ada, bo, slug, elsewhere));
        var before = await world.TrustFingerprintAsync();

        var outcome = await world.RunAsync((StateTrust uc) => uc.ExecuteAsync(ada.Id, input, Ct));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.True(outcome.Errors.For(field).Count > 0, $"{name}: no error for {field}. {TrustWorld.Describe(outcome)}");
        if (field is not ("to" or "topic")) // whom and on what are not part of a change by id
        {
            var changed = await world.RunAsync((ChangeTrustStatement uc) => uc.ExecuteAsync(
                ada.Id, existing.Id, new TrustStatementChange(input.Value, input.Visibility, input.Community, input.Note), Ct));
            Assert.True(changed.Errors.For(field).Count > 0, $"{name}, changed by id: no error for {field}. {TrustWorld.Describe(changed)}");
        }

        Assert.Equal(before, await world.TrustFingerprintAsync());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task State_SharedWithACommunity_NamesItAndNeedsMembership(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var slug = await world.CommunityAsync(bo, ada);

        var shared = await world.StateAsync(ada, bo, 0.6, visibility: TrustVisibility.Community, community: slug.ToUpperInvariant());

        Assert.Equal((TrustVisibility.Community, slug), (shared.Visibility, shared.Community?.Slug));
        Assert.False(shared.CommunityLapsed);
        await world.LeaveAsync(slug, ada);
        var lapsed = await world.RunAsync((GetTrustStatement uc) => uc.ExecuteAsync(ada.Id, shared.Id, Ct));
        Assert.True(lapsed.Value!.CommunityLapsed);
        var again = await world.RunAsync((StateTrust uc) => uc.ExecuteAsync(
            ada.Id, new TrustStatementInput(bo.Handle, 0.25, null, TrustVisibility.Community, slug, null), Ct));
        Assert.Equal("Choose a community you belong to.", Assert.Single(again.Errors.For("community")));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Revoke_KeepsTheStatementAndItsHistoryForTheAuthorOnly_AndStatingAgainRestoresIt(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var statement = await world.StateAsync(ada, bo, 0.6, "rust");

        await world.RevokeAsync(ada, statement.Id);
        var again = await world.RunAsync((RevokeTrustStatement uc) => uc.ExecuteAsync(ada.Id, statement.Id, Ct));

        Assert.True(again.Succeeded); // revoking twice is fine, and writes nothing more
        var own = await world.RunAsync((GetTrustStatement uc) => uc.ExecuteAsync(ada.Id, statement.Id, Ct));
        Assert.True(own.Value!.IsRevoked);
        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync((GetTrustStatement uc) => uc.ExecuteAsync(bo.Id, statement.Id, Ct))).Kind);
        Assert.Empty((await world.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(ada.Id, new(), new(), Ct))).Value!.Items);
        Assert.Single((await world.RunAsync((ListMyTrustStatements uc) => uc.ExecuteAsync(ada.Id, new(IncludeRevoked: true), new(), Ct))).Value!.Items);

        var restated = await world.StateAsync(ada, bo, 0.25, "RUST");

        Assert.Equal(statement.Id, restated.Id);
        Assert.False(restated.IsRevoked);
        var history = await world.RunAsync((GetTrustStatementHistory uc) => uc.ExecuteAsync(ada.Id, statement.Id, Ct));
        Assert.Equal([TrustStatementEvent.Stated, TrustStatementEvent.Revoked, TrustStatementEvent.Stated], history.Value!.Versions.Select(v => v.Event));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ChangeAndRevoke_SomeoneElsesOrAMissingStatement_AreNotFoundAndChangeNothing(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var statement = await world.StateAsync(ada, bo, 0.6);
        var before = await world.TrustFingerprintAsync();
        var change = new TrustStatementChange(1, TrustVisibility.Public, null, "mine now");

        var outcomes = new[]
        {
            (await world.RunAsync((ChangeTrustStatement uc) => uc.ExecuteAsync(bo.Id, statement.Id, change, Ct))).Kind,
            (await world.RunAsync((ChangeTrustStatement uc) => uc.ExecuteAsync(ada.Id, Guid.NewGuid(), change, Ct))).Kind,
            (await world.RunAsync((RevokeTrustStatement uc) => uc.ExecuteAsync(bo.Id, statement.Id, Ct))).Kind,
            (await world.RunAsync((RevokeTrustStatement uc) => uc.ExecuteAsync(ada.Id, Guid.NewGuid(), Ct))).Kind,
            (await world.RunAsync((GetTrustStatementHistory uc) => uc.ExecuteAsync(bo.Id, statement.Id, Ct))).Kind,
        };

        Assert.All(outcomes, kind => Assert.Equal(OutcomeKind.NotFound, kind));
        Assert.Equal(before, await world.TrustFingerprintAsync());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ChangeById_ChangesValueVisibilityAndNote_KeepingWhomAndTopic(DatabaseProvider provider)
    {
        var world = await worlds.ForAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var statement = await world.StateAsync(ada, bo, 0.6, "piloting");

        var changed = await world.RunAsync((ChangeTrustStatement uc) => uc.ExecuteAsync(
            ada.Id, statement.Id, new TrustStatementChange(0.25, TrustVisibility.Private, null, "Less sure now."), Ct));

        Assert.Equal((statement.Id, bo.Id, "piloting", 0.25, TrustVisibility.Private, "Less sure now."),
            (changed.Value!.Id, changed.Value.To.Id, changed.Value.Topic, changed.Value.Value, changed.Value.Visibility, changed.Value.Note));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task State_OverTheDailyChangeLimit_IsConflict_RevokingStillWorks_AndADayLaterItIsAllowedAgain(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        TrustStatementView? last = null;
        for (var i = 0; i < TrustStatement.MaxChangesPerDay; i++)
        {
            last = await world.StateAsync(ada, bo, i % 2 == 0 ? 0.25 : 0.6);
            world.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var before = await world.TrustFingerprintAsync();
        var refused = await world.RunAsync((StateTrust uc) => uc.ExecuteAsync(ada.Id, new TrustStatementInput(bo.Handle, 1, "new topic", TrustVisibility.Public, null, null), Ct));

        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.Contains("200 times in the last 24 hours", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await world.TrustFingerprintAsync());
        await world.RevokeAsync(ada, last!.Id);
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.StateAsync(ada, bo, 1, "new topic");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task State_WithTheMostCurrentStatementsAlready_IsConflict_ButChangingOneIsFine(DatabaseProvider provider)
    {
        await using var world = await TrustWorld.CreateAsync(provider);
        var ada = await world.PersonAsync();
        var bo = await world.PersonAsync();
        var now = world.Clock.GetUtcNow();
        await world.ReadAsync(async db =>
        {
            // Earlier statements, stored directly (5,000 writes through the use case would only test patience).
            db.TrustStatements.AddRange(Enumerable.Range(0, TrustStatement.MaxCurrentPerPerson - 1).Select(i => new TrustStatement
            {
                Id = Guid.NewGuid(), FromId = ada.Id, ToId = bo.Id, Topic = $"topic {i}", Value = 0.5, CreatedAt = now.AddDays(-3), ChangedAt = now.AddDays(-3),
            }));
            return await db.SaveChangesAsync(Ct);
        });
        var last = await world.StateAsync(ada, bo, 0.5, "the last one");
        var before = await world.TrustFingerprintAsync();

        var refused = await world.RunAsync((StateTrust uc) => uc.ExecuteAsync(ada.Id, new TrustStatementInput(bo.Handle, 1, "one too many", TrustVisibility.Public, null, null), Ct));

        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.Equal(before, await world.TrustFingerprintAsync());
        await world.StateAsync(ada, bo, 1, "the last one");
        await world.RevokeAsync(ada, last.Id);
        await world.StateAsync(ada, bo, 1, "one too many");
    }
}
