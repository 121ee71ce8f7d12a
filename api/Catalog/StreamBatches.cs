using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Grpc.Core;

namespace MatchEngine.Api.Catalog;

/// <summary>
/// Group commit for a client stream: messages are read ahead while the caller handles the previous batch, and each
/// batch is everything that arrived meanwhile (at least one message, at most <see cref="MaxBatch"/>). A stream that
/// sends one message at a time and waits for its answer gets batches of one; a bulk stream gets large batches.
/// An error of the stream (malformed or refused message, cancellation) surfaces after the batches read before it.
/// </summary>
public static class StreamBatches
{
    /// <summary>The most messages in one batch, and how far the reader runs ahead of the writer.</summary>
    public const int MaxBatch = 1000;

    /// <summary>The messages of <paramref name="stream"/> in arrival order, batched.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<T>> ReadAsync<T>(IAsyncStreamReader<T> stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateBounded<T>(new BoundedChannelOptions(MaxBatch) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(async () =>
        {
            try
            {
                while (await stream.MoveNext(stop.Token)) await queue.Writer.WriteAsync(stream.Current, stop.Token);
                queue.Writer.Complete();
            }
            catch (Exception e)
            {
                queue.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            while (await queue.Reader.WaitToReadAsync(cancellationToken))
            {
                var batch = new List<T>();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var message)) batch.Add(message);
                yield return batch;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }
    }
}
