using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rapport.Web.Api;

/// <summary>The OpenAPI document's words and how tools authenticate: a personal access token as a bearer token.</summary>
internal static class ApiDocument
{
    public const string BearerScheme = "bearer";

    public static void Configure(OpenApiOptions options)
    {
        // The account pages' helper endpoints (sign-out, passkey options) are for the pages' own forms, not for scripts.
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Rapport API";
            document.Info.Description =
                "People, competences, communities, memberships, trust, items, recommendations, collections and the feed. Authenticate with a personal access token: Authorization: Bearer rpt_…";
            // The server's own address is whatever the request came in on; a snapshot or a client generator must not depend on it.
            document.Servers = [];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "rpt_…",
                Description = "A personal access token from Settings → Access tokens.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            return Task.CompletedTask;
        });
        // An id is 36 characters; saying so keeps "every field has a maximum" true of bodies that name an item.
        options.AddSchemaTransformer((schema, _, _) =>
        {
            if (schema.Format == "uuid" && schema.MaxLength is null)
            {
                schema.MaxLength = 36;
            }

            return Task.CompletedTask;
        });
        // Answers in status order, so the document (and its committed snapshot) reads 200, 400, 401, 404… whatever order they were declared in.
        options.AddOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses is { Count: > 1 } responses)
            {
                var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
                responses.Clear();
                foreach (var (status, response) in sorted)
                {
                    responses.Add(status, response);
                }
            }

            return Task.CompletedTask;
        });
    }
}
