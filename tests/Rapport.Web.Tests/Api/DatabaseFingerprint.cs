using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Api;

/// <summary>
/// Every row of every table, to prove a rejected request changed nothing. Bookkeeping that reading
/// does touch (a token's "last used", session tickets, data-protection keys) is left out.
/// </summary>
internal static class DatabaseFingerprint
{
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.OrdinalIgnoreCase) { "AccessTokens", "Sessions", "DataProtectionKeys" };

    /// <summary>Table name to its rows, each row its values joined, rows sorted.</summary>
    public static async Task<SortedDictionary<string, string>> TakeAsync(RapportApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Where(t => !Bookkeeping.Contains(t)).Distinct().ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            result[table] = await ReadAsync(connection, table);
        }

        return result;
    }

    private static async Task<string> ReadAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join("|", values.Select(v => v is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(v, CultureInfo.InvariantCulture))));
        }

        rows.Sort(StringComparer.Ordinal);
        return $"{rows.Count} rows\n" + string.Join("\n", rows);
    }
}
