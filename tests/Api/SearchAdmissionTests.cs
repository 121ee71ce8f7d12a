using MatchEngine.Engine.Matching;

namespace MatchEngine.Tests.Api;

public class SearchAdmissionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_MoreSearchesThanSlots_RunsAtMostSlotsAtOnce()
    {
        var admission = new SearchAdmission(2);
        using var release = new ManualResetEventSlim();
        var running = 0;
        var most = 0;
        var searches = Enumerable.Range(0, 6).Select(i => Task.Run(() => admission.RunAsync(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            release.Wait();
            Interlocked.Decrement(ref running);
            return i;
        }, CancellationToken.None))).ToArray();
        await WaitUntil(() => Volatile.Read(ref running) == 2);
        await Task.Delay(100); // room for a third to start, if the admission let it
        Assert.Equal(2, Volatile.Read(ref running));
        release.Set();
        Assert.Equal(Enumerable.Range(0, 6), (await Task.WhenAll(searches).WaitAsync(Patience)).Order());
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task RunAsync_OneSlot_RunsWaitingSearchesInOrderOfArrival()
    {
        var admission = new SearchAdmission(1);
        using var release = new ManualResetEventSlim();
        var order = new List<int>();
        using var started = new ManualResetEventSlim();
        var first = Task.Run(() => admission.RunAsync(() => { started.Set(); release.Wait(); lock (order) order.Add(0); return 0; }, CancellationToken.None));
        Assert.True(started.Wait(Patience));
        var waiting = new List<Task<int>>();
        for (var i = 1; i <= 5; i++)
        {
            var n = i;
            waiting.Add(admission.RunAsync(() => { lock (order) order.Add(n); return n; }, CancellationToken.None));
            Assert.False(waiting[^1].IsCompleted); // queued behind the first, in the order of these calls
        }
        release.Set();
        await Task.WhenAll(waiting.Append(first)).WaitAsync(Patience);
        Assert.Equal([0, 1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_LeavesTheQueueWithoutRunning()
    {
        var admission = new SearchAdmission(1);
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var busy = Task.Run(() => admission.RunAsync(() => { started.Set(); release.Wait(); return 1; }, CancellationToken.None));
        Assert.True(started.Wait(Patience));
        using var deadline = new CancellationTokenSource();
        var ran = false;
        var cancelled = admission.RunAsync(() => ran = true, deadline.Token);
        deadline.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        release.Set();
        Assert.Equal(1, await busy.WaitAsync(Patience));
        Assert.Equal(2, await admission.RunAsync(() => 2, CancellationToken.None).WaitAsync(Patience));
        Assert.False(ran);
    }

    [Fact]
    public async Task RunAsync_SearchThrows_PassesTheErrorOnAndFreesTheSlot()
    {
        var admission = new SearchAdmission(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => admission.RunAsync<int>(() => throw new InvalidOperationException("no such vacancy"), CancellationToken.None));
        // The only slot is free again: the next search runs.
        Assert.Equal(7, await admission.RunAsync(() => 7, CancellationToken.None).WaitAsync(Patience));
    }

    [Fact]
    public void Slots_Zero_MeansOnePerProcessor()
    {
        Assert.Equal(Environment.ProcessorCount, new SearchAdmission(0).Slots);
        Assert.Equal(3, new SearchAdmission(3).Slots);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchAdmission(-1));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Patience) throw new TimeoutException("condition not met in 30 s");
            await Task.Delay(5);
        }
    }
}
