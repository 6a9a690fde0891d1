using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Core.Persistence;

/// <summary>
/// Inserts many new rows of one entity type with one prepared INSERT, bypassing the change tracker: for generated and
/// imported data (a benchmark's million rows, a public dataset), where tracking every entity costs minutes. Columns,
/// names and value conversions come from the EF model, so the rows read back exactly as EF would have written them,
/// on either provider. Runs inside the caller's transaction (required: SQLite commits per statement otherwise), writes
/// no change-log entries and runs no interceptors — callers log what replicas must re-read themselves.
/// </summary>
public static class BulkInsert
{
    /// <summary>Writes <paramref name="rows"/> (new entities) and answers how many were written.</summary>
    public static async Task<int> WriteAsync<T>(RapportDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction)
        {
            throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null && p.PropertyInfo is not null).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                              $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}")))})";
        var parameters = new (DbParameter Parameter, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var mapping = (RelationalTypeMapping)columns[i].GetTypeMapping();
            var parameter = mapping.CreateParameter(command, sql.GenerateParameterName($"p{i}"), value: null, nullable: true);
            command.Parameters.Add(parameter);
            parameters[i] = (parameter, mapping, columns[i].GetGetter());
        }

        await command.PrepareAsync(cancellationToken);
        var written = 0;
        foreach (var row in rows)
        {
            foreach (var (parameter, mapping, getter) in parameters)
            {
                var value = getter.GetClrValue(row);
                parameter.Value = (value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }

            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }
}
