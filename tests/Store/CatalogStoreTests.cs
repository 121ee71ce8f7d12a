using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Store;

/// <summary>
/// The behaviour every <see cref="ICatalogStore"/> promises, run against each implementation by a
/// subclass that says where a fresh store of this test lives.
/// </summary>
public abstract class CatalogStoreTests : IDisposable
{
    /// <summary>Opens a new store instance on this test's location (the same file or database on every call).</summary>
    protected abstract ICatalogStore Open();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private static CatalogBatch OneCandidate(string id, string dutch = "B1")
    {
        var json = ContractSamples.Candidate(id);
        json["dutch"] = dutch;
        var batch = new CatalogBatch();
        batch.Add(new ContractValidator(new ValidationContext(ContractSamples.Today)).Parse(EntityKind.Candidate, json.ToJsonString()).Record!);
        return batch;
    }

    private static CatalogBatch Batch(params object[] records)
    {
        var batch = new CatalogBatch();
        foreach (var r in records) batch.Add(r);
        return batch;
    }

    private static CatalogBatch CandidateIn(string id, string region)
    {
        var json = ContractSamples.Candidate(id);
        json["region"] = region;
        var batch = new CatalogBatch();
        batch.Add(new ContractValidator(new ValidationContext(ContractSamples.Today)).Parse(EntityKind.Candidate, json.ToJsonString()).Record!);
        return batch;
    }

    [Fact]
    public void CandidateRegions_WritesAndDeletions_FollowTheStore()
    {
        using var store = Open();
        var regions = new CandidateRegions(store);
        Assert.Empty(regions.Now());
        store.Upsert(CandidateIn("c-gv", "GV"));
        Assert.Equal(["GV"], regions.Now());
        store.Upsert(CandidateIn("c-am", "AM"));
        store.Upsert(Batch(Records.Employer()));
        Assert.Equal(["AM", "GV"], regions.Now().Order(StringComparer.Ordinal));
        store.Upsert(CandidateIn("c-am", "GV"));
        store.Delete(EntityKind.Candidate, ["c-gv"]);
        Assert.Equal(["GV"], regions.Now());
        store.Delete(EntityKind.Candidate, ["c-am"]);
        Assert.Empty(regions.Now());
    }

    [Fact]
    public void Revision_EmptyStore_IsZero()
    {
        using var store = Open();
        Assert.Equal(0, store.Revision);
        Assert.Empty(store.ChangesSince(0));
    }

    [Fact]
    public void Upsert_Committed_IsVisibleToANewStoreOnTheSameLocation()
    {
        using (var store = Open())
            Assert.Equal(1, store.Upsert(OneCandidate("c1")));
        using var reopened = Open();
        Assert.Equal(1, reopened.Revision);
        Assert.Equal("c1", reopened.GetCandidate("c1")!.Id);
    }

    [Fact]
    public void Upsert_EveryKind_RoundTripsThroughGetAndEnumeration()
    {
        using var store = Open();
        var candidate = Records.Candidate("c1", "heftruck");
        var vacancy = Records.Vacancy("v1");
        var employer = Records.Employer();
        store.Upsert(Batch(employer, vacancy, candidate));
        Assert.Equal(employer, store.GetEmployer("emp-1"));
        Assert.Equal(ContractJson.Serialize(vacancy), ContractJson.Serialize(store.GetVacancy("v1")!));
        Assert.Equal(ContractJson.Serialize(candidate), ContractJson.Serialize(store.Candidates().Single()));
        Assert.True(store.Exists(EntityKind.Vacancy, "v1"));
        Assert.False(store.Exists(EntityKind.Candidate, "v1"));
        Assert.Equal(1, store.Count(EntityKind.Employer));
        Assert.Null(store.GetCandidate("nope"));
    }

    [Fact]
    public void Candidates_AreOrderedByIdOrdinally()
    {
        using var store = Open();
        store.Upsert(Batch(Records.Candidate("b"), Records.Candidate("B"), Records.Candidate("a-2"), Records.Candidate("a10"), Records.Candidate("A")));
        Assert.Equal(["A", "B", "a-2", "a10", "b"], store.Candidates().Select(c => c.Id));
    }

    [Fact]
    public void ScanJson_Kind_GivesEachStoredRecordAsUtf8InIdOrder()
    {
        using var store = Open();
        var candidates = new[] { Records.Candidate("b", "Heftruckchauffeur, ‘flexibel’ — ook ’s nachts"), Records.Candidate("A"), Records.Candidate("a-2") };
        store.Upsert(Batch([.. candidates, Records.Vacancy("v1"), Records.Employer()]));
        var scanned = new List<string>();
        store.ScanJson(EntityKind.Candidate, json => scanned.Add(System.Text.Encoding.UTF8.GetString(json)));
        Assert.Equal(candidates.OrderBy(c => c.Id, StringComparer.Ordinal).Select(ContractJson.Serialize), scanned);
    }

    [Fact]
    public void Delete_Existing_RemovesAndLeavesATombstoneForTheIndex()
    {
        using var store = Open();
        store.Upsert(OneCandidate("c1"));
        var (revision, deleted) = store.Delete(EntityKind.Candidate, ["c1", "nope"]);
        Assert.Equal(1, deleted);
        Assert.Null(store.GetCandidate("c1"));
        Assert.Equal(new Change(EntityKind.Candidate, "c1", revision, Deleted: true), store.ChangesSince(1).Single());
    }

    [Fact]
    public void Delete_NothingExists_KeepsTheRevision()
    {
        using var store = Open();
        store.Upsert(OneCandidate("c1"));
        Assert.Equal((1L, 0), store.Delete(EntityKind.Candidate, ["nope"]));
        Assert.Equal((1L, 0), store.Delete(EntityKind.Vacancy, ["c1"]));
        Assert.Equal(1, store.Revision);
    }

    [Fact]
    public void Upsert_AfterDelete_ClearsTheTombstone()
    {
        using var store = Open();
        store.Upsert(OneCandidate("c1"));
        store.Delete(EntityKind.Candidate, ["c1"]);
        store.Upsert(OneCandidate("c1"));
        Assert.False(store.ChangesSince(0).Single().Deleted);
    }

    [Fact]
    public void Upsert_IdenticalRecord_DoesNotRaiseTheRevision()
    {
        using var store = Open();
        store.Upsert(OneCandidate("c1"));
        Assert.Equal(1, store.Upsert(OneCandidate("c1")));
        Assert.Equal(2, store.Upsert(OneCandidate("c1", dutch: "B2")));
    }

    [Fact]
    public void Upsert_SameIdTwiceInOneBatch_KeepsTheLast()
    {
        using var store = Open();
        Assert.Equal(1, store.Upsert(Batch(Records.Candidate("c1", "eerste"), Records.Candidate("c1", "laatste"))));
        Assert.Equal("laatste", store.GetCandidate("c1")!.ProfileText);
        Assert.Equal(1, store.Count(EntityKind.Candidate));
    }

    [Fact]
    public void ChangedSince_SaysWhetherARecordOfTheKindChangedOrWasDeletedAfterTheRevision()
    {
        using var store = Open();
        store.Upsert(Batch(Records.Employer(), Records.Vacancy("v1"), Records.Candidate("c1")));
        Assert.True(store.ChangedSince(EntityKind.Vacancy, 0));
        Assert.False(store.ChangedSince(EntityKind.Vacancy, 1));
        Assert.False(store.ChangedSince(EntityKind.Placement, 0));
        store.Upsert(Batch(Records.Candidate("c2")));
        Assert.True(store.ChangedSince(EntityKind.Candidate, 1));
        Assert.False(store.ChangedSince(EntityKind.Employer, 1));
        store.Delete(EntityKind.Employer, ["emp-1"]);
        Assert.True(store.ChangedSince(EntityKind.Employer, 2));
        Assert.False(store.ChangedSince(EntityKind.Employer, 3));
    }

    [Fact]
    public void ChangesSince_ReportsOnlyCandidatesAndVacanciesAfterTheRevision_InRevisionOrder()
    {
        using var store = Open();
        store.Upsert(Batch(Records.Employer(), Records.Vacancy("v1"), Records.Candidate("c1")));
        store.Upsert(Batch(Records.Candidate("c2")));
        store.Delete(EntityKind.Vacancy, ["v1"]);
        store.Delete(EntityKind.Employer, ["emp-1"]);
        Assert.Equal(
            [new Change(EntityKind.Candidate, "c2", 2, false), new Change(EntityKind.Vacancy, "v1", 3, true)],
            store.ChangesSince(1));
        Assert.Equal(4, store.Revision);
    }

    [Fact]
    public void MatchEventsOf_AVacancy_ReadsItsOwnEventsOnly_NotThoseOfAnIdItPrefixes()
    {
        using var store = Open();
        static MatchEvent Event(string vacancy, string candidate, MatchStage stage) =>
            new() { VacancyId = vacancy, CandidateId = candidate, At = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero), Stage = stage };
        store.Upsert(Batch(Event("v1", "c1", MatchStage.Proposed), Event("v1", "c1", MatchStage.Hired), Event("v1", "c2", MatchStage.Proposed),
            Event("v10", "c3", MatchStage.Hired), Event("v1|x", "c4", MatchStage.Hired), Event("v0", "c5", MatchStage.Hired)));
        Assert.Equal([("c1", MatchStage.Proposed), ("c1", MatchStage.Hired), ("c2", MatchStage.Proposed)],
            store.MatchEventsOf("v1").Select(e => (e.CandidateId, e.Stage)).Order().ToArray());
        Assert.Equal("c4", Assert.Single(store.MatchEventsOf("v1|x")).CandidateId);
        Assert.Empty(store.MatchEventsOf("v2"));
    }

    [Fact]
    public void Upsert_LargeBatch_CommitsOnceAndRaisesOnlyChangedRecords()
    {
        using var store = Open();
        var candidates = Enumerable.Range(0, 2_000).Select(i => Records.Candidate($"c{i:D5}", $"profiel {i}")).ToArray();
        Assert.Equal(1, store.Upsert(Batch(candidates)));
        Assert.Equal(2_000, store.Count(EntityKind.Candidate));
        Assert.Equal(1, store.Upsert(Batch(candidates)));
        var changed = candidates.Select((c, i) => i % 100 == 0 ? c with { ProfileText = "anders" } : c).ToArray();
        Assert.Equal(2, store.Upsert(Batch(changed)));
        Assert.Equal(20, store.ChangesSince(1).Count);
        Assert.All(store.ChangesSince(1), c => Assert.Equal(2, c.Revision));
    }

    [Fact]
    public void Upsert_ConcurrentWriters_AllCommitWithDistinctRevisions()
    {
        using var store = Open();
        var revisions = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 20, i => revisions.Add(store.Upsert(OneCandidate($"c{i}"))));
        Assert.Equal(20, revisions.Distinct().Count());
        Assert.Equal(20, store.Count(EntityKind.Candidate));
        Assert.Equal(20, store.Revision);
    }
}
