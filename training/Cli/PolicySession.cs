using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;

namespace MatchEngine.Training.Cli;

/// <summary>
/// The catalog, the audit trail and the policy layer, opened over the data directory for a verb whose reads or writes go through
/// the policy path as the CLI's <see cref="CliContext.Operator"/> (<see cref="MatchingSession"/> adds the ranker). Engine refusals
/// become CLI failures (<see cref="RunAsync{T}"/>).
/// </summary>
internal sealed class PolicySession : IDisposable
{
    private readonly CliContext _context;
    private readonly IAuditLog _audit;
    private readonly AccessPolicy _policy;

    private PolicySession(CliContext context)
    {
        _context = context;
        Catalog = CatalogService.Open(context.Layout, context.Time);
        _audit = context.Layout.Store.OpenAuditLog();
        _policy = new AccessPolicy(Catalog.Store, _audit, context.Time);
    }

    public CatalogService Catalog { get; }

    public static PolicySession Open(CliContext context) => new(context);

    /// <summary>The policy scope of one verb, named <c>cli/VERB</c> in the audit trail.</summary>
    public CallerScope Scope(string verb) => _context.Scope(_policy, verb);

    /// <summary>Runs an engine call; an unknown record, a missing model, a bad argument, a record the contract refuses or a refusal becomes exit 1 with its message.</summary>
    public static T Run<T>(Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return call();
        }
        catch (Exception e) when (IsFailure(e))
        {
            throw new CliFailureException(e.Message);
        }
    }

    /// <summary>Runs an engine call that writes its audit entries; failures as <see cref="Run{T}(Func{T})"/>.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (Exception e) when (IsFailure(e))
        {
            throw new CliFailureException(e.Message);
        }
    }

    /// <summary>The engine's refusals a CLI user can act on, as opposed to a failure of the tool itself.</summary>
    private static bool IsFailure(Exception e) =>
        e is RecordNotFoundException or PreconditionFailedException or InvalidRequestException or AccessDeniedException or ContractViolationException;

    public void Dispose()
    {
        _audit.Dispose();
        Catalog.Dispose();
    }
}
