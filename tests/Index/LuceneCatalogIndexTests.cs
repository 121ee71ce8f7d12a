using MatchEngine.Engine;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Index;

public sealed class LuceneCatalogIndexTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteCatalogStore _store;
    private LuceneCatalogIndex _index;

    public LuceneCatalogIndexTests()
    {
        _store = new SqliteCatalogStore(_dir.File("store.db"));
        _index = new LuceneCatalogIndex(_dir.File("index"));
    }

    public void Dispose()
    {
        _index.Dispose();
        _store.Dispose();
        _dir.Dispose();
    }

    private void Write(params object[] records)
    {
        var batch = new CatalogBatch();
        foreach (var r in records) batch.Add(r);
        _store.Upsert(batch);
        IndexSynchronizer.CatchUp(_store, _index);
    }

    private IReadOnlyList<string> Candidates(CandidateQuery q) => _index.Search(q).Select(h => h.Id).ToList();

    [Theory]
    [InlineData("heftruckchauffeur", "Ik heb gewerkt als heftruckchauffeurs in een distributiecentrum.")]
    [InlineData("chauffeur", "Jarenlang vrachtwagenchauffeur geweest.")]
    [InlineData("zorgmedewerker", "Wil graag als medewerker in de zorg werken.")]
    [InlineData("cafe", "Werkte in een café achter de bar.")]
    [InlineData("schoonmaken", "Ervaring met schoonmaak van kantoren.")]
    public void Search_DutchText_FindsTheCandidate(string query, string profile)
    {
        Write(Records.Candidate("hit", profile), Records.Candidate("miss", "Administratief werk op kantoor, archiveren."));
        Assert.Equal(["hit"], Candidates(new CandidateQuery { Text = query }));
    }

    [Theory]
    [InlineData(EntityKind.Candidate, ".")]
    [InlineData(EntityKind.Candidate, "de en het")]
    [InlineData(EntityKind.Vacancy, "*")]
    [InlineData(EntityKind.Vacancy, "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"
        + "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")]
    public void SearchSpec_TextWithoutAWordToSearch_IsRefusedNotAListOfEveryone(EntityKind kind, string text)
    {
        Write(Records.Candidate("c1", "heftruck"), Records.Candidate("c2", "zorg"));
        var spec = new Engine.Catalog.SearchSpec(kind, text, [], null, null, null, null, null, 10);
        var e = Assert.Throws<InvalidRequestException>(() => spec.Run(_index));
        Assert.Equal("text", e.Field);
        Assert.Equal(["c1", "c2"], (spec with { Kind = EntityKind.Candidate, Text = "" }).Run(_index).Select(h => h.Id).Order());
        Assert.Equal(["c1"], (spec with { Kind = EntityKind.Candidate, Text = "de heftruck" }).Run(_index).Select(h => h.Id));
    }

    [Fact]
    public void Search_ExactCompound_ScoresAbovePartOfACompound()
    {
        Write(Records.Candidate("exact", "Ervaren heftruckchauffeur."), Records.Candidate("part", "Ervaren vrachtwagenchauffeur."));
        Assert.Equal(["exact", "part"], Candidates(new CandidateQuery { Text = "heftruckchauffeur" }));
    }

    [Fact]
    public void Search_CandidateWithoutConsent_IsNeverReturned()
    {
        Write(Records.Candidate("yes", "heftruck") , Records.Candidate("no", "heftruck") with { ConsentMatching = false });
        Assert.Equal(["yes"], Candidates(new CandidateQuery { Text = "heftruck" }));
        Assert.Equal(["yes"], Candidates(new CandidateQuery()));
    }

    [Fact]
    public void Search_LeftOut_AreNeverReturnedAndTheOthersFillTheTop()
    {
        Write(Records.Candidate("best", "heftruck heftruck heftruck"), Records.Candidate("second", "heftruck heftruck"),
            Records.Candidate("third", "heftruck"), Records.Candidate("other", "kantoor"));
        Assert.Equal(["best", "second"], Candidates(new CandidateQuery { Text = "heftruck", Top = 2 }));
        Assert.Equal(["second", "third"], Candidates(new CandidateQuery { Text = "heftruck", Top = 2, LeftOut = new HashSet<string> { "best" } }));
        Assert.Equal(["best", "other"], Candidates(new CandidateQuery { LeftOut = new HashSet<string> { "second", "third" } }).Order());
    }

    [Fact]
    public void Search_Region_Filters()
    {
        Write(Records.Candidate("gv"), Records.Candidate("ams") with { Region = "GA" });
        Assert.Equal(["ams"], Candidates(new CandidateQuery { Regions = ["GA"] }));
    }

    [Fact]
    public void Search_RegionAndSectorAboveLucenesTermLimit_AreIndexedAndFilter()
    {
        // More than the 32,766 bytes Lucene allows one term: such labels are indexed by a bounded term.
        var region = string.Concat(Enumerable.Repeat("Gooi en Vechtstreek ", 2_000));
        var nearlyTheSame = region[..^1] + "!";
        var sector = string.Concat(Enumerable.Repeat("Zorg en welzijn ", 2_500));
        Write(Records.Employer(), Records.Candidate("long", "heftruck") with { Region = region },
            Records.Candidate("alike", "heftruck") with { Region = nearlyTheSame }, Records.Candidate("gv", "heftruck"),
            Records.Vacancy("long-sector") with { Sector = sector }, Records.Vacancy("logistiek"));
        Assert.Equal(["long"], Candidates(new CandidateQuery { Text = "heftruck", Regions = [region] }));
        Assert.Equal(["alike", "long"], Candidates(new CandidateQuery { Regions = [region, nearlyTheSame] }).Order());
        Assert.Equal(["gv"], Candidates(new CandidateQuery { Regions = ["GV"] }));
        Assert.Equal(["long-sector"], _index.Search(new VacancyQuery { Sector = sector.ToUpperInvariant() }).Select(h => h.Id));
        Assert.Equal(["logistiek"], _index.Search(new VacancyQuery { Sector = "logistiek" }).Select(h => h.Id));
    }

    [Fact]
    public void Search_AvailableBy_Filters()
    {
        Write(Records.Candidate("now"), Records.Candidate("later") with { AvailableFrom = new DateOnly(2025, 9, 1) });
        Assert.Equal(["now"], Candidates(new CandidateQuery { AvailableBy = new DateOnly(2025, 6, 1) }));
    }

    [Fact]
    public void Search_NearWithinKm_UsesExactDistance()
    {
        // Hilversum centre; Bussum ~5.6 km; Amersfoort ~20 km.
        Write(Records.Candidate("hilversum"), Records.Candidate("bussum", lat: 52.2737, lon: 5.1608), Records.Candidate("amersfoort", lat: 52.1561, lon: 5.3878));
        var near = new CandidateQuery { Near = new GeoPoint(52.2292, 5.1669), RadiusKm = 6 };
        Assert.Equal(["bussum", "hilversum"], Candidates(near).Order());
    }

    [Fact]
    public void Search_WithinOwnReach_UsesEachCandidatesMaxDistance()
    {
        Write(Records.Candidate("far-but-willing", lat: 52.1561, lon: 5.3878) with { MaxDistanceKm = 25 },
            Records.Candidate("far-unwilling", lat: 52.1561, lon: 5.3878) with { MaxDistanceKm = 10 },
            Records.Candidate("close"));
        Assert.Equal(["close", "far-but-willing"], Candidates(new CandidateQuery { WithinOwnReachOf = new GeoPoint(52.2292, 5.1669) }).Order());
    }

    [Fact]
    public void Search_HoursOverlap_Filters()
    {
        Write(Records.Candidate("small") with { HoursMin = 8, HoursMax = 12 }, Records.Candidate("fits") with { HoursMin = 20, HoursMax = 32 });
        Assert.Equal(["fits"], Candidates(new CandidateQuery { HoursMin = 24, HoursMax = 36 }));
    }

    [Fact]
    public void Search_Shifts_NeedOneInCommon()
    {
        Write(Records.Candidate("day"), Records.Candidate("night") with { ShiftsOk = [Shift.Night, Shift.Weekend] });
        Assert.Equal(["night"], Candidates(new CandidateQuery { Shifts = [Shift.Evening, Shift.Night] }));
    }

    [Fact]
    public void Search_VacancyOpenOn_Filters()
    {
        Write(Records.Employer(), Records.Vacancy("open"), Records.Vacancy("closed") with { ClosesAt = new DateOnly(2025, 6, 15) },
            Records.Vacancy("future") with { PostedAt = new DateOnly(2025, 7, 10) }, Records.Vacancy("open-ended") with { ClosesAt = null });
        var hits = _index.Search(new VacancyQuery { OpenOn = new DateOnly(2025, 7, 1) }).Select(h => h.Id).Order();
        Assert.Equal(["open", "open-ended"], hits);
    }

    [Fact]
    public void VacancyQueryForCandidate_HoursShiftsAndReach_AreWeighedNotWalls()
    {
        var candidate = Records.Candidate("c") with { HoursMin = 4, HoursMax = 8, ShiftsOk = [Shift.Day], MaxDistanceKm = 10 };
        Write(Records.Employer(), Records.Vacancy("night-36h") with { Shifts = [Shift.Night], HoursMin = 36, HoursMax = 40 },
            Records.Vacancy("15km") with { Lat = 52.2292 + 0.135 }, Records.Vacancy("40km") with { Lat = 52.2292 + 0.36 });
        var hits = _index.Search(VacancyQuery.ForCandidate(candidate, new DateOnly(2025, 7, 1), 10)).Select(h => h.Id).Order();
        Assert.Equal(["15km", "night-36h"], hits);
    }

    [Fact]
    public void Search_VacancyTitle_OutranksDescription()
    {
        Write(Records.Employer(), Records.Vacancy("title", title: "Heftruckchauffeur"),
            Records.Vacancy("description", title: "Magazijnmedewerker", description: "Soms rijd je op de heftruck."));
        Assert.Equal(["title", "description"], _index.Search(new VacancyQuery { Text = "heftruckchauffeur" }).Select(h => h.Id));
    }

    [Fact]
    public void Search_TextWithQuerySyntax_DoesNotThrow()
    {
        Write(Records.Candidate("c", "heftruck"));
        Assert.Equal(["c"], Candidates(new CandidateQuery { Text = "heftruck AND (\"[" }));
    }

    [Fact]
    public void Upsert_ChangedRecord_ReplacesAndDeleteRemoves()
    {
        Write(Records.Candidate("c", "kok"));
        Write(Records.Candidate("c", "schilder"));
        Assert.Empty(Candidates(new CandidateQuery { Text = "kok" }));
        Assert.Equal(["c"], Candidates(new CandidateQuery { Text = "schilder" }));
        _store.Delete(EntityKind.Candidate, ["c"]);
        IndexSynchronizer.CatchUp(_store, _index);
        Assert.Empty(Candidates(new CandidateQuery()));
    }

    [Fact]
    public void CatchUp_AfterCrashBetweenStoreAndIndexCommit_LosesNothing()
    {
        Write(Records.Candidate("before", "kok"));
        // The store commits, then the process dies before the index does.
        var batch = new CatalogBatch();
        batch.Add(Records.Candidate("after", "kok"));
        _store.Upsert(batch);
        _store.Delete(EntityKind.Candidate, ["before"]);
        _index.Dispose();

        _index = new LuceneCatalogIndex(_dir.File("index"));
        Assert.Equal(1, _index.Revision);
        IndexSynchronizer.CatchUp(_store, _index);
        Assert.Equal(["after"], Candidates(new CandidateQuery { Text = "kok" }));
        Assert.Equal(_store.Revision, _index.Revision);
    }

    [Fact]
    public void CatchUp_IndexDirectoryDeleted_RebuildsFromTheStore()
    {
        Write(Records.Candidate("a", "kok"), Records.Candidate("b", "kok"));
        _index.Dispose();
        Directory.Delete(_dir.File("index"), recursive: true);
        _index = new LuceneCatalogIndex(_dir.File("index"));
        IndexSynchronizer.CatchUp(_store, _index);
        Assert.Equal(2, _index.Count(IndexSchema.CandidateType));
    }

    [Fact]
    public void CatchUp_CorruptIndex_IsRecreatedAndRebuilt()
    {
        Write(Records.Candidate("a", "kok"));
        _index.Dispose();
        foreach (var f in Directory.GetFiles(_dir.File("index"), "segments*")) File.WriteAllText(f, "garbage");
        _index = new LuceneCatalogIndex(_dir.File("index"));
        IndexSynchronizer.CatchUp(_store, _index);
        Assert.Equal(["a"], Candidates(new CandidateQuery { Text = "kok" }));
    }

    [Fact]
    public void CatchUp_IndexAheadOfReplacedStore_Rebuilds()
    {
        Write(Records.Candidate("a"), Records.Candidate("b"));
        Write(Records.Candidate("c"));
        using var otherStore = new SqliteCatalogStore(_dir.File("other.db"));
        var batch = new CatalogBatch();
        batch.Add(Records.Candidate("z"));
        otherStore.Upsert(batch);
        IndexSynchronizer.CatchUp(otherStore, _index);
        Assert.Equal(["z"], Candidates(new CandidateQuery()));
    }

    [Fact]
    public void CatchUp_IndexOfAnOlderSchema_IsRecreatedAndRebuilt()
    {
        Write(Records.Candidate("a", "kok"));
        _index.Dispose();
        // An index as the previous schema wrote it: a commit with the store revision and no schema version.
        using (var directory = Lucene.Net.Store.FSDirectory.Open(_dir.File("index")))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(IndexSchema.Version, null)))
        {
            writer.SetCommitData(new Dictionary<string, string> { [IndexSchema.RevisionKey] = _store.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            writer.Commit();
        }
        _index = new LuceneCatalogIndex(_dir.File("index"));
        Assert.True(_index.WasRecreated);
        IndexSynchronizer.CatchUp(_store, _index);
        Assert.Equal(["a"], Candidates(new CandidateQuery { Text = "kok" }));
    }

    [Fact]
    public void Search_RepeatedWithWritesInBetween_SeesEveryWrite()
    {
        // The keyword filter is cached per segment: a write adds a segment that must still be filtered.
        Write(Records.Candidate("a", "kok"));
        Assert.Equal(["a"], Candidates(new CandidateQuery { Text = "kok", Regions = ["GV"] }));
        Write(Records.Candidate("b", "kok"), Records.Candidate("c", "kok") with { ConsentMatching = false });
        Assert.Equal(["a", "b"], Candidates(new CandidateQuery { Text = "kok", Regions = ["GV"] }).Order().ToList());
        Write(Records.Candidate("a", "kok") with { Region = "AM" });
        Assert.Equal(["b"], Candidates(new CandidateQuery { Text = "kok", Regions = ["GV"] }));
    }
}
