using BenchmarkDotNet.Attributes;
using Grpc.Core;
using MatchEngine.Benchmarks.Support;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does group commit save on a Catalog.Upsert stream of 200 candidates, against one store transaction
/// and one index sync per record? Baseline: the client waits for each record's result before sending the next, so
/// every batch holds one record (the cost of a commit per record). Against it: the whole stream sent at once.
/// Same server, region and records as <see cref="CatalogStreamBenchmarks"/>.
/// </summary>
[Config(typeof(BatchConfig))]
[MemoryDiagnoser]
public class CatalogStreamBatchingBenchmarks
{
    private const int Records = 200;
    private CatalogStreamServer _server = null!;

    [GlobalSetup]
    public void Setup() => _server = CatalogStreamServer.StartAsync("catalog-batching", 20_000, 2_000, Records).GetAwaiter().GetResult();

    [IterationSetup]
    public void WithoutTheRecords() => _server.RemoveFresh();

    [Benchmark(Baseline = true, Description = "a commit per record (client waits for each result)")]
    public async Task<int> OneAtATime()
    {
        using var call = _server.Client.Upsert();
        var accepted = 0;
        foreach (var record in _server.Records)
        {
            await call.RequestStream.WriteAsync(record);
            if (!await call.ResponseStream.MoveNext(CancellationToken.None)) throw new InvalidOperationException("the stream ended early");
            if (call.ResponseStream.Current.Accepted) accepted++;
        }
        await call.RequestStream.CompleteAsync();
        return accepted;
    }

    [Benchmark(Description = "group commit (stream sent at once)")]
    public async Task<int> AllAtOnce()
    {
        using var call = _server.Client.Upsert();
        var reading = call.ResponseStream.ReadAllAsync().CountAsync(r => r.Accepted).AsTask();
        foreach (var record in _server.Records) await call.RequestStream.WriteAsync(record);
        await call.RequestStream.CompleteAsync();
        return await reading;
    }

    [GlobalCleanup]
    public void Cleanup() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
