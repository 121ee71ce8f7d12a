using MatchEngine.Engine.Contract;
using Npgsql;
using NpgsqlTypes;

namespace MatchEngine.Engine.Store;

/// <summary>A batch flattened to (kind, id, json) rows, the last of duplicate ids winning as in a sequential upsert.</summary>
internal sealed class PostgresStagedRows
{
    private readonly short[] _kinds;
    private readonly string[] _ids;
    private readonly string[] _jsons;

    private PostgresStagedRows(short[] kinds, string[] ids, string[] jsons) => (_kinds, _ids, _jsons) = (kinds, ids, jsons);

    public int Count => _ids.Length;

    public static PostgresStagedRows From(CatalogBatch batch)
    {
        var rows = new Dictionary<(EntityKind, string), string>(batch.Count);
        foreach (var (kind, id, json) in batch.Rows()) rows[(kind, id)] = json;
        return new PostgresStagedRows(
            rows.Keys.Select(k => (short)k.Item1).ToArray(), rows.Keys.Select(k => k.Item2).ToArray(), rows.Values.ToArray());
    }

    public void AddArrayParameters(NpgsqlCommand command)
    {
        command.Parameters.AddWithValue("kinds", _kinds);
        command.Parameters.AddWithValue("ids", _ids);
        command.Parameters.AddWithValue("jsons", _jsons);
    }

    /// <summary>Creates the transaction's staging table and fills it by binary COPY.</summary>
    public void CopyToStaging(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE catalog_staging(kind smallint NOT NULL, id text COLLATE \"C\" NOT NULL, json text NOT NULL) ON COMMIT DROP",
            connection, tx))
            create.ExecuteNonQuery();
        using var writer = connection.BeginBinaryImport("COPY catalog_staging(kind, id, json) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < _ids.Length; i++)
        {
            writer.StartRow();
            writer.Write(_kinds[i], NpgsqlDbType.Smallint);
            writer.Write(_ids[i], NpgsqlDbType.Text);
            writer.Write(_jsons[i], NpgsqlDbType.Text);
        }
        writer.Complete();
    }
}
