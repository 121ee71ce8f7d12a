using System.Collections.Concurrent;
using System.Text;
using MatchEngine.Api.ModelLifecycle;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Runs;

namespace MatchEngine.Api.WebConsole;

/// <summary>
/// Training runs and evaluations started from the console: each runs in the background (one at a time with gRPC's, by
/// <see cref="ModelRunGate"/>) while its page shows the run's own progress lines. Jobs live as long as the process.
/// Thread-safe; one per process.
/// </summary>
public sealed partial class ModelJobs(ModelRegistry registry, CatalogService catalog, CandidatePool pool, ModelRunGate gate, ILogger<ModelJobs> logger)
{
    private readonly ConcurrentDictionary<string, ModelJob> _jobs = new(StringComparer.Ordinal);
    private int _next;

    /// <summary>Starts training <paramref name="model"/> for <paramref name="user"/>; null when another run is going on.</summary>
    public ModelJob? Train(string model, string user) =>
        Start($"training {model}", user, log => TrainingRuns.Run(new TrainingRequest(TrainingRuns.RequireModel(model), new TrainingConfig()), catalog, pool, registry.ActingFor(user), log));

    /// <summary>Starts evaluating <paramref name="version"/> for <paramref name="user"/>; null when another run is going on.</summary>
    public ModelJob? Evaluate(string version, string user)
    {
        registry.Require(version);
        return Start($"evaluation of {version}", user, log => ModelEvaluations.Evaluate(version, null, catalog, pool, registry, log));
    }

    /// <summary>The job with this id, if it exists and <paramref name="user"/> started it.</summary>
    public ModelJob? Find(string id, string user) => _jobs.TryGetValue(id, out var job) && job.User == user ? job : null;

    private ModelJob? Start(string what, string user, Func<TextWriter, TrainingOutcome> run)
    {
        if (!gate.TryEnter()) return null;
        var job = new ModelJob($"job-{Interlocked.Increment(ref _next)}", what, user);
        _jobs[job.Id] = job;
        _ = Task.Run(() =>
        {
            try
            {
                var outcome = run(job.Log);
                job.Finish(outcome.MetricsJson, outcome.Report.Path, null);
            }
            catch (Exception e)
            {
                LogFailed(logger, what, e);
                job.Finish(null, null, ConsoleErrors.Known(e)?.Sentence ?? (e is InvalidOperationException
                    ? "De run is gestopt: er zijn te weinig gegevens om op te trainen of te evalueren."
                    : ConsoleErrors.Unexpected));
            }
            finally
            {
                gate.Release();
            }
        });
        return job;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console model job {What} failed")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}

/// <summary>One training run or evaluation: its progress lines as they come, and its result or failure once done. Thread-safe.</summary>
public sealed class ModelJob(string id, string what, string user)
{
    private readonly Lock _lock = new();
    private string? _metrics;
    private string? _report;
    private string? _error;
    private bool _done;

    public string Id { get; } = id;

    public string What { get; } = what;

    public string User { get; } = user;

    /// <summary>The run's progress writer; every line it writes is shown.</summary>
    public ProgressLog Log { get; } = new();

    public (bool Done, string? MetricsJson, string? ReportPath, string? Error) State
    {
        get
        {
            lock (_lock) return (_done, _metrics, _report, _error);
        }
    }

    internal void Finish(string? metrics, string? report, string? error)
    {
        lock (_lock)
        {
            (_metrics, _report, _error, _done) = (metrics, report, error, true);
        }
    }
}

/// <summary>A text writer that keeps what a run writes, for the progress page to read while the run goes on. Thread-safe.</summary>
public sealed class ProgressLog : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_lock) _text.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_lock) _text.Append(value);
    }

    public override string ToString()
    {
        lock (_lock) return _text.ToString();
    }
}
