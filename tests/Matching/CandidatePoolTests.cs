using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MatchEngine.Tests.Matching;

/// <summary>The candidate pool against a real SQLite store: its first load (parsed on every core) and how it follows the store.</summary>
public sealed class CandidatePoolTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteCatalogStore _store;

    public CandidatePoolTests() => _store = new SqliteCatalogStore(_dir.File("store.db"));

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    /// <summary>Enough candidates for many of the loader's chunks; every seventh without consent, some with long profiles.</summary>
    private static List<Candidate> ManyCandidates(int count) =>
        Enumerable.Range(0, count)
            .Select(i => Records.Candidate($"c{i:x5}", profile: new string('x', i % 50 == 0 ? 200_000 : i % 300)) with
            {
                ConsentMatching = i % 7 != 3,
                Skills = [$"Heftruck {i % 11}", "Orderpicken"],
            })
            .ToList();

    /// <summary>A catalog with <see cref="ManyCandidates"/>(600) stored and indexed.</summary>
    private CatalogService IndexedCatalog()
    {
        var catalog = CatalogService.Open(new DataLayout(_dir.File("catalog")), TimeProvider.System);
        var batch = new CatalogBatch();
        foreach (var c in ManyCandidates(600)) batch.Add(c);
        catalog.Store.Upsert(batch);
        catalog.SyncIndex();
        return catalog;
    }

    private void Upsert(IEnumerable<Candidate> candidates)
    {
        var batch = new CatalogBatch();
        foreach (var c in candidates) batch.Add(c);
        _store.Upsert(batch);
    }

    [Fact]
    public void All_ManyCandidates_HoldsExactlyTheConsentingOnesInIdOrderAsStored()
    {
        var candidates = ManyCandidates(3_000);
        Upsert(candidates.AsEnumerable().Reverse());

        var pool = new CandidatePool(_store);

        var consenting = candidates.Where(c => c.ConsentMatching).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(consenting.Select(c => c.Id), pool.All.Select(p => p.Candidate.Id));
        Assert.Equal(consenting.Select(ContractJson.Serialize), pool.All.Select(p => ContractJson.Serialize(p.Candidate)));
        Assert.Equal(consenting.Count, pool.Count);
        Assert.All(pool.All, p =>
        {
            Assert.Equal(Labels.Keys(p.Candidate.Skills).Count, p.SkillKeys.Count);
            Assert.All(p.Candidate.Skills, skill => Assert.True(p.SkillKeys.Contains(skill)));
        });
        Assert.All(candidates.Where(c => !c.ConsentMatching), c => Assert.Null(pool.Get(c.Id)));
    }

    [Fact]
    public void Get_AfterStoreChanges_FollowsTheStoreByRevision()
    {
        Upsert([Records.Candidate("stays"), Records.Candidate("withdraws"), Records.Candidate("deleted"), Records.Candidate("consents") with { ConsentMatching = false }]);
        var pool = new CandidatePool(_store);
        Assert.Equal(["deleted", "stays", "withdraws"], pool.All.Select(p => p.Candidate.Id).Order(StringComparer.Ordinal));
        var before = pool.Snapshot();

        Upsert([Records.Candidate("withdraws") with { ConsentMatching = false }, Records.Candidate("consents"), Records.Candidate("new"),
            Records.Candidate("stays", profile: "Nu ook heftruck")]);
        _store.Delete(EntityKind.Candidate, ["deleted"]);

        Assert.Equal(["consents", "new", "stays"], pool.All.Select(p => p.Candidate.Id).Order(StringComparer.Ordinal));
        Assert.Null(pool.Get("withdraws"));
        Assert.Null(pool.Get("deleted"));
        Assert.Equal("Nu ook heftruck", pool.Get("stays")!.Candidate.ProfileText);
        Assert.Equal(3, before.Count); // a snapshot is never changed afterwards
    }

    [Fact]
    public void Resolve_HitsOfARealIndex_GivesWhatThePoolHoldsForEachIdEvenAfterChanges()
    {
        using var catalog = IndexedCatalog();
        var pool = new CandidatePool(catalog.Store);
        var query = new CandidateQuery { Text = "heftruck orderpicken", Top = 1000 };
        var hits = catalog.Index.Search(query);
        Assert.True(hits.Count > 400);

        var expected = hits.Select(h => pool.Snapshot().GetValueOrDefault(h.Id)).ToList();
        Assert.All(expected, Assert.NotNull);
        Assert.Equal(expected, pool.Resolve(hits)); // first resolve fills the documents' slots
        Assert.Equal(expected, pool.Resolve(hits)); // the second reads them

        var (withdrawn, changed) = (hits[0].Id, hits[1].Id);
        var changes = new CatalogBatch();
        changes.Add(ManyCandidates(600).Single(c => c.Id == withdrawn) with { ConsentMatching = false });
        changes.Add(ManyCandidates(600).Single(c => c.Id == changed) with { ProfileText = "Nu ook heftruck" });
        catalog.Store.Upsert(changes);
        catalog.SyncIndex();

        // The earlier hits still point at the old documents: their slots must not answer for the new pool.
        var resolved = pool.Resolve(hits);
        Assert.Null(resolved[0]);
        Assert.Equal("Nu ook heftruck", resolved[1]!.Candidate.ProfileText);
        Assert.Equal(hits.Select(h => pool.Get(h.Id)), resolved);
        var after = catalog.Index.Search(query);
        Assert.DoesNotContain(after, h => h.Id == withdrawn);
        Assert.Equal(after.Select(h => pool.Get(h.Id)), pool.Resolve(after));
    }

    [Fact]
    public void OrdinalsOf_HitsOfARealIndex_AreTheListsOrdinalsAndFollowANewGeneration()
    {
        using var catalog = IndexedCatalog();
        var pool = new CandidatePool(catalog.Store);
        var hits = catalog.Index.Search(new CandidateQuery { Text = "heftruck orderpicken", Top = 1000 });
        var generation = pool.Generation();

        int[] Expected(CandidatesByDocument g) => [.. hits.Select(h => g.Lists.OrdinalOf(h.Id))];
        Assert.Equal(Expected(generation), generation.OrdinalsOf(hits)); // first call fills the documents' slots
        Assert.Equal(Expected(generation), generation.OrdinalsOf(hits)); // the second reads them

        var changes = new CatalogBatch();
        changes.Add(ManyCandidates(600).Single(c => c.Id == hits[0].Id) with { ConsentMatching = false });
        catalog.Store.Upsert(changes);
        catalog.SyncIndex();
        var next = pool.Generation();
        Assert.NotSame(generation, next);
        Assert.Equal(-1, next.OrdinalsOf(hits)[0]); // withdrew consent: no longer listed, though the old hit still names it
        Assert.Equal(Expected(next), next.OrdinalsOf(hits));
    }

    [Fact]
    public void Count_EmptyStore_IsZero() => Assert.Equal(0, new CandidatePool(_store).Count);

    [Fact]
    public void Count_UnreadableStoredCandidate_ThrowsInsteadOfHanging()
    {
        Upsert(ManyCandidates(2_000));
        using (var connection = new SqliteConnection($"Data Source={_dir.File("store.db")}"))
        {
            connection.Open();
            using var corrupt = connection.CreateCommand();
            corrupt.CommandText = "UPDATE records SET json = '{\"id\": 12' WHERE id = 'c00100'";
            Assert.Equal(1, corrupt.ExecuteNonQuery());
        }

        Assert.ThrowsAny<JsonException>(() => new CandidatePool(_store).Count);
    }
}
