using System.Diagnostics;
using Record = MatchEngine.Api.V1.Record;
using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Store;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Api;

/// <summary>
/// Two api replicas sharing one PostgreSQL store, each with its own data directory and index: a write
/// through one is searchable on the other once its index follower has caught up.
/// </summary>
public sealed class ReplicasTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly PostgresTestDatabase _db = new();
    private ApiServer _a = null!;
    private ApiServer _b = null!;

    public async Task InitializeAsync()
    {
        _a = await ApiServer.StartAsync(postgres: _db.ConnectionString);
        _b = await ApiServer.StartAsync(postgres: _db.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_a is not null) await _a.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
        _db.Dispose();
    }

    private static Record CandidateRecord(string id, string profile)
    {
        var json = ContractSamples.Candidate(id);
        json["profile_text"] = profile;
        var parser = new Google.Protobuf.JsonParser(Google.Protobuf.JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
        return new Record { Candidate = parser.Parse<Candidate>(json.ToJsonString()) };
    }

    /// <summary>Asks <paramref name="probe"/> until it answers true or <see cref="Patience"/> runs out.</summary>
    private static async Task<TimeSpan> Eventually(Func<Task<bool>> probe, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await probe())
        {
            if (clock.Elapsed > Patience) Assert.Fail($"{what}: not within {Patience.TotalSeconds} s");
            await Task.Delay(100);
        }
        return clock.Elapsed;
    }

    [Fact]
    public async Task UpsertOnReplicaA_IsFoundBySearchAndGetOnReplicaB()
    {
        Assert.NotEqual(_a.Directory.Path, _b.Directory.Path);
        var a = new Catalog.CatalogClient(_a.Channel);
        var b = new Catalog.CatalogClient(_b.Channel);
        var search = new SearchRequest { Kind = EntityKind.Candidate, Text = "heftruckchauffeur" };
        Assert.Empty((await b.SearchAsync(search)).Hits);

        var accepted = await a.UpsertOneAsync(CandidateRecord("c-repl", "Ervaren heftruckchauffeur met certificaat"));
        Assert.Equal("c-repl", accepted.Id);

        var got = await b.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = "c-repl" });
        Assert.Equal("c-repl", got.Candidate.Id);
        await Eventually(async () => (await b.SearchAsync(search)).Hits.Any(h => h.Id == "c-repl"), "replica B's index has A's candidate");
    }

    [Fact]
    public async Task DeleteOnReplicaB_DisappearsFromReplicaAsSearch()
    {
        var a = new Catalog.CatalogClient(_a.Channel);
        var b = new Catalog.CatalogClient(_b.Channel);
        var search = new SearchRequest { Kind = EntityKind.Candidate, Text = "heftruckchauffeur" };
        await a.UpsertOneAsync(CandidateRecord("c-gone", "heftruckchauffeur"));
        Assert.Single((await a.SearchAsync(search)).Hits);
        await Eventually(async () => (await b.SearchAsync(search)).Hits.Count == 1, "replica B's index has the candidate");

        using var delete = b.Delete();
        await delete.RequestStream.WriteAsync(new RecordRef { Kind = EntityKind.Candidate, Id = "c-gone" });
        await delete.RequestStream.CompleteAsync();
        Assert.True((await delete.ResponseStream.ReadAllAsync().SingleAsync()).Deleted);

        var e = await Assert.ThrowsAsync<RpcException>(() => a.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = "c-gone" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        await Eventually(async () => (await a.SearchAsync(search)).Hits.Count == 0, "replica A's index dropped the candidate");
    }

    [Fact]
    public async Task AuditTrail_IsSharedByTheReplicas()
    {
        await new Catalog.CatalogClient(_a.Channel).UpsertOneAsync(CandidateRecord("c-audit", "schoonmaker"));
        await new Catalog.CatalogClient(_b.Channel).GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = "c-audit" });
        var entries = (await new Audit.AuditClient(_a.Channel).QueryAsync(new AuditQuery { CandidateId = "c-audit" })).Entries;
        // Written through replica A, read through replica B: one trail holds both.
        Assert.Equal(["/matchengine.v1.Catalog/Get", "/matchengine.v1.Catalog/UpsertOne"], entries.Select(e => e.Action).Order(StringComparer.Ordinal));
    }
}
