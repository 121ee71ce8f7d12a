using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Store;

public sealed class SqliteCatalogStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CatalogBatch OneCandidate(string id, string dutch = "B1")
    {
        var json = ContractSamples.Candidate(id);
        json["dutch"] = dutch;
        var batch = new CatalogBatch();
        batch.Add(new ContractValidator(new ValidationContext(ContractSamples.Today)).Parse(EntityKind.Candidate, json.ToJsonString()).Record!);
        return batch;
    }

    [Fact]
    public void Upsert_Committed_IsVisibleToANewStoreOnTheSameFile()
    {
        using (var store = new SqliteCatalogStore(_dir.File("s.db")))
            Assert.Equal(1, store.Upsert(OneCandidate("c1")));
        using var reopened = new SqliteCatalogStore(_dir.File("s.db"));
        Assert.Equal(1, reopened.Revision);
        Assert.Equal("c1", reopened.GetCandidate("c1")!.Id);
    }

    [Fact]
    public void Delete_Existing_RemovesAndLeavesATombstoneForTheIndex()
    {
        using var store = new SqliteCatalogStore(_dir.File("s.db"));
        store.Upsert(OneCandidate("c1"));
        var (revision, deleted) = store.Delete(EntityKind.Candidate, ["c1", "nope"]);
        Assert.Equal(1, deleted);
        Assert.Null(store.GetCandidate("c1"));
        Assert.Equal(new Change(EntityKind.Candidate, "c1", revision, Deleted: true), store.ChangesSince(1).Single());
    }

    [Fact]
    public void Upsert_AfterDelete_ClearsTheTombstone()
    {
        using var store = new SqliteCatalogStore(_dir.File("s.db"));
        store.Upsert(OneCandidate("c1"));
        store.Delete(EntityKind.Candidate, ["c1"]);
        store.Upsert(OneCandidate("c1"));
        Assert.False(store.ChangesSince(0).Single().Deleted);
    }

    [Fact]
    public void Upsert_IdenticalRecord_DoesNotRaiseTheRevision()
    {
        using var store = new SqliteCatalogStore(_dir.File("s.db"));
        store.Upsert(OneCandidate("c1"));
        Assert.Equal(1, store.Upsert(OneCandidate("c1")));
        Assert.Equal(2, store.Upsert(OneCandidate("c1", dutch: "B2")));
    }

    [Fact]
    public void Upsert_ConcurrentWriters_AllCommitWithDistinctRevisions()
    {
        using var store = new SqliteCatalogStore(_dir.File("s.db"));
        var revisions = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 20, i => revisions.Add(store.Upsert(OneCandidate($"c{i}"))));
        Assert.Equal(20, revisions.Distinct().Count());
        Assert.Equal(20, store.Count(EntityKind.Candidate));
    }
}
