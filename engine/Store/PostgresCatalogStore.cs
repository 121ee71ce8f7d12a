using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Persistence;
using Npgsql;

namespace MatchEngine.Engine.Store;

/// <summary>
/// The shared store: tables in a PostgreSQL database that several api replicas and CLI runs use at
/// once. Records are kept in their contract JSON form, keyed by kind and id, like the SQLite store.
/// Every write takes the revision row of <c>catalog_meta</c> with <c>SELECT … FOR UPDATE</c> inside its
/// transaction, so writers in any process are serialised on the database, revisions are assigned and
/// committed in order, and a reader that sees revision R sees every change up to R. No revision is
/// cached in the process: <see cref="Revision"/> asks the database (one indexed one-row read).
/// The schema is created idempotently on open. Thread-safe; connections come from one pooled data source.
/// </summary>
public sealed class PostgresCatalogStore : JsonCatalogStore
{
    /// <summary>Default of the batch size above which rows are copied into a staging table (binary COPY) instead of sent as arrays.</summary>
    public const int DefaultCopyThreshold = 500;

    private readonly NpgsqlDataSource _dataSource;
    private readonly int _copyThreshold;

    /// <summary>Opens the store in the database named by <paramref name="connectionString"/>, creating its tables when missing.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="copyThreshold">Batches of more rows than this go by COPY (default <see cref="DefaultCopyThreshold"/>; benchmarks compare the two paths).</param>
    public PostgresCatalogStore(string connectionString, int copyThreshold = DefaultCopyThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(copyThreshold);
        _copyThreshold = copyThreshold;
        _dataSource = PostgresConnections.DataSource(connectionString);
        PostgresSchema.Ensure(_dataSource, """
            CREATE TABLE IF NOT EXISTS catalog_meta(key text PRIMARY KEY, value bigint NOT NULL);
            INSERT INTO catalog_meta(key, value) VALUES ('revision', 0) ON CONFLICT (key) DO NOTHING;
            CREATE TABLE IF NOT EXISTS catalog_records(
                kind smallint NOT NULL, id text COLLATE "C" NOT NULL, rev bigint NOT NULL, json text NOT NULL,
                PRIMARY KEY(kind, id));
            CREATE INDEX IF NOT EXISTS catalog_records_rev ON catalog_records(rev);
            CREATE TABLE IF NOT EXISTS catalog_tombstones(
                kind smallint NOT NULL, id text COLLATE "C" NOT NULL, rev bigint NOT NULL, PRIMARY KEY(kind, id));
            CREATE INDEX IF NOT EXISTS catalog_tombstones_rev ON catalog_tombstones(rev);
            """);
    }

    /// <inheritdoc />
    public override long Revision
    {
        get
        {
            using var cmd = _dataSource.CreateCommand("SELECT value FROM catalog_meta WHERE key = 'revision'");
            return (long)cmd.ExecuteScalar()!;
        }
    }

    /// <inheritdoc />
    public override long Upsert(CatalogBatch batch)
    {
        var rows = PostgresStagedRows.From(batch);
        using var connection = _dataSource.OpenConnection();
        using var tx = connection.BeginTransaction();
        var current = LockRevision(connection, tx);
        var next = current + 1;
        string source;
        if (rows.Count > _copyThreshold)
        {
            rows.CopyToStaging(connection, tx);
            source = "SELECT kind, id, json FROM catalog_staging";
        }
        else
        {
            source = "SELECT * FROM unnest(@kinds, @ids, @jsons)";
        }
        using var upsert = new NpgsqlCommand($"""
            WITH up AS (
                INSERT INTO catalog_records(kind, id, rev, json) SELECT s.kind, s.id, @rev, s.json FROM ({source}) AS s(kind, id, json)
                ON CONFLICT (kind, id) DO UPDATE SET rev = excluded.rev, json = excluded.json
                WHERE catalog_records.json <> excluded.json
                RETURNING kind, id),
            untombed AS (DELETE FROM catalog_tombstones t USING up WHERE t.kind = up.kind AND t.id = up.id)
            SELECT count(*) FROM up
            """, connection, tx);
        upsert.Parameters.AddWithValue("rev", next);
        if (rows.Count <= _copyThreshold) rows.AddArrayParameters(upsert);
        var changed = (long)upsert.ExecuteScalar()!;
        if (changed == 0)
        {
            tx.Rollback();
            return current;
        }
        SetRevision(connection, tx, next);
        tx.Commit();
        return next;
    }

    /// <inheritdoc />
    public override (long Revision, int Deleted) Delete(EntityKind kind, IReadOnlyCollection<string> ids)
    {
        using var connection = _dataSource.OpenConnection();
        using var tx = connection.BeginTransaction();
        var current = LockRevision(connection, tx);
        var next = current + 1;
        using var delete = new NpgsqlCommand("""
            WITH gone AS (DELETE FROM catalog_records WHERE kind = @kind AND id = ANY(@ids) RETURNING id),
            tomb AS (
                INSERT INTO catalog_tombstones(kind, id, rev) SELECT @kind, id, @rev FROM gone
                ON CONFLICT (kind, id) DO UPDATE SET rev = excluded.rev)
            SELECT count(*) FROM gone
            """, connection, tx);
        delete.Parameters.AddWithValue("kind", (short)kind);
        delete.Parameters.AddWithValue("ids", ids.ToArray());
        delete.Parameters.AddWithValue("rev", next);
        var deleted = (int)(long)delete.ExecuteScalar()!;
        if (deleted == 0)
        {
            tx.Rollback();
            return (current, 0);
        }
        SetRevision(connection, tx, next);
        tx.Commit();
        return (next, deleted);
    }

    /// <inheritdoc />
    public override bool Exists(EntityKind kind, string id)
    {
        using var cmd = _dataSource.CreateCommand("SELECT 1 FROM catalog_records WHERE kind = @kind AND id = @id");
        cmd.Parameters.AddWithValue("kind", (short)kind);
        cmd.Parameters.AddWithValue("id", id);
        return cmd.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public override int Count(EntityKind kind)
    {
        using var cmd = _dataSource.CreateCommand("SELECT count(*) FROM catalog_records WHERE kind = @kind");
        cmd.Parameters.AddWithValue("kind", (short)kind);
        return (int)(long)cmd.ExecuteScalar()!;
    }



    /// <inheritdoc />
    public override bool ChangedSince(EntityKind kind, long revision)
    {
        using var cmd = _dataSource.CreateCommand("""
            SELECT EXISTS(SELECT 1 FROM catalog_records WHERE rev > @rev AND kind = @k)
                OR EXISTS(SELECT 1 FROM catalog_tombstones WHERE rev > @rev AND kind = @k)
            """);
        cmd.Parameters.AddWithValue("rev", revision);
        cmd.Parameters.AddWithValue("k", (short)kind);
        return (bool)cmd.ExecuteScalar()!;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Change> ChangesSince(long revision)
    {
        using var cmd = _dataSource.CreateCommand("""
            SELECT kind, id, rev, false FROM catalog_records WHERE rev > @rev AND kind IN (@c, @v)
            UNION ALL
            SELECT kind, id, rev, true FROM catalog_tombstones WHERE rev > @rev AND kind IN (@c, @v)
            ORDER BY 3
            """);
        cmd.Parameters.AddWithValue("rev", revision);
        cmd.Parameters.AddWithValue("c", (short)EntityKind.Candidate);
        cmd.Parameters.AddWithValue("v", (short)EntityKind.Vacancy);
        using var reader = cmd.ExecuteReader();
        var changes = new List<Change>();
        while (reader.Read())
            changes.Add(new Change((EntityKind)reader.GetInt16(0), reader.GetString(1), reader.GetInt64(2), reader.GetBoolean(3)));
        return changes;
    }

    /// <inheritdoc />
    public override void Dispose() => _dataSource.Dispose();

    protected override string? Json(EntityKind kind, string id)
    {
        using var cmd = _dataSource.CreateCommand("SELECT json FROM catalog_records WHERE kind = @kind AND id = @id");
        cmd.Parameters.AddWithValue("kind", (short)kind);
        cmd.Parameters.AddWithValue("id", id);
        return cmd.ExecuteScalar() as string;
    }

    protected override IEnumerable<string> AllJson(EntityKind kind) => JsonWhere(kind, null);

    protected override IEnumerable<string> JsonBetween(EntityKind kind, string from, string before) => JsonWhere(kind, (from, before));

    /// <summary>The JSON of a kind's records in id order, all of them or those with an id in [From, Before).</summary>
    private IEnumerable<string> JsonWhere(EntityKind kind, (string From, string Before)? ids)
    {
        using var cmd = _dataSource.CreateCommand($"SELECT json FROM catalog_records WHERE kind = @kind{(ids is null ? "" : " AND id >= @from AND id < @before")} ORDER BY id");
        cmd.Parameters.AddWithValue("kind", (short)kind);
        if (ids is { } range)
        {
            cmd.Parameters.AddWithValue("from", range.From);
            cmd.Parameters.AddWithValue("before", range.Before);
        }
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) yield return reader.GetString(0);
    }

    /// <summary>Waits for every other writer (in any process) and returns the committed revision.</summary>
    private static long LockRevision(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        using var cmd = new NpgsqlCommand("SELECT value FROM catalog_meta WHERE key = 'revision' FOR UPDATE", connection, tx);
        return (long)cmd.ExecuteScalar()!;
    }

    private static void SetRevision(NpgsqlConnection connection, NpgsqlTransaction tx, long revision)
    {
        using var cmd = new NpgsqlCommand("UPDATE catalog_meta SET value = @rev WHERE key = 'revision'", connection, tx);
        cmd.Parameters.AddWithValue("rev", revision);
        cmd.ExecuteNonQuery();
    }
}
