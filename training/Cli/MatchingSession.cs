using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Cli;

/// <summary>
/// The engine parts a candidate-reading verb needs, opened over the data directory: the catalog, the promoted ranker,
/// the audit trail and the policy layer, through which every read of a candidate goes as the CLI's
/// <see cref="CliContext.Operator"/>. Engine errors become CLI failures.
/// </summary>
internal sealed class MatchingSession : IDisposable
{
    private readonly CliContext _context;
    private readonly IAuditLog _audit;
    private PromotedModel<Models.Herinstroom.HorizonClassifier>? _routeSuccess;

    private MatchingSession(CliContext context, CatalogService catalog, PromotedModel<TrainedRanker> ranker, ShortlistService shortlists, IAuditLog audit)
    {
        _context = context;
        Catalog = catalog;
        Ranker = ranker;
        Shortlists = shortlists;
        _audit = audit;
        Policy = new AccessPolicy(catalog.Store, audit, context.Time);
        Today = new DataToday(catalog.Store, context.Time);
        Matching = new MatchingReads(shortlists, new SearchAdmission(1), catalog, Today, context.Time);
    }

    public CatalogService Catalog { get; }
    public PromotedModel<TrainedRanker> Ranker { get; }
    public ShortlistService Shortlists { get; }
    public AccessPolicy Policy { get; }
    public MatchingReads Matching { get; }

    public static MatchingSession Open(CliContext context, RankingCascade? cascade = null)
    {
        var layout = context.Layout;
        var catalog = CatalogService.Open(layout, context.Time);
        var ranker = RankerModels.Follow(context.Registry, poll: null);
        return new MatchingSession(context, catalog, ranker, new ShortlistService(catalog, new CandidatePool(catalog.Store), ranker, cascade),
            layout.Store.OpenAuditLog());
    }

    /// <summary>The policy scope of one verb, named <c>cli/VERB</c> in the audit trail.</summary>
    public CallerScope Scope(string verb) => _context.Scope(Policy, verb);

    /// <summary>Jobcarving and leerwerk through the policy layer, with the promoted route-success model when there is one.</summary>
    public MaatwerkReads Maatwerk() => new(Carving, Leerwerk());

    /// <summary>"Wat helpt?" through the policy layer, scored by the promoted ranker, with route success from the route-success model when there is one.</summary>
    public AdviceReads Advice() => new(new AdviceService(Catalog, new CandidatePool(Catalog.Store), Ranker, Leerwerk(), Today));

    private LeerwerkService Leerwerk()
    {
        _routeSuccess ??= RouteSuccessModels.Follow(_context.Registry, poll: null);
        return new LeerwerkService(Catalog, new CandidatePool(Catalog.Store), _routeSuccess, Today);
    }

    /// <summary>Jobcarving over the opened catalog and the promoted ranker.</summary>
    public CarvingService Carving => new(Catalog, Shortlists, Today);

    /// <summary>The data's date and who is at work on it, shared by every service of the session.</summary>
    public DataToday Today { get; }

    /// <summary>Runs an engine call; an unknown record, a missing model, a bad argument or a refusal becomes exit 1 with its message.</summary>
    public T Run<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (PolicySession.IsFailure(e))
        {
            throw new CliFailureException(e.Message);
        }
    }

    /// <summary>Runs an engine call that writes its audit entries; failures as <see cref="Run{T}(Func{T})"/>.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> call) => PolicySession.RunAsync(call);

    public void Dispose()
    {
        Ranker.Dispose();
        _routeSuccess?.Dispose();
        _audit.Dispose();
        Catalog.Dispose();
    }
}
