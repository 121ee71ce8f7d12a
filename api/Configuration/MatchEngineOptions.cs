using System.ComponentModel.DataAnnotations;

namespace MatchEngine.Api.Configuration;

/// <summary>Settings of the api, bound from the <c>MatchEngine</c> configuration section (or MatchEngine__X environment variables).</summary>
public sealed class MatchEngineOptions
{
    public const string Section = "MatchEngine";

    /// <summary>Where store, index and models live. Default <c>./data</c>, relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// Npgsql connection string of a PostgreSQL database shared by api replicas (store and audit trail);
    /// empty (the default) keeps the embedded SQLite file under <see cref="DataDirectory"/>. The index
    /// and the models always stay under <see cref="DataDirectory"/>, one per replica.
    /// </summary>
    public string? Postgres { get; set; }

    /// <summary>With a shared store: how often the replica looks for other replicas' writes and catches its index up, seconds. Default 1.</summary>
    [Range(1, 3600)]
    public int IndexSyncSeconds { get; set; } = 1;

    /// <summary>Loopback address and port of the HTTP/2-only gRPC endpoint. Default 127.0.0.1:5080.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The gRPC port; 0 picks a free one (tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5080;

    /// <summary>
    /// The HTTP/1.1 port of the web console and the HTTP/JSON api (<c>/api/v1/...</c>), on <see cref="Host"/>.
    /// Default 8080; 0 picks a free one (tests).
    /// </summary>
    [Range(0, 65535)]
    public int ConsolePort { get; set; } = 8080;

    /// <summary>How often the api looks for a newly promoted model, seconds. Default 5.</summary>
    [Range(1, 3600)]
    public int ModelPollSeconds { get; set; } = 5;

    /// <summary>
    /// True puts every retrieved candidate of a shortlist through every tree of the ranker. False (the default)
    /// ranks them through <c>RankingCascade.Default</c>: the first 50 trees for all, the full ensemble for the best 400.
    /// </summary>
    public bool ExactRanking { get; set; }

    /// <summary>
    /// Shortlists and vacancy recommendations computed at once; more wait their turn, first come first served.
    /// Default 0: one per processor.
    /// </summary>
    [Range(0, 1024)]
    public int SearchConcurrency { get; set; }

    /// <summary>Calls per second one caller may make (token bucket); beyond it calls fail fast. Default 500.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 500;

    /// <summary>Days audit entries are kept; older ones are purged at start and daily. Default 730 (two years).</summary>
    [Range(1, 36500)]
    public int AuditRetentionDays { get; set; } = 730;

    /// <summary>
    /// Optional JSON file with the region's SROI valuation overrides (see docs/sroi.md); unset means the
    /// documented defaults of <c>SroiValuationTable</c>. A missing or invalid file fails the first SROI call.
    /// </summary>
    public string? SroiValuationPath { get; set; }
}
