using System.Text.Json.Nodes;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Import;

/// <summary>
/// Names, titles and labels longer than anyone types, which the contract allows (it bounds only a description and a profile
/// text), imported into a store with its Lucene index on disk: each record is kept with what depends on it, found by search and
/// retrieved for a shortlist.
/// </summary>
public sealed class LongTextImportTests : IDisposable
{
    private static readonly string EmployerName = "Zorggroep De Linde " + new string('x', 14_991);
    private static readonly string Title = "Heftruckchauffeur " + string.Concat(Enumerable.Repeat("in ons magazijn ", 37));
    private static readonly string Skill = "heftruck rijden " + new string('a', 254);
    private static readonly string TaskName = string.Concat(Enumerable.Repeat("pallets verplaatsen ", 30));
    private static readonly string Region = "GV" + new string('R', 298);

    // Beyond the 32,766 bytes Lucene allows one term: 17,000 characters of two bytes each in UTF-8.
    private static readonly string HugeRegion = new('ë', 17_000);

    private readonly TempDirectory _dir = new();
    private readonly CatalogService _catalog;
    private readonly ImportResult _result;

    public LongTextImportTests()
    {
        var folder = ContractSamples.WriteFolder(_dir.File("world"), lines =>
        {
            lines[EntityKind.Employer][0]["name"] = EmployerName;
            var vacancy = lines[EntityKind.Vacancy][0];
            vacancy["title"] = Title;
            vacancy["skills_required"]!.AsArray().Add(Skill);
            vacancy["tasks"]![0]!["name"] = TaskName;
            lines[EntityKind.Candidate][0]["region"] = Region;
            var far = ContractSamples.Candidate("cand-2");
            far["region"] = HugeRegion;
            lines[EntityKind.Candidate].Add(far);
        });
        _catalog = CatalogService.Open(new DataLayout(_dir.File("data")), TimeProvider.System);
        _result = new FolderImporter(_catalog.Store, _catalog.Validator).Import(folder);
        _catalog.SyncIndex();
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Import_LongNamesTitlesAndLabels_KeepsEachRecordAndWhatDependsOnIt()
    {
        Assert.Empty(_result.Rejections);
        Assert.Equal(EmployerName, _catalog.Store.GetEmployer("emp-1")!.Name);
        var vacancy = _catalog.Store.GetVacancy("vac-1")!;
        Assert.Equal(Title, vacancy.Title);
        Assert.Equal(Skill, vacancy.SkillsRequired[^1]);
        Assert.Equal(TaskName, vacancy.Tasks[0].Name);
        Assert.Equal(Region, _catalog.Store.GetCandidate("cand-1")!.Region);
        Assert.Equal(HugeRegion, _catalog.Store.GetCandidate("cand-2")!.Region);
        Assert.NotNull(_catalog.Store.GetPlacement("pl-1"));
        Assert.Equal(1, _result.Imported[EntityKind.MatchEvent]);
    }

    [Fact]
    public void Search_LongTitleAndRegions_FindTheirRecords()
    {
        Assert.Equal(["vac-1"], _catalog.Index.Search(new VacancyQuery { Text = "heftruckchauffeur magazijn" }).Select(h => h.Id));
        Assert.Equal(["cand-1"], _catalog.Index.Search(new CandidateQuery { Regions = [Region] }).Select(h => h.Id));
        Assert.Equal(["cand-2"], _catalog.Index.Search(new CandidateQuery { Text = "heftruck", Regions = [HugeRegion] }).Select(h => h.Id));
    }

    [Theory]
    [InlineData("cand-1")]
    [InlineData("cand-2")]
    public void Retrieval_VacancyWithLongTexts_BringsTheCandidateOfALongRegion(string candidateId)
    {
        var vacancy = _catalog.Store.GetVacancy("vac-1")!;
        var prepared = new PreparedVacancy(vacancy, _catalog.Store.GetEmployer(vacancy.EmployerId));
        var region = _catalog.Store.GetCandidate(candidateId)!.Region;
        var retrieved = CandidateRetrieval.For(_catalog, new CandidatePool(_catalog.Store), prepared, new ShortlistFilters([region]));
        Assert.Equal([candidateId], retrieved.Select(r => r.Candidate.Candidate.Id));
        Assert.True(retrieved[0].Bm25 > 0, "found by the text of the vacancy, not only by the structured generator");
    }
}
