namespace MatchEngine.Engine.Matching;

/// <summary>
/// Lets a few CPU-bound searches (shortlists, vacancy recommendations: the calls accountmanagers and consulenten make
/// all day) run at a time, one per processor by default, in order of arrival. The others wait for a slot without
/// holding a thread, and leave the queue when their call is cancelled or its deadline passes. With a search running
/// for every caller, everything else a call needs (Kestrel reading and writing the call, the audit trail's writer)
/// waits for its turn behind the searches' time slices; with one search per core it runs at once (docs/scaling.md,
/// "Design decisions and their evidence").
/// Thread-safe.
/// </summary>
public sealed class SearchAdmission
{
    private readonly SemaphoreSlim _free;

    /// <param name="slots">Searches run at once; 0 means one per processor.</param>
    public SearchAdmission(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        Slots = slots == 0 ? Environment.ProcessorCount : slots;
        _free = new SemaphoreSlim(Slots, Slots);
    }

    /// <summary>How many searches run at once.</summary>
    public int Slots { get; }

    /// <summary>Runs <paramref name="search"/> once a slot is free (first come, first served), on the thread that gets the slot.</summary>
    public async Task<T> RunAsync<T>(Func<T> search, CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken);
        try
        {
            return search();
        }
        finally
        {
            _free.Release();
        }
    }
}
