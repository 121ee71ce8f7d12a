using MatchEngine.Engine.Access;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Cli;

/// <summary>
/// The engine parts a candidate-reading verb needs, opened over the data directory: a <see cref="PolicySession"/> (the catalog,
/// the audit trail and the policy layer, through which every read of a candidate goes as the CLI's <see cref="CliContext.Operator"/>)
/// and the promoted ranker. Engine errors become CLI failures.
/// </summary>
internal sealed class MatchingSession : IDisposable
{
    private readonly CliContext _context;
    private readonly PolicySession _policy;
    private PromotedModel<Models.Herinstroom.HorizonClassifier>? _routeSuccess;

    private MatchingSession(CliContext context, PolicySession policy, RankingCascade? cascade)
    {
        _context = context;
        _policy = policy;
        Ranker = RankerModels.Follow(context.Registry, poll: null);
        Shortlists = new ShortlistService(Catalog, new CandidatePool(Catalog.Store), Ranker, cascade);
        Today = new DataToday(Catalog.Store, context.Time);
        Matching = new MatchingReads(Shortlists, new SearchAdmission(1), Catalog, Today);
    }

    public CatalogService Catalog => _policy.Catalog;
    public PromotedModel<TrainedRanker> Ranker { get; }
    public ShortlistService Shortlists { get; }
    public MatchingReads Matching { get; }

    public static MatchingSession Open(CliContext context, RankingCascade? cascade = null)
    {
        var policy = PolicySession.Open(context);
        try
        {
            return new MatchingSession(context, policy, cascade);
        }
        catch
        {
            policy.Dispose();
            throw;
        }
    }

    /// <summary>The policy scope of one verb, named <c>cli/VERB</c> in the audit trail.</summary>
    public CallerScope Scope(string verb) => _policy.Scope(verb);

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

    /// <summary>Runs an engine call; failures as <see cref="PolicySession.Run{T}(Func{T})"/>.</summary>
    public T Run<T>(Func<T> call) => PolicySession.Run(call);

    /// <summary>Runs an engine call that writes its audit entries; failures as <see cref="PolicySession.RunAsync{T}(Func{Task{T}})"/>.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> call) => PolicySession.RunAsync(call);

    public void Dispose()
    {
        Ranker.Dispose();
        _routeSuccess?.Dispose();
        _policy.Dispose();
    }
}
