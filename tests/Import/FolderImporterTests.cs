using System.Text.Json.Nodes;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Import;

public sealed class FolderImporterTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteCatalogStore _store;
    private readonly FolderImporter _importer;

    public FolderImporterTests()
    {
        _store = new SqliteCatalogStore(_dir.File("store.db"));
        _importer = new FolderImporter(_store, new ContractValidator(new ValidationContext(ContractSamples.Today)));
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Import_ValidFolder_ImportsEveryKind()
    {
        var result = _importer.Import(ContractSamples.WriteFolder(_dir.File("world")));
        Assert.Equal(0, result.RejectedLines);
        Assert.All(EntityKinds.ImportOrder, k => Assert.Equal(1, result.Imported[k]));
        Assert.Equal(1, _store.Count(EntityKind.Candidate));
        Assert.Equal("heftruckcertificaat", _store.GetVacancy("vac-1")!.CertificatesRequired.Single());
        Assert.Equal(
            """{"imported":{"employers":1,"sroi_contracts":1,"vacancies":1,"candidates":1,"routes":1,"match_events":1,"placements":1},"rejected":0}""",
            result.ToJson());
    }

    [Fact]
    public void Import_SameFolderTwice_ChangesNothing()
    {
        var folder = ContractSamples.WriteFolder(_dir.File("world"));
        var first = _importer.Import(folder);
        var snapshot = Snapshot();
        var second = _importer.Import(folder);
        Assert.Equal(first.StoreRevision, second.StoreRevision);
        Assert.Equal(snapshot, Snapshot());
        Assert.Empty(_store.ChangesSince(first.StoreRevision));
    }

    [Fact]
    public void Import_MixedFolder_KeepsValidLinesAndReportsEachBadOne()
    {
        var folder = ContractSamples.WriteFolder(_dir.File("world"), lines =>
        {
            var bad = ContractSamples.Candidate("cand-2");
            bad["dutch"] = "Z9";
            lines[EntityKind.Candidate].Add(bad);
            lines[EntityKind.Candidate].Add(ContractSamples.Candidate("cand-3"));
        });
        File.AppendAllText(Path.Combine(folder, "candidates.jsonl"), "not json\n");
        var result = _importer.Import(folder);
        Assert.Equal(2, result.RejectedLines);
        Assert.Equal(2, result.Imported[EntityKind.Candidate]);
        var lines = result.Rejections.Select(r => r.ToString()).ToArray();
        Assert.Contains("candidates.jsonl:2: dutch: moet none, A1, A2, B1, B2, C1 of C2 zijn, niet 'Z9'", lines);
        Assert.Contains("candidates.jsonl:4: (line): geen geldige JSON (fout bij teken 2)", lines);
        Assert.NotNull(_store.GetCandidate("cand-3"));
        Assert.Null(_store.GetCandidate("cand-2"));
    }

    [Fact]
    public void Import_LineWithAFieldGivenTwice_IsRefusedAndTheOtherLinesKept()
    {
        var folder = ContractSamples.WriteFolder(_dir.File("world"), lines => lines[EntityKind.Candidate].Add(ContractSamples.Candidate("cand-3")));
        var path = Path.Combine(folder, "candidates.jsonl");
        var line = ContractSamples.Candidate("c000012").ToJsonString()[..^1] + ",\"id\":\"c999999\"}";
        File.WriteAllLines(path, [File.ReadAllLines(path)[0], line, File.ReadAllLines(path)[1]]);
        var result = _importer.Import(folder);
        Assert.Equal(
            ["candidates.jsonl:2: id: staat 2 keer in de regel ('c000012' en 'c999999'); een veld mag er één keer in staan"],
            result.Rejections.Select(r => r.ToString()));
        Assert.Equal(2, result.Imported[EntityKind.Candidate]);
        Assert.NotNull(_store.GetCandidate("cand-3"));
        Assert.Null(_store.GetCandidate("c000012"));
        Assert.Null(_store.GetCandidate("c999999"));
    }

    [Fact]
    public void Import_MissingReference_IsARejectionNotACrash()
    {
        var folder = ContractSamples.WriteFolder(_dir.File("world"), lines =>
        {
            lines[EntityKind.Vacancy].Add(ContractSamples.Vacancy("vac-2", employerId: "emp-missing"));
            lines[EntityKind.MatchEvent].Add(ContractSamples.MatchEvent(vacancyId: "vac-2"));
        });
        var result = _importer.Import(folder);
        Assert.Contains(result.Rejections, r => r.ToString() == "vacancies.jsonl:2: employer_id: werkgever 'emp-missing' bestaat niet");
        Assert.Contains(result.Rejections, r => r.ToString() == "match_events.jsonl:2: vacancy_id: vacature 'vac-2' bestaat niet");
        Assert.NotNull(_store.GetVacancy("vac-1"));
    }

    [Fact]
    public void Import_ReferenceToRecordAlreadyInStore_IsAccepted()
    {
        _importer.Import(ContractSamples.WriteFolder(_dir.File("first")));
        var second = _dir.File("second");
        Directory.CreateDirectory(second);
        File.WriteAllText(Path.Combine(second, "vacancies.jsonl"), ContractSamples.Vacancy("vac-9").ToJsonString() + "\n");
        var result = _importer.Import(second);
        Assert.Equal(0, result.RejectedLines);
        Assert.NotNull(_store.GetVacancy("vac-9"));
    }

    [Fact]
    public void Import_DuplicateIdInFile_RejectsTheSecond()
    {
        var folder = ContractSamples.WriteFolder(_dir.File("world"), lines => lines[EntityKind.Employer].Add(ContractSamples.Employer()));
        var result = _importer.Import(folder);
        Assert.Contains(result.Rejections, r => r.ToString() == "employers.jsonl:2: id: 'emp-1' staat al op regel 1");
    }

    [Fact]
    public void Import_ChangedRecord_IsUpsertedById()
    {
        var folder = ContractSamples.WriteFolder(_dir.File("world"));
        _importer.Import(folder);
        ContractSamples.WriteFolder(folder, lines => lines[EntityKind.Candidate][0]["dutch"] = "B2");
        var result = _importer.Import(folder);
        Assert.Equal(Engine.Domain.CefrLevel.B2, _store.GetCandidate("cand-1")!.Dutch);
        Assert.Equal(1, _store.Count(EntityKind.Candidate));
        Assert.Single(_store.ChangesSince(result.StoreRevision - 1));
    }

    [Fact]
    public void Import_LineThatIsNotUtf8_IsRejectedAndTheOthersKept()
    {
        var folder = ContractSamples.WriteFolder(_dir.File("world"), lines =>
        {
            lines[EntityKind.Employer].Add(ContractSamples.Employer("emp-2"));
            lines[EntityKind.Employer].Add(ContractSamples.Employer("emp-3"));
        });
        var path = Path.Combine(folder, "employers.jsonl");
        var text = File.ReadAllLines(path);
        // Line 2 in Latin-1, as an export from an old system might be: "Zorggroep Één" with 0xC9 alone, not valid UTF-8.
        var latin1 = System.Text.Encoding.Latin1.GetBytes(text[1].Replace("Zorggroep De Linde", "Zorggroep \u00C9\u00E9n", StringComparison.Ordinal));
        var bytes = new List<byte>();
        bytes.AddRange("\uFEFF"u8.ToArray());
        bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text[0] + "\r\n"));
        bytes.AddRange(latin1);
        bytes.AddRange("\n"u8.ToArray());
        bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text[2]));
        File.WriteAllBytes(path, [.. bytes]);
        var result = _importer.Import(folder);
        var at = text[1].IndexOf("Zorggroep De Linde", StringComparison.Ordinal) + "Zorggroep ".Length + 1;
        Assert.Equal([$"employers.jsonl:2: (line): is geen geldige UTF-8 (byte {at})"], result.Rejections.Select(r => r.ToString()));
        Assert.Equal(2, result.Imported[EntityKind.Employer]);
        Assert.Null(_store.GetEmployer("emp-2"));
        Assert.NotNull(_store.GetEmployer("emp-1"));
        Assert.NotNull(_store.GetEmployer("emp-3"));
    }

    private string Snapshot() => string.Join("\n", _store.Candidates().Select(ContractJson.Serialize))
        + string.Join("\n", _store.Vacancies().Select(ContractJson.Serialize))
        + string.Join("\n", _store.MatchEvents().Select(ContractJson.Serialize));
}
