using Rapport.Web.Security;
using System.Security.Claims;
using Rapport.Core.People;
using Rapport.Web.Accounts;
using Rapport.Web.Api;

namespace Rapport.Web.People;

/// <summary><c>/api/v1/people</c>: the directory, profiles, and your own profile and competences.</summary>
public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder endpoints)
    {
        var people = endpoints.MapApi("people", "People");

        people.MapGet("/", FindPeopleAsync).WithName("FindPeople")
            .WithSummary("Search the people directory")
            .WithDescription("Matches display name, handle, competence topic or context, ignoring case; optionally only people with one exact topic. Ordered by name, then handle.")
            .Produces<PeoplePageDto>().ProducesValidationProblem()
            .RequireRateLimiting(AccountRateLimits.Search);
        people.MapGet("/me", GetMyProfileAsync).WithName("GetMyProfile")
            .WithSummary("Your own profile")
            .Produces<PersonDto>().ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPut("/me", UpdateMyProfileAsync).WithName("UpdateMyProfile")
            .WithSummary("Replace your display name, bio, availability and attention budget")
            .Produces<PersonDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        people.MapGet("/me/competences", GetMyCompetencesAsync).WithName("GetMyCompetences")
            .WithSummary("Your competences")
            .Produces<IReadOnlyList<CompetenceDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPut("/me/competences", ReplaceMyCompetencesAsync).WithName("ReplaceMyCompetences")
            .WithSummary("Replace your whole competence list")
            .WithDescription("Topics are normalized; duplicates (same topic and context, ignoring case) are merged; competences that stay keep their ids.")
            .Produces<IReadOnlyList<CompetenceDto>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPost("/me/competences", AddMyCompetenceAsync).WithName("AddMyCompetence")
            .WithSummary("Add one competence")
            .WithDescription("201 with the new competence, or 200 with the existing one when it was already listed.")
            .Produces<CompetenceDto>(StatusCodes.Status201Created).Produces<CompetenceDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        people.MapDelete("/me/competences/{id:long}", RemoveMyCompetenceAsync).WithName("RemoveMyCompetence")
            .WithSummary("Remove one of your competences")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        people.MapGet("/{handle}", GetPersonAsync).WithName("GetPerson")
            .WithSummary("A person's profile by handle")
            .Produces<PersonDto>().ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal static async Task<IResult> FindPeopleAsync(FindPeople find, string? q, string? topic, int? limit, int? offset,
        CancellationToken cancellationToken) =>
        (await find.ExecuteAsync(new PeopleQuery(q, topic, limit, offset), cancellationToken))
            .ToResult(page => TypedResults.Ok(PeoplePageDto.From(page)));

    internal static async Task<IResult> GetPersonAsync(GetProfile get, ClaimsPrincipal user, string handle, CancellationToken cancellationToken) =>
        (await get.ExecuteAsync(handle, user.AccountId(), cancellationToken)).ToResult(view => TypedResults.Ok(PersonDto.From(view)));

    internal static async Task<IResult> GetMyProfileAsync(GetProfile get, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await get.ExecuteAsync(null, user.AccountId(), cancellationToken)).ToResult(view => TypedResults.Ok(PersonDto.From(view)));

    internal static async Task<IResult> UpdateMyProfileAsync(EditProfile edit, GetProfile get, ClaimsPrincipal user, UpdateProfileRequest request,
        CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var edited = await edit.ExecuteAsync(accountId,
            new ProfileEdit(request.DisplayName, request.Bio, request.Availability, request.AttentionBudget), cancellationToken);
        if (!edited.Succeeded)
        {
            return edited.ToResult(_ => TypedResults.NoContent());
        }

        return (await get.ExecuteAsync(null, accountId, cancellationToken)).ToResult(view => TypedResults.Ok(PersonDto.From(view)));
    }

    internal static async Task<IResult> GetMyCompetencesAsync(GetProfile get, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await get.ExecuteAsync(null, user.AccountId(), cancellationToken)).ToResult(view => TypedResults.Ok(CompetenceDto.From(view.Competences)));

    internal static async Task<IResult> ReplaceMyCompetencesAsync(ReplaceCompetences replace, ClaimsPrincipal user, ReplaceCompetencesRequest request,
        CancellationToken cancellationToken) =>
        (await replace.ExecuteAsync(user.AccountId(), request.Competences?.Select(c => c?.ToInput()).ToList(), cancellationToken))
            .ToResult(list => TypedResults.Ok(CompetenceDto.From(list)));

    internal static async Task<IResult> AddMyCompetenceAsync(AddCompetence add, ClaimsPrincipal user, CompetenceRequest request,
        CancellationToken cancellationToken) =>
        (await add.ExecuteAsync(user.AccountId(), request.ToInput(), cancellationToken)).ToResult(added => added.Created
            ? TypedResults.Created("/api/v1/people/me/competences", CompetenceDto.From(added.Competence))
            : TypedResults.Ok(CompetenceDto.From(added.Competence)));

    internal static async Task<IResult> RemoveMyCompetenceAsync(RemoveCompetence remove, ClaimsPrincipal user, long id,
        CancellationToken cancellationToken) =>
        (await remove.ExecuteAsync(user.AccountId(), id, cancellationToken)).ToResult(_ => TypedResults.NoContent());
}
