using System.Text.Json;

namespace Rapport.Cli.Tests.Infrastructure;

/// <summary>Reads a report the way a script would, and pins its field names.</summary>
internal static class JsonShape
{
    public static JsonElement Parse(string output) => JsonDocument.Parse(output).RootElement.Clone();

    public static void HasExactly(JsonElement element, params string[] names) =>
        Assert.Equal(names.Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    public static JsonElement[] Rows(JsonElement report, string name) => [.. report.GetProperty(name).EnumerateArray()];

    public static string Key(JsonElement row) =>
        $"{row.GetProperty("engine").GetString()} {row.GetProperty("algorithm").GetString()} {row.GetProperty("tier").GetString()}";
}
