using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rapport.Web.Tests.Api;

/// <summary>Paths in the API's error-key syntax (<c>competences[0].topic</c>) over a copy of a JSON body.</summary>
internal static partial class JsonPaths
{
    /// <summary>A deep copy of <paramref name="body"/> with the value at <paramref name="path"/> replaced.</summary>
    public static JsonObject Set(JsonObject body, string path, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        var steps = Steps(path);
        JsonNode parent = copy;
        foreach (var step in steps[..^1])
        {
            parent = step is int index ? parent[index]! : parent[(string)step]!;
        }

        switch (steps[^1])
        {
            case int index:
                parent[index] = value;
                break;
            case string name:
                parent[name] = value;
                break;
        }

        return copy;
    }

    /// <summary>Every value in <paramref name="body"/> (containers and leaves, not nulls) with its path.</summary>
    public static IEnumerable<(string Path, JsonNode Value)> Values(JsonNode node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (child is null)
                    {
                        continue;
                    }

                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    yield return (childPath, child);
                    foreach (var nested in Values(child, childPath))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray { Count: > 0 } array when array[0] is { } first:
                yield return ($"{path}[0]", first);
                foreach (var nested in Values(first, $"{path}[0]"))
                {
                    yield return nested;
                }

                break;
        }
    }

    private static object[] Steps(string path) =>
        [.. Step().Matches(path).Select(m => m.Groups["index"].Success ? int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) : (object)m.Groups["name"].Value)];

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
