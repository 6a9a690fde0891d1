using Rapport.Core.Communities;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Communities;

internal static class MembershipEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("{slug}/membership", Join).WithName("JoinCommunity")
            .WithSummary("Joins an open community. Joining again answers 200 with the existing membership.")
            .Produces<MembershipResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("{slug}/membership", Leave).WithName("LeaveCommunity")
            .WithSummary("Leaves a community. The last host cannot leave while other members remain (409).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("{slug}/members/{handle}/role", ChangeRole).WithName("ChangeCommunityRole")
            .WithSummary("Hosts make a member a host or step a host down; a community never loses its last host.")
            .Produces<MemberResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<IResult> Join(string slug, Caller caller, JoinCommunity useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, cancellationToken);
        return outcome.ToResult(role => TypedResults.Ok(new MembershipResponse(CommunitySlug.Normalize(slug)!, role)));
    }

    public static async Task<IResult> Leave(string slug, Caller caller, LeaveCommunity useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, cancellationToken);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }

    public static async Task<IResult> ChangeRole(
        string slug, string handle, ChangeRoleRequest body, Caller caller, ChangeMemberRole useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, handle, body.Role, cancellationToken);
        return outcome.ToResult(m => TypedResults.Ok(MemberResponse.From(m)));
    }
}
