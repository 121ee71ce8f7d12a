using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// The first load of a <see cref="CandidatePool"/>: every consenting candidate of the store, parsed and
/// prepared on every core while the store is still being read. Reading is one sequential scan on the calling
/// thread, which hands the stored JSON over in chunks of about <see cref="ChunkBytes"/>; each worker parses a
/// chunk and prepares its consenting candidates. The result is in the store's order (ordinal id), as a
/// sequential load gives it. At 400,000 candidates this is most of the api's start-up.
/// </summary>
internal static class ConsentingCandidatesLoad
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// The stored form spells a withdrawn consent exactly so (<see cref="ContractJson"/> writes it), and only as
    /// the top-level property: a quote inside a string value is escaped, and no nested contract object has this
    /// property. Such records are skipped unparsed; every parsed record is still checked.
    /// </summary>
    private static ReadOnlySpan<byte> NoConsent => "\"consent_matching\":false"u8;

    /// <summary>Every consenting candidate of <paramref name="store"/>, prepared, in ordinal id order.</summary>
    /// <param name="workers">Threads that parse and prepare, besides the reading thread (≥ 1).</param>
    public static Dictionary<string, PreparedCandidate> Load(ICatalogStore store, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        using var chunks = new BlockingCollection<JsonChunk>(boundedCapacity: 4 * workers);
        using var failed = new CancellationTokenSource();
        var prepared = new ConcurrentBag<(int Index, List<PreparedCandidate> Candidates)>();
        var parsers = Enumerable.Range(0, workers)
            .Select(_ => Task.Factory.StartNew(() => Parse(chunks, prepared, failed), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            var chunk = new JsonChunk(0);
            store.ScanJson(EntityKind.Candidate, json =>
            {
                if (json.IndexOf(NoConsent) >= 0) return;
                if (!chunk.TryAdd(json))
                {
                    chunks.Add(chunk, failed.Token);
                    chunk = new JsonChunk(chunk.Index + 1);
                    chunk.TryAdd(json);
                }
            });
            if (chunk.Count > 0) chunks.Add(chunk, failed.Token);
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested)
        {
            // A parser failed; its exception is rethrown below.
        }
        finally
        {
            chunks.CompleteAdding();
        }
        try
        {
            Task.WaitAll(parsers);
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        var ordered = prepared.OrderBy(p => p.Index).ToList();
        var byId = new Dictionary<string, PreparedCandidate>(ordered.Sum(p => p.Candidates.Count), StringComparer.Ordinal);
        foreach (var (_, candidates) in ordered)
            foreach (var candidate in candidates) byId.Add(candidate.Candidate.Id, candidate);
        return byId;
    }

    private static void Parse(BlockingCollection<JsonChunk> chunks, ConcurrentBag<(int, List<PreparedCandidate>)> prepared, CancellationTokenSource failed)
    {
        try
        {
            foreach (var chunk in chunks.GetConsumingEnumerable())
            {
                var candidates = new List<PreparedCandidate>(chunk.Count);
                for (var i = 0; i < chunk.Count; i++)
                {
                    var candidate = ContractJson.Deserialize<Candidate>(chunk[i]);
                    if (candidate.ConsentMatching) candidates.Add(new PreparedCandidate(candidate));
                }
                prepared.Add((chunk.Index, candidates));
                chunk.Dispose();
            }
        }
        catch
        {
            failed.Cancel();
            throw;
        }
    }

    /// <summary>Consecutive records' JSON in one pooled buffer.</summary>
    private sealed class JsonChunk(int index) : IDisposable
    {
        private readonly List<int> _ends = [];
        private byte[] _bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);

        public int Index { get; } = index;

        public int Count => _ends.Count;

        public ReadOnlySpan<byte> this[int i] => _bytes.AsSpan(i == 0 ? 0 : _ends[i - 1], _ends[i] - (i == 0 ? 0 : _ends[i - 1]));

        /// <summary>Appends one record unless the chunk is full; an empty chunk takes a record of any size.</summary>
        public bool TryAdd(ReadOnlySpan<byte> json)
        {
            var start = Count == 0 ? 0 : _ends[^1];
            if (start + json.Length > _bytes.Length)
            {
                if (Count > 0) return false;
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = ArrayPool<byte>.Shared.Rent(json.Length);
            }
            json.CopyTo(_bytes.AsSpan(start));
            _ends.Add(start + json.Length);
            return true;
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_bytes);
    }
}
