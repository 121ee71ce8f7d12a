namespace MatchEngine.Engine.Audit;

/// <summary>
/// Writes items from concurrent callers in shared transactions (group commit): a caller queues its items, and
/// whichever caller holds the write turn writes everything queued so far in one go. Each <see cref="Submit"/>
/// still returns only once its own items are written (or throws the error that write raised), so durability per
/// call is unchanged; what is shared is the transaction and its flush to disk. Thread-safe.
/// </summary>
internal sealed class GroupCommit<T>(Action<IReadOnlyList<T>> write)
{
    private readonly Lock _queueLock = new();
    private readonly Lock _writeTurn = new();
    private List<Batch> _queued = [];

    /// <summary>Writes <paramref name="items"/>, possibly together with other callers' items; returns when they are written.</summary>
    public void Submit(IReadOnlyCollection<T> items)
    {
        var mine = new Batch(items);
        lock (_queueLock) _queued.Add(mine);
        lock (_writeTurn)
        {
            if (!mine.Finished)
            {
                List<Batch> batches;
                lock (_queueLock) (batches, _queued) = (_queued, []);
                Exception? error = null;
                try { write(batches.SelectMany(b => b.Items).ToList()); }
                catch (Exception e) { error = e; }
                foreach (var b in batches) b.Finish(error);
            }
        }
        if (mine.Error is { } failed) throw new InvalidOperationException("the shared write failed: " + failed.Message, failed);
    }

    private sealed class Batch(IReadOnlyCollection<T> items)
    {
        public IReadOnlyCollection<T> Items { get; } = items;
        public bool Finished { get; private set; }
        public Exception? Error { get; private set; }

        public void Finish(Exception? error)
        {
            Error = error;
            Finished = true;
        }
    }
}
