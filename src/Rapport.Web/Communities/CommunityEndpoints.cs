using Rapport.Core.Communities;
using Rapport.Web.Accounts;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Communities;

internal static class CommunityEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", List).WithName("ListCommunities")
            .WithSummary("Communities by name; q searches names and addresses. Each with its member count.")
            .Produces<PageResponse<CommunitySummaryResponse>>().ProducesValidationProblem()
            .RequireRateLimiting(AccountRateLimits.Search);
        group.MapPost("", Create).WithName("CreateCommunity")
            .WithSummary("Creates a community; the caller becomes its host.")
            .Produces<CommunitySummaryResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("{slug}", Get).WithName("GetCommunity")
            .WithSummary("A community: texts (Markdown and sanitized HTML), questions, members, and the caller's role and application.")
            .Produces<CommunityResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("{slug}", Update).WithName("UpdateCommunity")
            .WithSummary("Hosts change name, description, norms, membership mode and questions.")
            .Produces<CommunitySummaryResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("{slug}/members", Members).WithName("ListCommunityMembers")
            .WithSummary("Members, hosts first, with their competences.")
            .Produces<PageResponse<MemberResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> List(string? q, int? limit, int? offset, ListCommunities useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(q, new PageRequest(limit, offset), cancellationToken);
        return outcome.ToResult(page => TypedResults.Ok(PageResponse<CommunitySummaryResponse>.From(page, CommunitySummaryResponse.From)));
    }

    public static async Task<IResult> Create(CreateCommunityRequest body, Caller caller, CreateCommunity useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, body.Slug, body.ToFields(), cancellationToken);
        return outcome.ToResult(c => TypedResults.Created($"/api/v1/communities/{c.Slug}", CommunitySummaryResponse.From(c)));
    }

    public static async Task<IResult> Get(string slug, Caller caller, GetCommunity useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, cancellationToken);
        return outcome.ToResult(d => TypedResults.Ok(CommunityResponse.From(d)));
    }

    public static async Task<IResult> Update(string slug, UpdateCommunityRequest body, Caller caller, EditCommunity useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(caller.Id, slug, body.ToFields(), cancellationToken);
        return outcome.ToResult(c => TypedResults.Ok(CommunitySummaryResponse.From(c)));
    }

    public static async Task<IResult> Members(string slug, int? limit, int? offset, ListMembers useCase, CancellationToken cancellationToken)
    {
        var outcome = await useCase.ExecuteAsync(slug, new PageRequest(limit, offset), cancellationToken);
        return outcome.ToResult(page => TypedResults.Ok(PageResponse<MemberResponse>.From(page, MemberResponse.From)));
    }
}
