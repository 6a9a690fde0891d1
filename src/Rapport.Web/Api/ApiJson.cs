using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace Rapport.Web.Api;

/// <summary>
/// How the API reads and writes JSON. Reading is strict on purpose: one spelling per field and one type
/// per field, so what a client, a proxy and Rapport each think a body says can never differ, and nobody
/// can slip in owner, role or visibility through a field the API does not know.
/// </summary>
internal static class ApiJson
{
    public static void Configure(JsonOptions options)
    {
        var json = options.SerializerOptions;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // The web defaults match "DisplayName" to displayName and read "5" as 5; a typed contract refuses both,
        // and the OpenAPI document then says plainly "integer" instead of "integer or numeric string".
        json.PropertyNameCaseInsensitive = false;
        json.NumberHandling = JsonNumberHandling.Strict;
        // {"role":"member","role":"host"}: which one wins depends on the parser, so neither does.
        json.AllowDuplicateProperties = false;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.MaxDepth = 16;
    }
}
