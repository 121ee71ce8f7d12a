using System.Text;
using MatchEngine.Engine.Persistence;

namespace MatchEngine.Engine;

/// <summary>
/// Where the store, the index and the models live under one data directory (default <c>./data</c>).
/// With <see cref="Postgres"/> set, the store and the audit trail live in that shared database instead,
/// while the index and the models stay under <see cref="Root"/>.
/// </summary>
public sealed record DataLayout(string Root)
{
    /// <summary>An Npgsql connection string of a shared store; null or empty means the embedded SQLite file.</summary>
    public string? Postgres { get; init; }

    /// <summary>The SQLite store file (used when <see cref="Postgres"/> is not set).</summary>
    public string StorePath => Path.Combine(Root, "store.db");

    /// <summary>Where the catalog store and the audit trail live.</summary>
    public StoreLocation Store => string.IsNullOrWhiteSpace(Postgres) ? StoreLocation.Sqlite(StorePath) : StoreLocation.Postgres(Postgres);

    /// <summary>The Lucene index directory (derived from the store, rebuildable).</summary>
    public string IndexPath => Path.Combine(Root, "index");

    /// <summary>The model registry directory.</summary>
    public string ModelsPath => Path.Combine(Root, "models");

    // Printed without the connection string, which may hold a password.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Root = ").Append(Root).Append(", Store = ").Append(Store);
        return true;
    }
}
