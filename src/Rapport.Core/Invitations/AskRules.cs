using Microsoft.EntityFrameworkCore;
using Rapport.Core.Blocks;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;

namespace Rapport.Core.Invitations;

/// <summary>Why a person may not be asked to help with a problem.</summary>
public enum AskRefusal
{
    /// <summary>The asker, or the person inviting: nobody is asked to help themselves.</summary>
    Self,

    /// <summary>A block between them and the asker or the person inviting, either way (never said which).</summary>
    Blocked,

    /// <summary>A community problem, and they are not a member.</summary>
    CannotSee,

    /// <summary>They set themselves away.</summary>
    Away,

    /// <summary>They were asked <see cref="Person.AttentionBudget"/> times in the last <see cref="AskRules.BudgetWindow"/>.</summary>
    OverBudget,

    /// <summary>They already have an invitation to this problem.</summary>
    AlreadyInvited,
}

/// <summary>
/// Who may be asked to help with a problem, for every way of asking (routing, by hand, referral, ask again): not the asker
/// or the one inviting; no block between them and either, in either direction (<see cref="Block.Between"/>); able to
/// see the problem without the invitation when it is a community problem (members only); not away; under their
/// attention budget (invitations received in the last 7 days); not already invited. Routing applies the same rule to
/// many people at once (<see cref="RouteProblem"/>) and, in addition, skips people who are busy.
/// </summary>
public static class AskRules
{
    /// <summary>The attention budget counts invitations received in this window ("asks per week").</summary>
    public static readonly TimeSpan BudgetWindow = TimeSpan.FromDays(7);

    public static string Describe(AskRefusal refusal) => refusal switch
    {
        AskRefusal.Self => "You cannot ask them to help with this problem.",
        AskRefusal.Blocked => "This person cannot be asked to help with this problem.",
        AskRefusal.CannotSee => "This person is not a member of the problem's community, so they cannot see it.",
        AskRefusal.Away => "This person is away and not taking asks right now.",
        AskRefusal.OverBudget => "This person has had as many asks this week as they take; try again later.",
        AskRefusal.AlreadyInvited => "This person is already invited to this problem.",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    };

    internal static async Task<AskRefusal?> RefusalAsync(
        RapportDbContext db, Problem problem, Guid inviterId, Person invitee, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (invitee.Id == problem.AuthorId || invitee.Id == inviterId)
        {
            return AskRefusal.Self;
        }

        if (await db.Blocks.Where(Block.Between(invitee.Id, problem.AuthorId)).AnyAsync(cancellationToken)
            || await db.Blocks.Where(Block.Between(invitee.Id, inviterId)).AnyAsync(cancellationToken))
        {
            return AskRefusal.Blocked;
        }

        if (problem.Visibility == ProblemVisibility.Community
            && !await db.Memberships.AnyAsync(m => m.CommunityId == problem.CommunityId && m.PersonId == invitee.Id, cancellationToken))
        {
            return AskRefusal.CannotSee;
        }

        if (await db.Invitations.AnyAsync(i => i.ProblemId == problem.Id && i.InviteeId == invitee.Id, cancellationToken))
        {
            return AskRefusal.AlreadyInvited;
        }

        if (invitee.Availability == Availability.Away)
        {
            return AskRefusal.Away;
        }

        var since = now - BudgetWindow;
        var recent = await db.Invitations.CountAsync(i => i.InviteeId == invitee.Id && i.CreatedAt > since, cancellationToken);
        return recent >= invitee.AttentionBudget ? AskRefusal.OverBudget : null;
    }
}
