using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rapport.Cli.Reports;

/// <summary>Reports as one indented JSON object; nulls are written, so every report of a verb has the same fields.</summary>
internal static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync<T>(TextWriter output, T report) => output.WriteLineAsync(JsonSerializer.Serialize(report, Options));
}
