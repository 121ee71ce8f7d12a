using BenchmarkDotNet.Attributes;
using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Benchmarks.Support;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: how long do a Catalog.Upsert stream of 10,000 candidates and a Catalog.Delete stream of the same
/// 10,000 take over gRPC on loopback, against a store and index already holding a region of 20,000 candidates
/// and 2,000 open vacancies? The client sends the whole stream at once and reads every result; the api commits
/// what arrived while the previous batch was committing (group commit). Baseline: the Upsert stream. The cost of
/// one commit per record is <see cref="CatalogStreamBatchingBenchmarks"/>'s question.
/// </summary>
[Config(typeof(BatchConfig))]
[MemoryDiagnoser]
public class CatalogStreamBenchmarks
{
    private const int Records = 10_000;
    private CatalogStreamServer _server = null!;

    [GlobalSetup]
    public void Setup() => _server = CatalogStreamServer.StartAsync("catalog-stream", 20_000, 2_000, Records).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(Upsert))]
    public void WithoutTheRecords() => _server.RemoveFresh();

    [IterationSetup(Target = nameof(Delete))]
    public void WithTheRecords() => _server.AddFresh();

    [Benchmark(Baseline = true, Description = "Upsert stream, 10,000 candidates")]
    public async Task<int> Upsert()
    {
        using var call = _server.Client.Upsert();
        var reading = call.ResponseStream.ReadAllAsync().CountAsync(r => r.Accepted).AsTask();
        foreach (var record in _server.Records) await call.RequestStream.WriteAsync(record);
        await call.RequestStream.CompleteAsync();
        var accepted = await reading;
        return accepted == Records ? accepted : throw new InvalidOperationException($"{accepted} of {Records} accepted");
    }

    [Benchmark(Description = "Delete stream, 10,000 candidates")]
    public async Task<int> Delete()
    {
        using var call = _server.Client.Delete();
        var reading = call.ResponseStream.ReadAllAsync().CountAsync(r => r.Deleted).AsTask();
        foreach (var record in _server.Records)
            await call.RequestStream.WriteAsync(new RecordRef { Kind = EntityKind.Candidate, Id = record.Candidate.Id });
        await call.RequestStream.CompleteAsync();
        var deleted = await reading;
        return deleted == Records ? deleted : throw new InvalidOperationException($"{deleted} of {Records} deleted");
    }

    [GlobalCleanup]
    public void Cleanup() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
