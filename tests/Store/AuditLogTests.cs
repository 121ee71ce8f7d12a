using MatchEngine.Engine.Audit;

namespace MatchEngine.Tests.Store;

/// <summary>The audit trail's behaviour, run against each <see cref="IAuditLog"/> by a subclass that says where it lives.</summary>
public abstract class AuditLogTests : IDisposable
{
    protected static readonly DateTimeOffset T0 = new(2025, 6, 30, 9, 15, 0, TimeSpan.Zero);

    /// <summary>Opens a new log instance on this test's location (the same file or database on every call).</summary>
    protected abstract IAuditLog Open();

    /// <summary>Writes entries as the trail stored them until it kept one row per call: one row each in the table <c>audit</c>.</summary>
    protected abstract void WriteRowsPerEntry(params AuditEntry[] entries);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    protected static AuditEntry Entry(int minutes, string user, string? candidate, string? subject = null) =>
        new(T0.AddMinutes(minutes), user, "consulent", "/matchengine.v1.Catalog/Get", "matching", candidate, subject);

    [Fact]
    public async Task Record_ThenQuery_ReturnsNewestFirstPerCandidateAndPerUser()
    {
        using (var log = Open())
            await log.RecordAsync([Entry(0, "anna", "c1", "vac-1"), Entry(1, "bram", "c1"), Entry(2, "anna", "c2"), Entry(3, "anna", null, "vac-9")]);
        using var reopened = Open();
        Assert.Equal([Entry(1, "bram", "c1"), Entry(0, "anna", "c1", "vac-1")], reopened.ForCandidate("c1"));
        Assert.Equal(["vac-9", null, "vac-1"], reopened.ForUser("anna").Select(e => e.Subject));
        Assert.Single(reopened.ForUser("anna", limit: 1));
        Assert.Empty(reopened.ForCandidate("c3"));
    }

    [Fact]
    public async Task Record_FromManyThreadsAtOnce_KeepsEveryEntryOnce()
    {
        using (var log = Open())
        {
            await Parallel.ForAsync(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
                await log.RecordAsync([Entry(i, $"user{i % 4}", $"c{i}"), Entry(i, $"user{i % 4}", $"c{i}", "second")]));
        }
        using var reopened = Open();
        Assert.All(Enumerable.Range(0, 40), i => Assert.Equal(2, reopened.ForCandidate($"c{i}").Count));
        Assert.Equal(20, reopened.ForUser("user0").Count);
    }

    [Fact]
    public async Task Purge_RemovesOnlyEntriesBeforeTheCutoff()
    {
        using var log = Open();
        await log.RecordAsync([Entry(0, "anna", "c1"), Entry(10, "anna", "c1"), Entry(20, "anna", "c1")]);
        Assert.Equal(2, log.Purge(T0.AddMinutes(15)));
        Assert.Equal([T0.AddMinutes(20)], log.ForCandidate("c1").Select(e => e.At));
        Assert.Equal(0, log.Purge(T0.AddMinutes(15)));
    }

    [Fact]
    public async Task ForCandidateAndForUser_AShortlistOfManyCandidates_ReturnOneEntryPerCandidateNewestFirst()
    {
        using var log = Open();
        await log.RecordAsync([.. Enumerable.Range(0, 20).Select(i => Entry(0, "anna", $"c{i}", "vac-1"))]);
        await log.RecordAsync([Entry(1, "anna", "c3", "vac-2"), Entry(1, "anna", "c3", "vac-2")]);
        Assert.Equal([("c3", "vac-2"), ("c3", "vac-2"), ("c3", "vac-1")], log.ForCandidate("c3").Select(e => (e.CandidateId, e.Subject)));
        Assert.Equal(["c3", "c3", .. Enumerable.Range(0, 20).Reverse().Select(i => $"c{i}")], log.ForUser("anna").Select(e => e.CandidateId));
        Assert.Equal(["c3", "c3", "c19"], log.ForUser("anna", limit: 3).Select(e => e.CandidateId));
        Assert.Equal(2, log.ForCandidate("c3", limit: 2).Count);
    }

    [Fact]
    public async Task Purge_ACallAboutNoCandidate_CountsAsOneEntry()
    {
        using var log = Open();
        await log.RecordAsync([Entry(0, "anna", null, "vac-1")]);
        await log.RecordAsync([Entry(10, "anna", null, "vac-2"), Entry(10, "anna", "c1", "vac-2")]);
        Assert.Equal(1, log.Purge(T0.AddMinutes(5)));
        Assert.Equal(2, log.Purge(T0.AddMinutes(15)));
        Assert.Empty(log.ForUser("anna"));
    }

    [Fact]
    public async Task ReadAndPurge_AStoreWithRowsPerEntryFromBefore_ReadsThemAfterTheNewerCallsAndPurgesBoth()
    {
        WriteRowsPerEntry(Entry(0, "anna", "c1", "vac-old"), Entry(1, "bram", "c1"), Entry(2, "anna", null, "vac-none"));
        using var log = Open();
        await log.RecordAsync([Entry(30, "anna", "c1", "vac-new"), Entry(30, "anna", "c2", "vac-new")]);
        Assert.Equal(["vac-new", null, "vac-old"], log.ForCandidate("c1").Select(e => e.Subject));
        Assert.Equal([Entry(30, "anna", "c2", "vac-new"), Entry(30, "anna", "c1", "vac-new"), Entry(2, "anna", null, "vac-none"), Entry(0, "anna", "c1", "vac-old")],
            log.ForUser("anna"));
        Assert.Equal(["vac-new", null], log.ForCandidate("c1", limit: 2).Select(e => e.Subject));
        Assert.Equal(3, log.Purge(T0.AddMinutes(5)));
        Assert.Equal(["vac-new"], log.ForCandidate("c1").Select(e => e.Subject));
        Assert.Equal(2, log.Purge(T0.AddMinutes(60)));
        Assert.Empty(log.ForUser("anna"));
    }

    [Fact]
    public async Task CountAndOffset_ShortlistsAndRowsPerEntry_CountEveryEntryAndPageThroughThemAll()
    {
        WriteRowsPerEntry(Entry(0, "anna", "c1", "vac-old"), Entry(1, "bram", "c1"), Entry(2, "anna", null, "vac-none"));
        using var log = Open();
        await log.RecordAsync([.. Enumerable.Range(0, 20).Select(i => Entry(10, "anna", $"c{i}", "vac-1"))]);
        await log.RecordAsync([Entry(20, "anna", "c1", "vac-2"), Entry(20, "anna", "c1", "vac-2"), Entry(21, "bram", "c2")]);

        Assert.Equal(5, log.CountForCandidate("c1"));
        Assert.Equal(2, log.CountForCandidate("c2"));
        Assert.Equal(0, log.CountForCandidate("c99"));
        Assert.Equal(24, log.CountForUser("anna"));
        Assert.Equal(2, log.CountForUser("bram"));
        Assert.Equal(0, log.CountForUser("nobody"));

        var all = log.ForUser("anna");
        Assert.Equal(24, all.Count);
        var pages = Enumerable.Range(0, 5).SelectMany(p => log.ForUser("anna", limit: 5, offset: p * 5)).ToList();
        Assert.Equal(all, pages);
        Assert.Equal(log.ForCandidate("c1").Skip(2).Take(2), log.ForCandidate("c1", limit: 2, offset: 2));
        Assert.Equal(["vac-old"], log.ForCandidate("c1", limit: 10, offset: 4).Select(e => e.Subject));
        Assert.Empty(log.ForCandidate("c1", limit: 10, offset: 5));
    }

    [Fact]
    public async Task Record_Nothing_WritesNothing()
    {
        using var log = Open();
        await log.RecordAsync([]);
        Assert.Empty(log.ForUser("anna"));
    }
}
