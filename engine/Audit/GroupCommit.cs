namespace MatchEngine.Engine.Audit;

/// <summary>
/// Writes items from concurrent callers in shared transactions (group commit): a caller queues its items, and one
/// writer at a time, on a thread-pool thread, writes everything queued so far in one go, then what queued meanwhile.
/// The task of each <see cref="SubmitAsync"/> still completes only once its own items are written (or fails with
/// the error that write raised), so durability per call is unchanged; what is shared is the transaction and its
/// flush to disk. A caller waiting for a flush holds no thread. Thread-safe.
/// </summary>
internal sealed class GroupCommit<T>(Action<IReadOnlyList<T>> write)
{
    private readonly Lock _queueLock = new();
    private List<Batch> _queued = [];
    private bool _writing;

    /// <summary>Writes <paramref name="items"/>, possibly together with other callers' items; completes when they are written.</summary>
    public Task SubmitAsync(IReadOnlyCollection<T> items)
    {
        var mine = new Batch(items);
        bool startWriter;
        lock (_queueLock)
        {
            _queued.Add(mine);
            startWriter = !_writing;
            _writing = true;
        }
        if (startWriter) ThreadPool.UnsafeQueueUserWorkItem(_ => WriteWhileQueued(), null);
        return mine.Written;
    }

    private void WriteWhileQueued()
    {
        while (true)
        {
            List<Batch> batches;
            lock (_queueLock)
            {
                if (_queued.Count == 0)
                {
                    _writing = false;
                    return;
                }
                (batches, _queued) = (_queued, []);
            }
            Exception? error = null;
            try { write(batches.SelectMany(b => b.Items).ToList()); }
            catch (Exception e) { error = e; }
            foreach (var b in batches) b.Finish(error);
        }
    }

    private sealed class Batch(IReadOnlyCollection<T> items)
    {
        private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<T> Items { get; } = items;
        public Task Written => _written.Task;

        public void Finish(Exception? error)
        {
            if (error is null) _written.SetResult();
            else _written.SetException(new InvalidOperationException("the shared write failed: " + error.Message, error));
        }
    }
}
