using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Communities;

/// <summary>
/// /api/v1/communities (communities, members, applications, invitation links) and /api/v1/invitations
/// (accepting a link). Every handler acts as the signed-in person; the use cases hold the rules, and a
/// denial is the same 404 as a missing thing. Examples: communities.http.
/// </summary>
public static class CommunityApi
{
    public static IEndpointRouteBuilder MapCommunityApi(this IEndpointRouteBuilder endpoints)
    {
        var communities = endpoints.MapApi("communities", "Communities").AddEndpointFilter<RequireProfile>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        CommunityEndpoints.Map(communities);
        MembershipEndpoints.Map(communities);
        ApplicationEndpoints.Map(communities);
        InvitationEndpoints.Map(communities);

        var invitations = endpoints.MapApi("invitations", "Invitations").AddEndpointFilter<RequireProfile>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        InvitationEndpoints.MapAccept(invitations);
        return endpoints;
    }
}
