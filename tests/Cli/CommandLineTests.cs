using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Audit;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Cli;

public sealed class CommandLineTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    private static readonly ICommand[] Commands =
        [new ImportCommand(), new SearchCommand(), new SynthCommand(), new TrainCommand(), new ShortlistCommand(), new RecommendCommand(), new CarveCommand(), new RoutesCommand(),
            new SurvivalCommand(), new AuditCommand(), new DeleteCommand(), new GetCommand(), new OutcomeCommand()];

    private static Task<CliResult> Run(params string[] args) => CliRun.RunAsync(Commands, new FixedClock(TrainedRegion.Today), args);

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];

    [Fact]
    public async Task Import_CleanFolder_ExitsZeroWithTheSummaryLine()
    {
        using var dir = new TempDirectory();
        var (_, stdout, _) = (await Run("import", ContractSamples.WriteFolder(dir.File("world")), "--data", dir.File("data"))).AssertSucceeded();
        Assert.Equal("""{"imported":{"employers":1,"sroi_contracts":1,"vacancies":1,"candidates":1,"routes":1,"match_events":1,"placements":1},"rejected":0}""", LastLine(stdout));
    }

    [Fact]
    public async Task Import_WritesTheImportToEachImportedCandidatesAuditTrail()
    {
        using var dir = new TempDirectory();
        (await Run("import", ContractSamples.WriteFolder(dir.File("world")), "--data", dir.File("data"))).AssertSucceeded();
        (await Run("import", ContractSamples.WriteFolder(dir.File("again"), lines => lines[Engine.Contract.EntityKind.Candidate].Clear()), "--data", dir.File("data"))).AssertSucceeded();
        var (_, trail, _) = (await Run("audit", "--candidate", "cand-1", "--json", "--data", dir.File("data"))).AssertSucceeded();
        var entries = System.Text.Json.Nodes.JsonNode.Parse(LastLine(trail))!["entries"]!.AsArray();
        // Once: the second import wrote no candidate.
        var entry = Assert.Single(entries);
        Assert.Equal(Engine.Access.AuditPurposes.Import, (string?)entry!["purpose"]);
        Assert.Equal("cli/import", (string?)entry["action"]);
    }

    [Fact]
    public async Task Import_SomeBadLines_ExitsTwoAndReportsThemOnStderr()
    {
        using var dir = new TempDirectory();
        var folder = ContractSamples.WriteFolder(dir.File("world"), lines => lines[Engine.Contract.EntityKind.Employer][0]["size"] = "huge");
        var (exit, stdout, stderr) = await Run("import", folder, "--data", dir.File("data"));
        Assert.Equal(2, exit);
        Assert.Contains("employers.jsonl:1: size: moet small, medium of large zijn, niet 'huge'", stderr, StringComparison.Ordinal);
        Assert.Contains("\"rejected\":", LastLine(stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ACandidateAndAnUnknownId_ErasesTheCandidateWithTheirHistoryAndExitsTwoNamingTheUnknown()
    {
        using var dir = new TempDirectory();
        (await Run("import", ContractSamples.WriteFolder(dir.File("world")), "--data", dir.File("data"))).AssertSucceeded();
        var (exit, stdout, _) = await Run("delete", "--kind", "candidates", "--ids", "cand-1, nope", "--json", "--data", dir.File("data"));
        Assert.Equal(2, exit);
        Assert.Equal("""{"kind":"candidates","deleted":["cand-1"],"not_found":["nope"]}""", LastLine(stdout));
        using (var catalog = Engine.Catalog.CatalogService.Open(new Engine.DataLayout(dir.File("data")), new FixedClock(TrainedRegion.Today)))
        {
            Assert.False(catalog.Store.Exists(Engine.Contract.EntityKind.Candidate, "cand-1"));
            Assert.Empty(catalog.Store.MatchEvents());
            Assert.Empty(catalog.Store.Placements());
            Assert.True(catalog.Store.Exists(Engine.Contract.EntityKind.Vacancy, "vac-1"));
        }
        var (_, trail, _) = (await Run("audit", "--candidate", "cand-1", "--json", "--data", dir.File("data"))).AssertSucceeded();
        Assert.Contains(Engine.Access.AuditPurposes.Erasure, trail, StringComparison.Ordinal);
        var (_, again, _) = (await Run("delete", "--kind", "vacancies", "--ids", "vac-1", "--json", "--data", dir.File("data"))).AssertSucceeded();
        Assert.Equal("""{"kind":"vacancies","deleted":["vac-1"],"not_found":[]}""", LastLine(again));
    }

    [Fact]
    public async Task Get_ACandidateAndAnUnknownOne_TheMinimisedRecordWithItsReadAuditedThenExitOne()
    {
        using var dir = new TempDirectory();
        (await Run("import", ContractSamples.WriteFolder(dir.File("world")), "--data", dir.File("data"))).AssertSucceeded();
        var (_, stdout, _) = (await Run("get", "--kind", "candidates", "--id", "cand-1", "--json", "--data", dir.File("data"))).AssertSucceeded();
        var record = JsonDocument.Parse(LastLine(stdout)).RootElement;
        Assert.Equal("cand-1", record.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("protected").ValueKind);
        Assert.DoesNotContain("migration", stdout, StringComparison.Ordinal);
        var (_, trail, _) = (await Run("audit", "--candidate", "cand-1", "--json", "--data", dir.File("data"))).AssertSucceeded();
        Assert.Contains(Engine.Access.AuditPurposes.CandidateRecord, trail, StringComparison.Ordinal);
        var (_, _, stderr) = (await Run("get", "--kind", "vacancies", "--id", "nope", "--json", "--data", dir.File("data"))).AssertExit(1);
        Assert.Contains("vacature 'nope' bestaat niet", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcome_AnInvitation_IsAMatchEventWithItsPositionAuditedAndABadStageOrUnknownCandidateExitOne()
    {
        using var dir = new TempDirectory();
        (await Run("import", ContractSamples.WriteFolder(dir.File("world")), "--data", dir.File("data"))).AssertSucceeded();
        var (_, stdout, _) = (await Run("outcome", "--vacancy", "vac-1", "--candidate", "cand-1", "--stage", "invited", "--position", "3", "--json",
            "--data", dir.File("data"))).AssertSucceeded();
        var printed = JsonDocument.Parse(LastLine(stdout)).RootElement;
        Assert.Equal("invited", printed.GetProperty("stage").GetString());
        Assert.Equal(3, printed.GetProperty("position").GetInt32());
        Assert.True(printed.GetProperty("revision").GetInt64() > 0);
        using (var catalog = Engine.Catalog.CatalogService.Open(new Engine.DataLayout(dir.File("data")), new FixedClock(TrainedRegion.Today)))
        {
            var recorded = catalog.Store.MatchEvents().Single(e => e.Stage == Engine.Domain.MatchStage.Invited);
            Assert.Equal(("vac-1", "cand-1", 3), (recorded.VacancyId, recorded.CandidateId, recorded.Position));
        }
        var (_, trail, _) = (await Run("audit", "--candidate", "cand-1", "--json", "--data", dir.File("data"))).AssertSucceeded();
        Assert.Contains(Engine.Access.AuditPurposes.Outcome("invited"), trail, StringComparison.Ordinal);
        var (_, _, badStage) = (await Run("outcome", "--vacancy", "vac-1", "--candidate", "cand-1", "--stage", "aangenomen", "--data", dir.File("data"))).AssertExit(1);
        Assert.Contains("stage: ", badStage, StringComparison.Ordinal);
        Assert.Contains("'aangenomen'", badStage, StringComparison.Ordinal);
        var (_, _, unknown) = (await Run("outcome", "--vacancy", "vac-1", "--candidate", "nope", "--stage", "hired", "--data", dir.File("data"))).AssertExit(1);
        Assert.Contains("kandidaat 'nope' bestaat niet", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_AKindThatIsNone_ExitsOneNamingTheKinds()
    {
        using var dir = new TempDirectory();
        (await Run("import", ContractSamples.WriteFolder(dir.File("world")), "--data", dir.File("data"))).AssertSucceeded();
        var (_, _, stderr) = (await Run("delete", "--kind", "kandidaten", "--ids", "cand-1", "--data", dir.File("data"))).AssertExit(1);
        Assert.Contains("--kind 'kandidaten' is geen soort; kies uit employers, sroi_contracts, vacancies, candidates, routes, match_events of placements", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFolder_ExitsOne()
    {
        using var dir = new TempDirectory();
        var (_, _, stderr) = (await Run("import", dir.File("nope"), "--data", dir.File("data"))).AssertExit(1);
        Assert.Contains("map bestaat niet: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_Candidate_PrintsOneEntryPerReadNewestFirstInTheDocumentedShape()
    {
        using var dir = new TempDirectory();
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        using (var log = new DataLayout(dir.File("data")).Store.OpenAuditLog())
        {
            await log.RecordAsync([new AuditEntry(at, "anna", "accountmanager", "/matchengine.v1.Match/Shortlist", "shortlist for vacancy v1", "c1", "v1"),
                new AuditEntry(at, "anna", "accountmanager", "/matchengine.v1.Match/Shortlist", "shortlist for vacancy v1", "c2", "v1")]);
            await log.RecordAsync([new AuditEntry(at.AddMinutes(5), "bram", "consulent", "/matchengine.v1.Catalog/GetCandidate", "candidate profile", "c1", null)]);
        }
        var (_, stdout, _) = (await Run("audit", "--candidate", "c1", "--limit", "5", "--json", "--data", dir.File("data"))).AssertSucceeded();
        Assert.Equal(
            """{"entries":[{"at":"2026-11-24T09:05:00+00:00","user":"bram","role":"consulent","action":"/matchengine.v1.Catalog/GetCandidate","purpose":"candidate """ +
            """profile","candidate_id":"c1","subject":""" +
            """null},{"at":"2026-11-24T09:00:00+00:00","user":"anna","role":"accountmanager","action":"/matchengine.v1.Match/Shortlist","purpose":"shortlist for """ +
            """vacancy v1","candidate_id":"c1","subject":"v1"}]}""",
            LastLine(stdout));
        var (_, byUser, _) = await Run("audit", "--user", "anna", "--json", "--data", dir.File("data"));
        Assert.Equal(["c2", "c1"], JsonDocument.Parse(LastLine(byUser)).RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("candidate_id").GetString()));
    }

    [Fact]
    public async Task Shortlist_Json_HasTheDocumentedShape()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var vacancy = region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today)).Id;
        var (_, stdout, _) = (await Run("shortlist", "--vacancy", vacancy, "--top", "3", "--json", "--data", dir.File("data"))).AssertSucceeded();
        using var json = JsonDocument.Parse(LastLine(stdout));
        Assert.Equal(vacancy, json.RootElement.GetProperty("vacancy_id").GetString());
        var first = json.RootElement.GetProperty("candidates")[0];
        Assert.True(first.TryGetProperty("candidate_id", out _) && first.TryGetProperty("score", out _) && first.TryGetProperty("reasons", out _) && first.TryGetProperty("gaps", out _));
        Assert.Equal(3, json.RootElement.GetProperty("candidates").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("notice").ValueKind);
    }

    [Fact]
    public async Task Shortlist_ClosedVacancy_SaysSoInTextAndJson()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var closed = region.World.Vacancies.First(v => v.ClosesAt < TrainedRegion.Today.AddMonths(-1)
            && !region.World.MatchEvents.Any(e => e.VacancyId == v.Id && e.Stage == MatchEngine.Engine.Domain.MatchStage.Hired));
        var notice = $"Deze vacature is op {MatchEngine.Engine.Domain.Dutch.Date(closed.ClosesAt!.Value)} gesloten.";
        var (_, text, _) = (await Run("shortlist", "--vacancy", closed.Id, "--top", "2", "--data", dir.File("data"))).AssertSucceeded();
        Assert.Equal($"Let op: {notice}", text.Split('\n')[1]);
        var (_, stdout, _) = (await Run("shortlist", "--vacancy", closed.Id, "--top", "2", "--json", "--data", dir.File("data"))).AssertSucceeded();
        Assert.Equal(notice, JsonDocument.Parse(LastLine(stdout)).RootElement.GetProperty("notice").GetString());
    }

    [Fact]
    public async Task Shortlist_ExcludeWorking_LeavesOutWhoeverTheListNamesAsAtWork()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var vacancy = region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek").Id;
        async Task<(string Id, string[] Gaps)[]> Listed(params string[] extra)
        {
            var (_, stdout, _) = (await Run(["shortlist", "--vacancy", vacancy, "--top", "20", "--json", "--data", dir.File("data"), .. extra])).AssertSucceeded();
            return [.. JsonDocument.Parse(LastLine(stdout)).RootElement.GetProperty("candidates").EnumerateArray()
                .Select(c => (c.GetProperty("candidate_id").GetString()!, c.GetProperty("gaps").EnumerateArray().Select(g => g.GetString()!).ToArray()))];
        }
        var all = await Listed();
        var working = all.Where(c => c.Gaps.Length > 0 && c.Gaps[0].StartsWith("werkt sinds ", StringComparison.Ordinal)).Select(c => c.Id).ToArray();
        Assert.NotEmpty(working);
        var free = await Listed("--exclude-working");
        Assert.Equal(20, free.Length);
        Assert.Empty(free.Select(c => c.Id).Intersect(working));
        Assert.DoesNotContain(free, c => c.Gaps.Any(g => g.StartsWith("werkt ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Shortlist_OpenVacancyWithAPlacementNamingIt_SaysItIsFilledThoughNoMatchEventSaysHired()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var open = region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.Positions == 1
            && !region.World.MatchEvents.Any(e => e.VacancyId == v.Id && e.Stage == MatchEngine.Engine.Domain.MatchStage.Hired)
            && !region.World.Placements.Any(p => p.VacancyId == v.Id));
        async Task<string?> Notice()
        {
            var (_, stdout, _) = (await Run("shortlist", "--vacancy", open.Id, "--top", "2", "--json", "--data", dir.File("data"))).AssertSucceeded();
            return JsonDocument.Parse(LastLine(stdout)).RootElement.GetProperty("notice").GetString();
        }
        Assert.Null(await Notice());
        var day = TrainedRegion.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var catalog = MatchEngine.Engine.Catalog.CatalogService.Open(new DataLayout(dir.File("data")), TimeProvider.System))
            Assert.True(catalog.Upsert(MatchEngine.Engine.Contract.EntityKind.Placement,
                $"{{\"id\":\"p-new\",\"candidate_id\":\"{region.World.Candidates[0].Id}\",\"employer_id\":\"{open.EmployerId}\",\"vacancy_id\":\"{open.Id}\","
                + $"\"start\":\"{day}\",\"hours_per_week\":24,\"contract\":\"temporary\",\"observed_until\":\"{day}\"}}").Accepted);
        Assert.Equal("Deze vacature is vervuld.", await Notice());
    }

    [Fact]
    public async Task Ready_Json_ListsWhoCouldBeReadyFewestWeeksFirstAndNamesTheirJobs()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var logistics = region.World.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek").Take(20).Select(v => v.Id).ToArray();
        var (_, stdout, _) = (await CliRun.RunAsync(new FixedClock(TrainedRegion.Today),
            "ready", "--vacancies", string.Join(",", logistics), "--months", "6", "--top", "50", "--json", "--data", dir.File("data"))).AssertSucceeded();
        using var json = JsonDocument.Parse(LastLine(stdout));
        Assert.Equal(6, json.RootElement.GetProperty("months").GetInt32());
        var ready = json.RootElement.GetProperty("candidates").EnumerateArray().ToArray();
        Assert.NotEmpty(ready);
        Assert.All(ready, r => Assert.Contains(r.GetProperty("vacancy_id").GetString(), logistics));
        var weeks = ready.Select(r => r.GetProperty("total_weeks").GetInt32()).ToArray();
        Assert.Equal(weeks.Order(), weeks);
        var jobs = MatchEngine.Engine.Catalog.CurrentJobs.On(region.World.Placements, TrainedRegion.Today);
        Assert.All(ready, r => Assert.Equal(jobs.Of(r.GetProperty("candidate_id").GetString()!)?.Gap, r.GetProperty("current_job").GetString()));
    }

    [Fact]
    public async Task Shortlist_Text_IsDutchWithAChanceReasonsAndTheRetrievedCount()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var vacancy = region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today)).Id;
        var (_, stdout, _) = (await Run("shortlist", "--vacancy", vacancy, "--top", "2", "--data", dir.File("data"))).AssertSucceeded();
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Matches($@"^Shortlist voor vacature {vacancy} \(model ranker-v\d{{4}}, (\d{{1,3}}|\d{{1,3}}\.\d{{3}}) kandidaten opgehaald\)$", lines[0]);
        Assert.Matches(@"^  1\. \S+  kans op uitnodiging \d{1,3}%  \(score -?\d+,\d{3}\)$", lines[1]);
        Assert.StartsWith("     + ", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortlist_UnknownVacancy_ExitsOneWithAMessage()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var (_, _, stderr) = (await Run("shortlist", "--vacancy", "nope", "--json", "--data", dir.File("data"))).AssertExit(1);
        Assert.Contains("vacature 'nope' bestaat niet", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Json_FindsVacanciesByDutchText()
    {
        using var dir = new TempDirectory();
        region.CopyDataTo(dir.File("data"));
        var (_, stdout, _) = (await Run("search", "heftruckchauffeurs", "--type", "vacancies", "--near", "52.2292,5.1669", "--km", "30", "--top", "5", "--json", "--data",
            dir.File("data"))).AssertSucceeded();
        using var json = JsonDocument.Parse(LastLine(stdout));
        Assert.NotEqual(0, json.RootElement.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task Synth_SameSeedTwice_WritesIdenticalFiles()
    {
        using var dir = new TempDirectory();
        await Run("synth", "--out", dir.File("a"), "--candidates", "100", "--vacancies", "10", "--seed", "9");
        var (_, stdout, _) = (await Run("synth", "--out", dir.File("b"), "--candidates", "100", "--vacancies", "10", "--seed", "9")).AssertSucceeded();
        Assert.Contains("\"candidates\":100", LastLine(stdout), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.File("a"), "placements.jsonl")), File.ReadAllBytes(Path.Combine(dir.File("b"), "placements.jsonl")));
    }

    [Fact]
    public async Task UnknownVerb_ExitsOneWithUsage()
    {
        var (_, _, stderr) = (await Run("frobnicate")).AssertExit(1);
        Assert.Contains("matchengine: onbekende opdracht 'frobnicate'", stderr, StringComparison.Ordinal);
        Assert.Contains("gebruik: matchengine", stderr, StringComparison.Ordinal);
    }
}
