using System.Linq.Expressions;
using Rapport.Core.Invitations;

namespace Rapport.Core.Problems;

/// <summary>
/// Who may see a problem: the one rule, used by the single read, every list, the similar-problems search and the
/// probes. Its author always; public: every signed-in person; community: the current members of its community;
/// invited: the people invited to it. Whatever the visibility, a person with an invitation to it that has not been
/// withdrawn sees it too (pending, accepted, declined, referred or expired: they were shown it, and a declined or
/// referred invitee keeps seeing the dialogue they were asked into; withdrawing an invitation takes that back).
/// Everything hanging off a problem — contributions, thanks, agreements, reflections, invitations, resolutions and
/// credits — is visible exactly when the problem is: use <see cref="Through{T}"/>. Anyone else gets NotFound, exactly
/// as for a missing problem.
/// </summary>
public static class ProblemAccess
{
    public static Expression<Func<Problem, bool>> CanSee(Guid viewerId) =>
        p => p.AuthorId == viewerId
             || p.Visibility == ProblemVisibility.Public
             || (p.Visibility == ProblemVisibility.Community
                 && p.Community!.Memberships.Any(m => m.PersonId == viewerId))
             || p.Invitations.Any(i => i.InviteeId == viewerId && i.Status != InvitationStatus.Withdrawn);

    /// <summary>
    /// The same rule for something that hangs off a problem, e.g. <c>ProblemAccess.Through&lt;Contribution&gt;(c =&gt;
    /// c.Problem!, viewerId)</c>: one expression EF translates into the same SQL as <see cref="CanSee"/>.
    /// </summary>
    public static Expression<Func<T, bool>> Through<T>(Expression<Func<T, Problem>> problem, Guid viewerId)
    {
        var canSee = CanSee(viewerId);
        var body = new Substitute(canSee.Parameters[0], problem.Body).Visit(canSee.Body);
        return Expression.Lambda<Func<T, bool>>(body, problem.Parameters);
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == parameter ? replacement : base.VisitParameter(node);
    }
}
