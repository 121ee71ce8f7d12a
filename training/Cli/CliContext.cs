using MatchEngine.Engine;

namespace MatchEngine.Training.Cli;

/// <summary>What every verb gets: the data directory, the shared store if any, output streams and the clock.</summary>
/// <param name="DataDirectory">Where store, index and models live (<c>--data</c>, default <c>./data</c>).</param>
/// <param name="Postgres">
/// Npgsql connection string of a shared PostgreSQL store (<c>--postgres</c>); null keeps the SQLite file
/// under <paramref name="DataDirectory"/>. The index and the models stay under the data directory either way.
/// </param>
public sealed record CliContext(string DataDirectory, TextWriter Out, TextWriter Error, TimeProvider Time, string? Postgres = null)
{
    /// <summary>The layout the verbs open the catalog, audit trail and models from.</summary>
    public DataLayout Layout => new(DataDirectory) { Postgres = Postgres };

    // Printed without the connection string, which may hold a password.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Layout = ").Append(Layout);
        return true;
    }
}
