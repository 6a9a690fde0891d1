using System.ComponentModel.DataAnnotations;
using Rapport.Core.Blocks;
using Rapport.Core.People;
using Rapport.Web.Api;
using Rapport.Web.Security;
using Rapport.Web.Trust;

namespace Rapport.Web.Blocks;

/// <summary>A person you blocked, since when.</summary>
public sealed record BlockResponse(TrustPersonResponse Person, DateTimeOffset Since)
{
    internal static BlockResponse From(BlockView b) => new(TrustPersonResponse.From(b.Person), b.Since);
}

/// <summary>Block a person by handle.</summary>
public sealed record BlockRequest([property: Required, MaxLength(Person.HandleMaxLength)] string? Handle);

/// <summary>
/// /api/v1/blocks: the people you blocked (never who blocked you), block and unblock. Nobody is invited, referred or asked
/// again across a block, either way. Examples: blocks.http.
/// </summary>
public static class BlocksApi
{
    public static IEndpointRouteBuilder MapBlocksApi(this IEndpointRouteBuilder endpoints)
    {
        var blocks = endpoints.MapApi("blocks", "Blocks").AddEndpointFilter<RequireProfile>().ProducesProblem(StatusCodes.Status403Forbidden);
        blocks.MapGet("", List).WithName("ListBlocks").WithSummary("The people you blocked, newest first.").Produces<List<BlockResponse>>();
        blocks.MapPost("", Block).WithName("BlockPerson").WithSummary("Block a person. Blocking someone already blocked answers the block.")
            .Produces<BlockResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        blocks.MapDelete("{handle}", Unblock).WithName("UnblockPerson").WithSummary("Lift your block. 404 when there is none.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static async Task<IResult> List(Caller caller, ListBlocks useCase, CancellationToken cancellationToken) =>
        TypedResults.Ok((await useCase.ExecuteAsync(caller.Id, cancellationToken)).Select(BlockResponse.From).ToList());

    public static async Task<IResult> Block(BlockRequest body, Caller caller, BlockPerson useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, body.Handle, cancellationToken)).ToResult(b => TypedResults.Ok(BlockResponse.From(b)));

    public static async Task<IResult> Unblock(string handle, Caller caller, UnblockPerson useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, handle, cancellationToken)).ToResult(_ => TypedResults.NoContent());
}
