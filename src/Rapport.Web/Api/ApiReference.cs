using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Rapport.Web.Api;

/// <summary>The API as people read it: endpoints grouped by feature, with parameters, bodies and answers.</summary>
public sealed record ApiReferenceGroup(string Name, IReadOnlyList<ApiReferenceEndpoint> Endpoints);

public sealed record ApiReferenceEndpoint(
    string Method, string Path, string? Summary, IReadOnlyList<ApiReferenceField> Parameters,
    ApiReferenceType? Body, IReadOnlyList<ApiReferenceResponse> Responses);

public sealed record ApiReferenceField(string Name, string Type, string Source, bool Required);

public sealed record ApiReferenceType(string Name, IReadOnlyList<ApiReferenceField> Fields);

public sealed record ApiReferenceResponse(int Status, string? Type);

/// <summary>Reads the endpoint descriptions ASP.NET Core already has (the same ones the OpenAPI document is built from).</summary>
public sealed partial class ApiReference(IApiDescriptionGroupCollectionProvider descriptions)
{
    public IReadOnlyList<ApiReferenceGroup> Build() =>
        descriptions.ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            .GroupBy(d => d.ActionDescriptor.EndpointMetadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault() ?? "Other")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ApiReferenceGroup(g.Key, g
                .OrderBy(d => d.RelativePath, StringComparer.Ordinal)
                .ThenBy(d => MethodOrder(d.HttpMethod))
                .Select(Describe)
                .ToList()))
            .ToList();

    private static ApiReferenceEndpoint Describe(ApiDescription d)
    {
        var summary = d.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().FirstOrDefault()?.Summary;
        var parameters = d.ParameterDescriptions
            .Where(p => p.Source.Id is "Path" or "Query" or "Header")
            .Select(p => new ApiReferenceField(p.Name, TypeName(p.Type), p.Source.Id.ToLowerInvariant(), p.IsRequired))
            .ToList();
        var bodyType = d.ParameterDescriptions.FirstOrDefault(p => p.Source.Id == "Body")?.Type;
        var responses = d.SupportedResponseTypes
            .OrderBy(r => r.StatusCode)
            .Select(r => new ApiReferenceResponse(r.StatusCode, r.Type is null || r.Type == typeof(void) ? null : TypeName(r.Type)))
            .ToList();
        return new ApiReferenceEndpoint(d.HttpMethod ?? "GET", "/" + WithoutConstraints(d.RelativePath), summary, parameters,
            bodyType is null ? null : new ApiReferenceType(TypeName(bodyType), Fields(bodyType)), responses);
    }

    /// <summary><c>{id:guid}</c> reads as <c>{id}</c> and <c>people/</c> as <c>people</c>, as in the OpenAPI document; the parameter table gives the type.</summary>
    private static string WithoutConstraints(string? path) => RouteConstraint().Replace(path ?? "", "{${name}}").TrimEnd('/');

    [GeneratedRegex(@"\{(?<name>[^}:=?]+)[^}]*\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex RouteConstraint();

    private static List<ApiReferenceField> Fields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => new ApiReferenceField(
                char.ToLowerInvariant(p.Name[0]) + p.Name[1..], TypeName(p.PropertyType), "body",
                Nullable.GetUnderlyingType(p.PropertyType) is null && new NullabilityInfoContext().Create(p).WriteState != NullabilityState.Nullable))
            .ToList();

    private static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return TypeName(inner) + "?";
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType)
        {
            var args = string.Join(", ", type.GetGenericArguments().Select(TypeName));
            var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            return name is "IReadOnlyList" or "List" or "IEnumerable" or "IList" ? $"{args}[]" : $"{name}<{args}>";
        }

        return type.Name switch
        {
            "String" => "string",
            "Int32" => "int",
            "Int64" => "long",
            "Boolean" => "bool",
            "Guid" => "uuid",
            "DateTimeOffset" => "date-time",
            _ => type.Name,
        };
    }

    private static int MethodOrder(string? method) => method switch
    {
        "GET" => 0,
        "POST" => 1,
        "PUT" => 2,
        "PATCH" => 3,
        "DELETE" => 4,
        _ => 5,
    };
}
