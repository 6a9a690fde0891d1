using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Rapport.Core.Persistence;

/// <summary>
/// Inserts many new rows of one entity type bypassing the change tracker: for generated and imported data (a
/// benchmark's million rows, a public dataset), where tracking every entity costs minutes. SQLite gets one prepared
/// INSERT per row; PostgreSQL one binary <c>COPY</c> (a prepared insert costs a round trip per row there). Columns,
/// names, store types and value conversions come from the EF model, so the rows read back exactly as EF would have
/// written them, on either provider. Runs inside the caller's transaction (required: SQLite commits per statement
/// otherwise), writes no change-log entries and runs no interceptors — callers log what replicas must re-read themselves.
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
        var columnList = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)));
        if (transaction.Connection is NpgsqlConnection postgres)
        {
            return await CopyAsync(postgres, $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({columnList}) FROM STDIN (FORMAT BINARY)", columns, rows, cancellationToken);
        }

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                              $"({columnList}) " +
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
                parameter.Value = ProviderValue(getter.GetClrValue(row), mapping) ?? DBNull.Value;
            }

            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// PostgreSQL: one binary COPY into the caller's transaction (COPY joins the connection's open transaction), each
    /// value written as its column's store type.
    /// </summary>
    private static async Task<int> CopyAsync<T>(
        NpgsqlConnection connection, string copy, IProperty[] columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var fields = columns.Select(c => (Mapping: (RelationalTypeMapping)c.GetTypeMapping(), Getter: c.GetGetter())).ToArray();
        var written = 0;
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var (mapping, getter) in fields)
            {
                switch (ProviderValue(getter.GetClrValue(row), mapping))
                {
                    case null:
                        await writer.WriteNullAsync(cancellationToken);
                        break;
                    case DateTimeOffset time:
                        // timestamptz takes UTC offsets only; the instant is the same.
                        await writer.WriteAsync(time.ToUniversalTime(), mapping.StoreType, cancellationToken);
                        break;
                    case var value:
                        await writer.WriteAsync(value, mapping.StoreType, cancellationToken);
                        break;
                }
            }

            written++;
        }

        await writer.CompleteAsync(cancellationToken);
        return written;
    }

    private static object? ProviderValue(object? value, RelationalTypeMapping mapping) =>
        value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
}
