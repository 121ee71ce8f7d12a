using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Models.Registry;

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

    /// <summary>
    /// Who runs the command: the operating-system user, as an admin. Whoever can run the CLI on a data directory can
    /// write its store and models directly, so the CLI claims no less; it still reads candidates through the policy
    /// layer (consent, minimisation, audit) like every other surface.
    /// </summary>
    public Caller Operator => Caller.Of($"cli:{Environment.UserName}", Roles.Admin);

    /// <summary>The policy scope of one verb, named <c>cli/VERB</c> in the audit trail.</summary>
    public CallerScope Scope(AccessPolicy policy, string verb) => policy.For(Operator, $"cli/{verb}");

    /// <summary>The model registry, acting for <see cref="Operator"/>.</summary>
    public ModelRegistry Registry => new(Layout.ModelsPath, Time) { Actor = Operator.User };

    // Printed without the connection string, which may hold a password.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Layout = ").Append(Layout);
        return true;
    }
}
