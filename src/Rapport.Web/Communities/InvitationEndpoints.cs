using Rapport.Core.Communities;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Communities;

/// <summary>Invitation links: hosts create, list and revoke them; anyone holding one accepts it.</summary>
internal static class InvitationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("{slug}/invitations", List).WithName("ListInvitationLinks")
            .WithSummary("Hosts: the community's invitation links with uses and expiry (never their secrets).")
            .Produces<IReadOnlyList<InvitationLinkResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("{slug}/invitations", Create).WithName("CreateInvitationLink")
            .WithSummary("Hosts: a new link. Its secret and URL are in this response only.")
            .Produces<CreatedInvitationResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("{slug}/invitations/{id:guid}", Revoke).WithName("RevokeInvitationLink")
            .WithSummary("Hosts: ends a link at once.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static void MapAccept(RouteGroupBuilder group) =>
        group.MapPost("{secret}/accept", Accept).WithName("AcceptInvitation")
            .WithSummary("Joins the community the link belongs to. 404 for an unknown link; 409 when it expired, was revoked or is used up.")
            .Produces<CommunitySummaryResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> List(string slug, Caller caller, ListInvitationLinks useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, cancellationToken);
        return outcome.ToResult(links => TypedResults.Ok(links.Select(InvitationLinkResponse.From).ToList()));
    }

    public static async Task<IResult> Create(
        string slug, CreateInvitationRequest body, Caller caller, CreateInvitationLink useCase, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, body.ExpiresInDays, body.MaxUses, cancellationToken);
        return outcome.ToResult(created => TypedResults.Created(
            $"/api/v1/communities/{CommunitySlug.Normalize(slug)}/invitations/{created.Link.Id}",
            new CreatedInvitationResponse(InvitationLinkResponse.From(created.Link), created.Secret, JoinUrl(http.Request, created.Secret))));
    }

    public static async Task<IResult> Revoke(string slug, Guid id, Caller caller, RevokeInvitationLink useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, id, cancellationToken);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }

    public static async Task<IResult> Accept(string secret, Caller caller, JoinWithInvitation useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, secret, cancellationToken);
        return outcome.ToResult(c => TypedResults.Ok(CommunitySummaryResponse.From(c)));
    }

    /// <summary>The page a person opens to join: <c>/join/{secret}</c> on this site.</summary>
    public static string JoinUrl(HttpRequest request, string secret) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/join/{Uri.EscapeDataString(secret)}";
}
