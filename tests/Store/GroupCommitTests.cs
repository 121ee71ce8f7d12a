using System.Collections.Concurrent;
using MatchEngine.Engine.Audit;

namespace MatchEngine.Tests.Store;

public class GroupCommitTests
{
    [Fact]
    public async Task Submit_ConcurrentCallers_EachItemWrittenOnceAndWritesShared()
    {
        var written = new ConcurrentBag<int>();
        var writes = 0;
        var commits = new GroupCommit<int>(items =>
        {
            Interlocked.Increment(ref writes);
            Thread.Sleep(5); // a flush to disk: callers arriving meanwhile join the next write
            foreach (var i in items) written.Add(i);
        });
        var callers = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var k = 0; k < 8; k++) await commits.SubmitAsync([16 * t + 2 * k, 16 * t + 2 * k + 1]);
        }));
        await Task.WhenAll(callers);
        Assert.Equal(Enumerable.Range(0, 128), written.Order());
        Assert.InRange(writes, 8, 63);
    }

    [Fact]
    public async Task Submit_WhileTheWriteRuns_ReturnsAtOnceAndCompletesAfterIt()
    {
        using var flushing = new ManualResetEventSlim();
        var commits = new GroupCommit<string>(_ => flushing.Wait());
        var first = commits.SubmitAsync(["a"]);
        var second = commits.SubmitAsync(["b"]); // queued behind the running write, without holding its caller's thread
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        flushing.Set();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Submit_WriteFails_EveryCallerOfThatWriteGetsTheError()
    {
        var commits = new GroupCommit<string>(items => throw new IOException($"disk full writing {items.Count}"));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => commits.SubmitAsync(["a"]));
        Assert.IsType<IOException>(e.InnerException);
        Assert.Contains("disk full writing 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AfterAFailedWrite_WritesAgain()
    {
        var fail = true;
        var written = new List<string>();
        var commits = new GroupCommit<string>(items =>
        {
            if (fail) throw new IOException("busy");
            written.AddRange(items);
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => commits.SubmitAsync(["a"]));
        fail = false;
        await commits.SubmitAsync(["b"]);
        Assert.Equal(["b"], written);
    }
}
