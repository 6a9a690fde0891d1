using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Rapport.Web.Accounts.Pages;
using Rapport.Web.Accounts.Pages.Manage;
using Rapport.Core.Accounts;
using Rapport.Web.Security;

namespace Rapport.Web.Accounts;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Readable, camelCase, enums as words: the download is for people as much as for programs.</summary>
    private static readonly JsonSerializerOptions PersonalDataJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    // These endpoints are required by the Identity Razor components defined in the /Accounts/Pages directory of this project.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<Account> signInManager,
            [FromForm] string returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect($"~/{returnUrl}");
        }).RequireAuthorization();

        accountGroup.MapPost("/PasskeyCreationOptions", async (
            HttpContext context,
            [FromServices] UserManager<Account> userManager,
            [FromServices] SignInManager<Account> signInManager,
            [FromServices] IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return MissingAntiforgeryToken();
            }

            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            var userName = await userManager.GetUserNameAsync(user) ?? "User";
            var optionsJson = await signInManager.MakePasskeyCreationOptionsAsync(new()
            {
                Id = userId,
                Name = userName,
                DisplayName = userName
            });
            return TypedResults.Content(optionsJson, contentType: "application/json");
        }).RequireAuthorization();

        accountGroup.MapPost("/PasskeyRequestOptions", async (
            HttpContext context,
            [FromServices] UserManager<Account> userManager,
            [FromServices] SignInManager<Account> signInManager,
            [FromServices] IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return MissingAntiforgeryToken();
            }

            // Never look the name up: options that differ for known and unknown names would tell anyone which
            // accounts exist. Without a user the browser offers the passkeys it holds for this site (discoverable).
            var optionsJson = await signInManager.MakePasskeyRequestOptionsAsync(user: null);
            return TypedResults.Content(optionsJson, contentType: "application/json");
        }).AllowAnonymous(); // the sign-in page asks for it before anyone is signed in

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization();

        var loggerFactory = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var downloadLogger = loggerFactory.CreateLogger("DownloadPersonalData");

        manageGroup.MapPost("/DownloadPersonalData", async (
            HttpContext context,
            [FromServices] ExportPersonalData exportPersonalData) =>
        {
            var accountId = context.User.AccountId();
            var personalData = await exportPersonalData.ExecuteAsync(accountId, context.RequestAborted);
            if (personalData is null)
            {
                return Results.NotFound();
            }

            downloadLogger.LogInformation("Account {AccountId} downloaded its personal data.", accountId);
            var fileBytes = JsonSerializer.SerializeToUtf8Bytes(personalData, PersonalDataJson);
            return TypedResults.File(fileBytes, contentType: "application/json", fileDownloadName: "PersonalData.json");
        });

        return accountGroup;
    }

    // A 400 the page's script can show, rather than the exception ValidateRequestAsync throws (a 500 and an error log).
    private static IResult MissingAntiforgeryToken() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The page's security token is missing or old.",
        detail: "Reload the page and try again.");
}
