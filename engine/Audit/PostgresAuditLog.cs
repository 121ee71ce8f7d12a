using MatchEngine.Engine.Persistence;
using Npgsql;

namespace MatchEngine.Engine.Audit;

/// <summary>
/// The audit trail as a table in the shared PostgreSQL database, so every api replica appends to (and
/// the privacy officer reads) one trail. Times are stored as <c>timestamptz</c>, at microsecond
/// precision. Purges from several replicas are harmless: each removes what is still there. Thread-safe.
/// </summary>
/// <remarks>
/// As in <see cref="SqliteAuditLog"/>, one row per call (<c>audit_calls</c>) with the call's candidates in a
/// <c>text[]</c> column, found by candidate through a GIN index on it: a shortlist of 20 candidates is one row, where
/// one row per candidate would write 20 rows and 60 B-tree entries into the database every replica shares. A
/// database may also hold rows of the one-per-entry table <c>audit</c>: read after the calls and purged with them.
/// Whether that table exists is asked on every read and purge, not once at start, so rows that a replica of an
/// older version writes there during an upgrade are never missed.
/// </remarks>
public sealed class PostgresAuditLog : IAuditLog
{
    private const string Columns = "at, user_name, role, action, purpose, subject";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Opens the trail in the database named by <paramref name="connectionString"/>, creating its table when missing.</summary>
    public PostgresAuditLog(string connectionString)
    {
        _dataSource = PostgresConnections.DataSource(connectionString);
        PostgresSchema.Ensure(_dataSource, """
            CREATE TABLE IF NOT EXISTS audit_calls(
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, user_name text NOT NULL,
                role text NOT NULL, action text NOT NULL, purpose text NOT NULL, subject text, candidates text[] NOT NULL);
            CREATE INDEX IF NOT EXISTS audit_calls_user ON audit_calls(user_name, seq);
            CREATE INDEX IF NOT EXISTS audit_calls_at ON audit_calls(at);
            CREATE INDEX IF NOT EXISTS audit_calls_candidates ON audit_calls USING gin(candidates);
            """);
    }

    /// <inheritdoc />
    public async Task RecordAsync(IReadOnlyCollection<AuditEntry> entries)
    {
        if (entries.Count == 0) return;
        // A batch runs in one implicit transaction, in one round trip; its commands run in order, so seq follows the calls.
        await using var batch = _dataSource.CreateBatch();
        foreach (var call in AuditCall.Group(entries))
        {
            var insert = new NpgsqlBatchCommand($"INSERT INTO audit_calls({Columns}, candidates) VALUES ($1, $2, $3, $4, $5, $6, $7)");
            insert.Parameters.Add(new NpgsqlParameter { Value = call.At.ToUniversalTime() });
            insert.Parameters.Add(new NpgsqlParameter { Value = call.User });
            insert.Parameters.Add(new NpgsqlParameter { Value = call.Role });
            insert.Parameters.Add(new NpgsqlParameter { Value = call.Action });
            insert.Parameters.Add(new NpgsqlParameter { Value = call.Purpose });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)call.Subject ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = call.CandidateIds.ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
            batch.BatchCommands.Add(insert);
        }
        await batch.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    /// <remarks>
    /// The calls that match are found through the GIN index and then sorted (materialized), never by walking back
    /// through every call in seq order hoping to meet enough of them, which a planner without statistics on the
    /// array might choose.
    /// </remarks>
    public IReadOnlyList<AuditEntry> ForCandidate(string candidateId, int limit = 1000, int offset = 0) => Query($"""
        WITH found AS MATERIALIZED (SELECT seq, {Columns}, candidates FROM audit_calls WHERE candidates @> ARRAY[@key]::text[])
        SELECT {Columns}, candidates FROM found ORDER BY seq DESC LIMIT @limit
        """, "candidate_id = @key", candidateId, candidateId, limit, offset);

    /// <inheritdoc />
    /// <remarks>The index on (user_name, seq) gives a user's newest calls first without sorting them all.</remarks>
    public IReadOnlyList<AuditEntry> ForUser(string user, int limit = 1000, int offset = 0) =>
        Query($"SELECT {Columns}, candidates FROM audit_calls WHERE user_name = @key ORDER BY seq DESC LIMIT @limit", "user_name = @key", user, null, limit, offset);

    /// <inheritdoc />
    /// <remarks>The GIN index finds the calls; a call may hold the candidate more than once, so their ids are counted, not the calls.</remarks>
    public int CountForCandidate(string candidateId) => Count("""
        SELECT count(*) FROM audit_calls, unnest(audit_calls.candidates) AS id WHERE audit_calls.candidates @> ARRAY[@key]::text[] AND id = @key
        """, "candidate_id = @key", candidateId);

    /// <inheritdoc />
    public int CountForUser(string user) =>
        Count("SELECT coalesce(sum(cardinality(candidates)), 0)::bigint FROM audit_calls WHERE user_name = @key", "user_name = @key", user);

    /// <inheritdoc />
    public int Purge(DateTimeOffset before)
    {
        using var connection = _dataSource.OpenConnection();
        using var tx = connection.BeginTransaction();
        using var cmd = new NpgsqlCommand("""
            WITH gone AS (DELETE FROM audit_calls WHERE at < @before RETURNING cardinality(candidates) AS entries)
            SELECT coalesce(sum(entries), 0)::bigint FROM gone
            """, connection, tx);
        cmd.Parameters.AddWithValue("before", before.ToUniversalTime());
        var purged = (long)cmd.ExecuteScalar()!;
        if (HasRowsPerEntry(connection, tx))
        {
            cmd.CommandText = "DELETE FROM audit WHERE at < @before";
            purged += cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return checked((int)purged);
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    /// <summary>The entries <see cref="QueryNewest"/> reads for <paramref name="limit"/> + <paramref name="offset"/>, without the newest <paramref name="offset"/>.</summary>
    private List<AuditEntry> Query(string calls, string whereRow, string key, string? candidateId, int limit, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var entries = QueryNewest(calls, whereRow, key, candidateId, checked(limit + offset));
        return [.. entries.Skip(offset)];
    }

    /// <summary>The entries (calls, then rows per entry) <paramref name="calls"/> and <paramref name="whereRow"/> select, summed.</summary>
    private int Count(string calls, string whereRow, string key)
    {
        using var connection = _dataSource.OpenConnection();
        using var cmd = new NpgsqlCommand(calls, connection);
        cmd.Parameters.AddWithValue("key", key);
        var count = (long)cmd.ExecuteScalar()!;
        if (HasRowsPerEntry(connection, null))
        {
            using var rows = new NpgsqlCommand($"SELECT count(*) FROM audit WHERE {whereRow}", connection);
            rows.Parameters.AddWithValue("key", key);
            count += (long)rows.ExecuteScalar()!;
        }
        return checked((int)count);
    }

    /// <summary>
    /// The entries of the calls <paramref name="calls"/> selects (newest first, at most @limit, for @key), then those of
    /// the <c>audit</c> table's rows <paramref name="whereRow"/> selects, up to <paramref name="limit"/> in all.
    /// </summary>
    private List<AuditEntry> QueryNewest(string calls, string whereRow, string key, string? candidateId, int limit)
    {
        using var connection = _dataSource.OpenConnection();
        var entries = new List<AuditEntry>();
        using (var cmd = new NpgsqlCommand(calls, connection))
        {
            cmd.Parameters.AddWithValue("key", key);
            cmd.Parameters.AddWithValue("limit", limit);
            using var reader = cmd.ExecuteReader();
            while (entries.Count < limit && reader.Read())
            {
                var call = new AuditCall(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<string?[]>(6));
                entries.AddRange(call.EntriesNewestFirst(candidateId).Take(limit - entries.Count));
            }
        }
        if (entries.Count < limit && HasRowsPerEntry(connection, null)) entries.AddRange(ReadRowsPerEntry(connection, whereRow, key, limit - entries.Count));
        return entries;
    }

    /// <summary>Entries from the table of one row per entry that databases written before <c>audit_calls</c> hold.</summary>
    private static List<AuditEntry> ReadRowsPerEntry(NpgsqlConnection connection, string where, string key, int limit)
    {
        using var cmd = new NpgsqlCommand($"SELECT {Columns}, candidate_id FROM audit WHERE {where} ORDER BY seq DESC LIMIT @limit", connection);
        cmd.Parameters.AddWithValue("key", key);
        cmd.Parameters.AddWithValue("limit", limit);
        using var reader = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (reader.Read())
        {
            list.Add(new AuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return list;
    }

    private static bool HasRowsPerEntry(NpgsqlConnection connection, NpgsqlTransaction? tx)
    {
        using var cmd = new NpgsqlCommand("SELECT to_regclass('audit') IS NOT NULL", connection, tx);
        return (bool)cmd.ExecuteScalar()!;
    }
}
