using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Trust;

/// <summary>Trust stated and read straight through Core, to arrange a test or check what a page changed.</summary>
internal static class TrustSetup
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>States trust from <paramref name="from"/> in <paramref name="to"/>; returns the statement's id.</summary>
    public static async Task<Guid> StateAsync(this RapportApp app, TestPerson from, TestPerson to, double value, string? topic = null,
        TrustVisibility visibility = TrustVisibility.Public, string? community = null, string note = "")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<StateTrust>()
            .ExecuteAsync(from.Person.Id, new TrustStatementInput(to.Handle, value, topic, visibility, community, note), Ct);
        Assert.True(outcome.Succeeded, $"Stating trust answered {outcome.Kind}: {string.Join(" ", outcome.Errors.ToDictionary().SelectMany(e => e.Value))}{outcome.Detail}");
        return outcome.Value!.Statement.Id;
    }

    /// <summary>Every statement <paramref name="from"/> ever made (revoked ones too), with its history, as stored.</summary>
    public static async Task<List<TrustStatement>> StatementsByAsync(this RapportApp app, TestPerson from)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        return await db.TrustStatements.AsNoTracking().Include(s => s.Versions).Where(s => s.FromId == from.Person.Id).ToListAsync(Ct);
    }
}
