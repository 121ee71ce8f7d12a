using System.Collections.Concurrent;
using MatchEngine.Engine.Audit;

namespace MatchEngine.Tests.Store;

public class GroupCommitTests
{
    [Fact]
    public void Submit_ConcurrentCallers_EachItemWrittenOnceAndWritesShared()
    {
        var written = new ConcurrentBag<int>();
        var writes = 0;
        var commits = new GroupCommit<int>(items =>
        {
            Interlocked.Increment(ref writes);
            Thread.Sleep(5); // a flush to disk: callers arriving meanwhile join the next write
            foreach (var i in items) written.Add(i);
        });
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (var k = 0; k < 8; k++) commits.Submit([16 * t + 2 * k, 16 * t + 2 * k + 1]);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(Enumerable.Range(0, 128), written.Order());
        Assert.InRange(writes, 8, 63);
    }

    [Fact]
    public void Submit_WriteFails_EveryCallerOfThatWriteGetsTheError()
    {
        var commits = new GroupCommit<string>(items => throw new IOException($"disk full writing {items.Count}"));
        var e = Assert.Throws<InvalidOperationException>(() => commits.Submit(["a"]));
        Assert.IsType<IOException>(e.InnerException);
        Assert.Contains("disk full writing 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_AfterAFailedWrite_WritesAgain()
    {
        var fail = true;
        var written = new List<string>();
        var commits = new GroupCommit<string>(items =>
        {
            if (fail) throw new IOException("busy");
            written.AddRange(items);
        });
        Assert.Throws<InvalidOperationException>(() => commits.Submit(["a"]));
        fail = false;
        commits.Submit(["b"]);
        Assert.Equal(["b"], written);
    }
}
