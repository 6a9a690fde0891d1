using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.Outcomes;

namespace Rapport.Core.Tests.Communities;

/// <summary>The per-object checks: one pair at a time against the lists and the oracle.</summary>
public sealed partial class ApplicationVisibilityPropertyTests
{
    private static async Task CheckApplicationsAsync(VisibilityDatabase database, StoredWorld stored, int viewer, HashSet<Guid> listed, PairCounts counts)
    {
        var world = stored.Spec;
        var me = stored.People[viewer];
        for (var c = 0; c < world.Communities.Count; c++)
        {
            for (var i = 0; i < world.Communities[c].Applications.Count; i++)
            {
                var id = stored.Communities[c].Applications[i];
                var spec = world.Communities[c].Applications[i];
                var single = await database.RunAsync((GetApplication uc) => uc.ExecuteAsync(me, stored.RequestSlug(c), id, Ct));
                var pair = $"person {viewer} and community {c}'s application {i} (by person {spec.Applicant}, {spec.Status})";

                Assert.True(single.Kind is OutcomeKind.Ok or OutcomeKind.NotFound, $"{pair}: GetApplication said {single.Kind}.");
                Assert.True(VisibilityOracle.CanSeeApplication(world, viewer, c, i) == single.Succeeded, $"{pair}: GetApplication said {single.Kind}, the oracle disagrees.");
                Assert.True(!listed.Contains(id) || single.Succeeded, $"{pair}: a list shows what GetApplication hides.");
                Assert.True(VisibilityOracle.ListsApplication(world, viewer, c, i) == listed.Contains(id), $"{pair}: {(listed.Contains(id) ? "listed" : "not listed")}, the oracle disagrees.");
                if (single.Value is { } view)
                {
                    Assert.Equal((id, stored.People[spec.Applicant], spec.Status), (view.Id, view.Applicant.Id, view.Status));
                }

                // The address names the community: under another one's slug it is missing, even for that community's
                // hosts. Asked of each community's first application only (time), where a mix-up could show it: the
                // viewer may see it, or hosts the other community.
                var other = (c + 1) % world.Communities.Count;
                if (i == 0 && other != c && (single.Succeeded || VisibilityOracle.IsHost(world, viewer, other)))
                {
                    var elsewhere = await database.RunAsync((GetApplication uc) => uc.ExecuteAsync(me, stored.RequestSlug(other), id, Ct));
                    Assert.True(elsewhere.Kind == OutcomeKind.NotFound, $"{pair}: found under community {other}'s address.");
                }

                counts.Applications++;
            }
        }
    }

    /// <summary>
    /// RevokeInvitationLink is the single-object check for links. Each call runs at its own clock second, so a
    /// link's RevokedAt tells exactly which call revoked it: the first host's, and never a refused caller's.
    /// </summary>
    private static async Task CheckRevokeAsync(VisibilityDatabase database, StoredWorld stored, List<HashSet<Guid>> listed, PairCounts counts)
    {
        var world = stored.Spec;
        var expected = new Dictionary<Guid, DateTimeOffset?>();
        for (var c = 0; c < world.Communities.Count; c++)
        {
            foreach (var (id, revokedAt) in stored.Communities[c].Links)
            {
                expected[id] = revokedAt;
                for (var viewer = 0; viewer < world.People; viewer++)
                {
                    database.Clock.Advance(TimeSpan.FromSeconds(1));
                    var outcome = await database.RunAsync((RevokeInvitationLink uc) => uc.ExecuteAsync(stored.People[viewer], stored.RequestSlug(c), id, Ct));
                    var pair = $"person {viewer} and a link of community {c}";

                    Assert.True(outcome.Kind is OutcomeKind.Ok or OutcomeKind.NotFound, $"{pair}: RevokeInvitationLink said {outcome.Kind}.");
                    Assert.True(VisibilityOracle.CanManageLinks(world, viewer, c) == outcome.Succeeded, $"{pair}: RevokeInvitationLink said {outcome.Kind}, the oracle disagrees.");
                    Assert.True(listed[viewer].Contains(id) == outcome.Succeeded, $"{pair}: RevokeInvitationLink said {outcome.Kind}, yet the link is {(listed[viewer].Contains(id) ? "" : "not ")}listed.");
                    if (outcome.Value is { } view)
                    {
                        expected[id] ??= database.Clock.GetUtcNow();
                        Assert.Equal(expected[id], view.RevokedAt);
                    }

                    var other = (c + 1) % world.Communities.Count;
                    if (other != c && VisibilityOracle.IsHost(world, viewer, other)) // the callers a mix-up of communities would let through
                    {
                        var elsewhere = await database.RunAsync((RevokeInvitationLink uc) => uc.ExecuteAsync(stored.People[viewer], stored.RequestSlug(other), id, Ct));
                        Assert.True(elsewhere.Kind == OutcomeKind.NotFound, $"{pair}: revocable under community {other}'s address.");
                    }

                    counts.Links++;
                }
            }
        }

        await using var db = database.CreateContext();
        var revokedInDatabase = await db.InvitationLinks.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.RevokedAt, Ct);
        Assert.Equal(expected.OrderBy(x => x.Key), revokedInDatabase.OrderBy(x => x.Key));
    }

    /// <summary>
    /// Withdrawing is the applicant's, deciding the hosts'; anyone else gets NotFound whatever the status, since
    /// a Conflict ("already decided") would tell them the application exists. Everyone tries on every application.
    /// </summary>
    private static async Task CheckActingOnApplicationsAsync(VisibilityDatabase database, StoredWorld stored, PairCounts counts)
    {
        var world = stored.Spec;
        var statuses = new Dictionary<Guid, ApplicationStatus>();
        for (var c = 0; c < world.Communities.Count; c++)
        {
            for (var i = 0; i < world.Communities[c].Applications.Count; i++)
            {
                var id = stored.Communities[c].Applications[i];
                var spec = world.Communities[c].Applications[i];
                statuses[id] = spec.Status;
                for (var turn = 0; turn < world.People; turn++)
                {
                    var viewer = (turn + i) % world.People; // a different person tries first on each application
                    var me = stored.People[viewer];
                    var pair = $"person {viewer} and community {c}'s application {i} (by person {spec.Applicant}, now {statuses[id]})";

                    var withdraw = await database.RunAsync((WithdrawApplication uc) => uc.ExecuteAsync(me, stored.RequestSlug(c), id, Ct));
                    Assert.True(Expected(viewer == spec.Applicant, statuses[id]) == withdraw.Kind, $"{pair}: WithdrawApplication said {withdraw.Kind}.");
                    statuses[id] = withdraw.Succeeded ? ApplicationStatus.Withdrawn : statuses[id];

                    var decide = await database.RunAsync((DecideApplication uc) => uc.ExecuteAsync(me, stored.RequestSlug(c), id, spec.Decision, null, Ct));
                    Assert.True(Expected(VisibilityOracle.IsHost(world, viewer, c), statuses[id]) == decide.Kind, $"{pair}: DecideApplication said {decide.Kind}.");
                    statuses[id] = decide.Value?.Status ?? statuses[id];
                    counts.Acts += 2;
                }
            }
        }

        await using var db = database.CreateContext();
        var storedStatuses = await db.MembershipApplications.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Status, Ct);
        Assert.Equal(statuses.OrderBy(x => x.Key), storedStatuses.OrderBy(x => x.Key));

        static OutcomeKind Expected(bool allowed, ApplicationStatus status) =>
            !allowed ? OutcomeKind.NotFound : status == ApplicationStatus.Pending ? OutcomeKind.Ok : OutcomeKind.Conflict;
    }
}
