using Grpc.Core;
using MatchEngine.Api.Catalog;

namespace MatchEngine.Tests.Api;

/// <summary>The group commit of a client stream, on a stream whose messages are all there at once (as a bulk client's are).</summary>
public sealed class StreamBatchesTests
{
    private sealed class ReadyStream(IReadOnlyList<int> messages, Exception? endsWith = null) : IAsyncStreamReader<int>
    {
        private int _at = -1;

        public int Current => messages[_at];

        public Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (++_at < messages.Count) return Task.FromResult(true);
            return endsWith is null ? Task.FromResult(false) : Task.FromException<bool>(endsWith);
        }
    }

    [Fact]
    public async Task ReadAsync_MessagesArriveWhileABatchCommits_TheNextBatchHoldsThemAllInOrder()
    {
        var messages = Enumerable.Range(0, 500).ToArray();
        var batches = new List<IReadOnlyList<int>>();
        await foreach (var batch in StreamBatches.ReadAsync(new ReadyStream(messages), CancellationToken.None))
        {
            batches.Add(batch);
            await Task.Delay(200); // a commit: the reader runs ahead meanwhile
        }
        Assert.Equal(messages, batches.SelectMany(b => b));
        Assert.True(batches.Count <= 3, $"{batches.Count} batches: {string.Join(", ", batches.Select(b => b.Count))}");
        Assert.All(batches, b => Assert.InRange(b.Count, 1, StreamBatches.MaxBatch));
    }

    [Fact]
    public async Task ReadAsync_StreamFailsAfterSomeMessages_TheirBatchesComeFirstThenTheError()
    {
        var read = new List<int>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var batch in StreamBatches.ReadAsync(new ReadyStream([1, 2, 3], new RpcException(new Status(StatusCode.Cancelled, "weg"))), CancellationToken.None))
                read.AddRange(batch);
        });
        Assert.Equal([1, 2, 3], read);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }
}
