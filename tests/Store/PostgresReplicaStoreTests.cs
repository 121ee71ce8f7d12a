using System.Collections.Concurrent;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Store;

/// <summary>Two store instances on one database, as two api replicas have: the revision lives in the database, not in either.</summary>
public sealed class PostgresReplicaStoreTests : IDisposable
{
    private readonly PostgresTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static CatalogBatch Batch(params object[] records)
    {
        var batch = new CatalogBatch();
        foreach (var r in records) batch.Add(r);
        return batch;
    }

    [Fact]
    public void Open_SameDatabaseTwiceAtOnce_CreatesTheSchemaOnce()
    {
        var stores = new ConcurrentBag<ICatalogStore>();
        Parallel.For(0, 4, _ => stores.Add(new PostgresCatalogStore(_db.ConnectionString)));
        foreach (var s in stores) s.Dispose();
        using var store = new PostgresCatalogStore(_db.ConnectionString);
        Assert.Equal(0, store.Revision);
    }

    [Fact]
    public void Revision_AfterAnotherInstanceWrites_IsReadFromTheDatabase()
    {
        using var a = new PostgresCatalogStore(_db.ConnectionString);
        using var b = new PostgresCatalogStore(_db.ConnectionString);
        Assert.Equal(0, b.Revision);
        a.Upsert(Batch(Records.Candidate("c1")));
        Assert.Equal(1, b.Revision);
        Assert.Equal(2, b.Upsert(Batch(Records.Candidate("c2"))));
        Assert.Equal((3L, 1), a.Delete(EntityKind.Candidate, ["c2"]));
        Assert.Equal(new Change(EntityKind.Candidate, "c2", 3, Deleted: true), b.ChangesSince(2).Single());
    }

    [Fact]
    public void Upsert_TwoInstancesWritingConcurrently_RevisionsStrictlyIncreaseAndNoChangeIsLost()
    {
        using var a = new PostgresCatalogStore(_db.ConnectionString);
        using var b = new PostgresCatalogStore(_db.ConnectionString);
        const int writersPerInstance = 3, writesPerWriter = 20;
        var written = new ConcurrentDictionary<long, (string Id, string Text)>();
        var sequences = new ConcurrentBag<long[]>();
        Parallel.For(0, 2 * writersPerInstance, new ParallelOptions { MaxDegreeOfParallelism = 2 * writersPerInstance }, w =>
        {
            var store = w % 2 == 0 ? a : b;
            var mine = new long[writesPerWriter];
            for (var i = 0; i < writesPerWriter; i++)
            {
                // Every writer also rewrites one shared record, so the instances contend for the same row.
                var text = $"writer {w} write {i}";
                var revision = store.Upsert(Batch(Records.Candidate($"w{w}-{i}", text), Records.Candidate("shared", text)));
                mine[i] = revision;
                Assert.True(written.TryAdd(revision, ($"w{w}-{i}", text)), $"revision {revision} given twice");
            }
            sequences.Add(mine);
        });

        var total = 2 * writersPerInstance * writesPerWriter;
        Assert.All(sequences, s => Assert.True(s.Zip(s.Skip(1)).All(p => p.First < p.Second), "a writer saw its revisions go back"));
        Assert.Equal(Enumerable.Range(1, total).Select(r => (long)r), written.Keys.Order());
        Assert.Equal(total, a.Revision);
        Assert.Equal(total + 1, b.Count(EntityKind.Candidate));
        // The shared record holds the text of the write with the highest revision: commits applied in revision order.
        Assert.Equal(written[total].Text, a.GetCandidate("shared")!.ProfileText);
        foreach (var store in new[] { a, b })
        {
            var changes = store.ChangesSince(0);
            Assert.Equal(written.Values.Select(v => v.Id).Append("shared").Order(StringComparer.Ordinal), changes.Select(c => c.Id).Order(StringComparer.Ordinal));
            Assert.Equal(total, changes.Single(c => c.Id == "shared").Revision);
            Assert.All(written, w => Assert.Equal(w.Key, changes.Single(c => c.Id == w.Value.Id).Revision));
        }
    }
}
