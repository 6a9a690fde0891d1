using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Blocks;
using Rapport.Core.Interactions;
using Rapport.Core.Invitations;
using Rapport.Core.Notifications;
using Rapport.Core.Offers;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;

namespace Rapport.Web.Tests.Security.Probes;

/// <summary>
/// Invitations, offers, notices and blocks in the canary world (QUALITY.md, "Canary probe matrix" and "No inference").
/// <list type="bullet">
/// <item>Every world: Y's public offer (offers are public by design: everyone signed in sees its text).</item>
/// <item>Private level only, inserted directly like <see cref="ProblemChainCanaries"/> (no routing, no notices sent by the
/// app), so third parties' views do not change between levels except through what is tested:
/// <list type="bullet">
/// <item>O's invited-only problem with a routed invitation to Y (referred on, so Y's is Referred), Y's referral of Z, and
/// a by-hand invitation to X that O withdrew; every reason carries a canary. X received a notice about it (canary text)
/// before the withdrawal: X, a caller outside C, must see exactly what X sees in the lower worlds.</item>
/// <item>A by-hand invitation of Z to C's problem (q_circle) whose reason carries a canary: only O may read it, not C's member.</item>
/// <item>O's ask-again request on Y's offer: invited-only, its title and body carry canaries; Y's notice about it too.</item>
/// <item>O blocks X. Who blocked whom is O's private information: X (the blocked user) and third parties must see no
/// difference at all. What a block intends — O's <c>/blocks</c> list; neither can invite or route to the other, and
/// X cannot ask O again — is not reachable by the probes' bodies (an empty object is refused before any block check),
/// so in this matrix the blocked user's answers must be identical in every world.</item>
/// </list></item>
/// </list>
/// Notice texts are readable by nobody among the callers: not by O (a notice is its recipient's alone), not by X
/// (withdrawn), and Y and Z do not call.
/// </summary>
internal static class InvitationCanaries
{
    public const string Offer = "of_open";
    public const string OfferDescription = "control-offer-open";
    public const string Problem = "pr_invited";
    public const string AskAgainProblem = "pr_askagain";
    public const string Routed = "v_routed";
    public const string Referral = "v_referral";
    public const string Withdrawn = "v_withdrawn";
    public const string CircleInvitation = "v_circle";
    public const string AskAgainInvitation = "v_askagain";
    public const string WithdrawnNotice = "n_withdrawn";
    public const string InviteeNotice = "n_invitee";
    public const string AskedNotice = "n_asked";

    public static readonly string[] Problems = [Problem, AskAgainProblem];
    public static readonly string[] Invitations = [Routed, Referral, Withdrawn, CircleInvitation, AskAgainInvitation];
    public static readonly string[] Notices = [WithdrawnNotice, InviteeNotice, AskedNotice];

    /// <summary>Labels only the private world holds.</summary>
    public static readonly string[] Labels = [.. Problems, .. Invitations, .. Notices];

    /// <summary>What O may read: the problems, and every invitation's reason on O's problems.</summary>
    public static readonly string[] OwnerCanaries =
    [
        $"{CanaryWorld.Marker}-ititle", $"{CanaryWorld.Marker}-ibody", $"{CanaryWorld.Marker}-reason-routed", $"{CanaryWorld.Marker}-reason-referral",
        $"{CanaryWorld.Marker}-reason-byhand", $"{CanaryWorld.Marker}-reason-circle", $"{CanaryWorld.Marker}-asktitle", $"{CanaryWorld.Marker}-askbody",
    ];

    /// <summary>Notice texts: only their recipients (Y and X before the withdrawal) may read them; no caller may.</summary>
    public static readonly string[] NoticeCanaries =
        [$"{CanaryWorld.Marker}-notice-withdrawn", $"{CanaryWorld.Marker}-notice-invitee", $"{CanaryWorld.Marker}-notice-asked"];

    /// <summary>Y's public offer, in every world (before any level's additions, in the same place).</summary>
    public static async Task SeedOfferAsync(IServiceProvider services, Guid provider, IDictionary<string, Guid> ids)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var offer = new Offer
        {
            Id = Guid.CreateVersion7(now), PersonId = provider, Title = "Sail repair", Description = OfferDescription, ForWhom = "Anyone with a dinghy",
            Place = "Harbour", CreatedAt = now, ChangedAt = now,
        };
        offer.Topics.Add(new OfferTopic { OfferId = offer.Id, Topic = CanaryWorld.PublicTopic });
        db.Offers.Add(offer);
        await db.SaveChangesAsync();
        ids[Offer] = offer.Id;
    }

    /// <summary>The private level's invitations, ask-again request, notices and block.</summary>
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, Guid> people, IDictionary<string, Guid> ids)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        Guid owner = people[CanaryWorld.Owner], y = people[CanaryWorld.TieY], z = people[CanaryWorld.TieZ], x = people[CanaryWorld.Secret];

        var problem = NewProblem(owner, ProblemKind.Question, OwnerCanaries[0], OwnerCanaries[1], now);
        var routed = NewInvitation(problem.Id, y, owner, InvitationSource.Routed, OwnerCanaries[2], InvitationStatus.Referred, now);
        routed.Score = 0.5;
        var referral = NewInvitation(problem.Id, z, y, InvitationSource.Referral, OwnerCanaries[3], InvitationStatus.Pending, now);
        referral.ReferredFromId = routed.Id;
        var withdrawn = NewInvitation(problem.Id, x, owner, InvitationSource.ByHand, OwnerCanaries[4], InvitationStatus.Withdrawn, now);
        var circle = NewInvitation(ids["q_circle"], z, owner, InvitationSource.ByHand, OwnerCanaries[5], InvitationStatus.Pending, now);

        var ask = NewProblem(owner, ProblemKind.Request, OwnerCanaries[6], OwnerCanaries[7], now);
        var askInvitation = NewInvitation(ask.Id, y, owner, InvitationSource.AskAgain, "Sail repair", InvitationStatus.Pending, now);

        db.Problems.AddRange(problem, ask);
        db.Invitations.AddRange(routed, referral, withdrawn, circle, askInvitation);
        db.Interactions.Add(new Interaction { Id = Guid.CreateVersion7(now), FromId = owner, ToId = y, Kind = InteractionKind.Asked, ProblemId = ask.Id, CreatedAt = now });
        var notices = new[]
        {
            NewNotice(x, NotificationKind.InvitationReceived, NoticeCanaries[0], problem.Id, now),
            NewNotice(y, NotificationKind.InvitationReceived, NoticeCanaries[1], problem.Id, now),
            NewNotice(y, NotificationKind.AskedAgain, NoticeCanaries[2], ask.Id, now),
        };
        db.Notifications.AddRange(notices);
        db.Blocks.Add(new Block { BlockerId = owner, BlockedId = x, CreatedAt = now });
        await db.SaveChangesAsync();

        ids[Problem] = problem.Id;
        ids[AskAgainProblem] = ask.Id;
        ids[Routed] = routed.Id;
        ids[Referral] = referral.Id;
        ids[Withdrawn] = withdrawn.Id;
        ids[CircleInvitation] = circle.Id;
        ids[AskAgainInvitation] = askInvitation.Id;
        ids[WithdrawnNotice] = notices[0].Id;
        ids[InviteeNotice] = notices[1].Id;
        ids[AskedNotice] = notices[2].Id;
    }

    private static Problem NewProblem(Guid author, ProblemKind kind, string title, string body, DateTimeOffset now)
    {
        var problem = new Problem
        {
            Id = Guid.CreateVersion7(now), AuthorId = author, Kind = kind, Title = title, Body = body, Visibility = ProblemVisibility.Invited,
            CreatedAt = now, StatusChangedAt = now,
        };
        problem.Topics.Add(new ProblemTopic { Topic = CanaryWorld.PublicTopic });
        return problem;
    }

    private static Invitation NewInvitation(Guid problem, Guid invitee, Guid by, InvitationSource source, string reason, InvitationStatus status, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now), ProblemId = problem, InviteeId = invitee, InvitedById = by, Source = source, Reason = reason, Status = status,
            CreatedAt = now, RespondedAt = status is InvitationStatus.Pending ? null : now,
        };

    private static Notification NewNotice(Guid person, NotificationKind kind, string text, Guid problem, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now), PersonId = person, Kind = kind, EventKey = "probe:" + text, Text = text, Link = $"/problems/{problem}",
            ProblemId = problem, CreatedAt = now,
        };
}
