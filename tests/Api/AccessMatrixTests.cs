using System.Collections;
using Google.Protobuf;
using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;
using GrpcStatusCode = Grpc.Core.StatusCode;
using Record = MatchEngine.Api.V1.Record;
using EntityKind = MatchEngine.Api.V1.EntityKind;
using ContractJson = MatchEngine.Engine.Contract.ContractJson;
using SroiService = MatchEngine.Api.V1.Sroi;

namespace MatchEngine.Tests.Api;

/// <summary>
/// The role × region × consent matrix: every gRPC method, called by every role (and by the role combinations
/// <see cref="Caller"/> defines), over a store that holds two regions and candidates without consent. No answer
/// may hold a candidate or placement the caller may not see, direct reads of such records are NOT_FOUND, and
/// no answer holds a protected attribute.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.TwoRegions store) : IClassFixture<AccessMatrixTests.TwoRegions>
{
    /// <summary>Every caller of the matrix: its roles, its token's regions.</summary>
    public static TheoryData<string, string> Callers => new()
    {
        { Roles.Accountmanager, "GV" },
        { Roles.Consulent, "GV" },
        { Roles.SroiMakelaar, "" },
        { Roles.DataScientist, "" },
        { Roles.Admin, "" },
        { Roles.Accountmanager, "" },
        { Roles.Consulent, "" },
        { $"{Roles.Accountmanager}+{Roles.Admin}", "GV" },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryMethod_ForEveryCaller_ShowsOnlyWhatTheCallerMaySee(string roles, string regions)
    {
        var caller = Caller(roles, regions);
        var channel = store.Server.ChannelFor(caller.Roles.ToArray(), caller.Regions.ToArray());
        var called = new HashSet<string>(StringComparer.Ordinal);
        var answers = new List<(string Method, IMessage Answer)>();
        foreach (var probe in store.Probes(channel))
        {
            called.Add(probe.Method);
            var allowed = Allowed(probe.Method, caller);
            var expected = !allowed ? GrpcStatusCode.PermissionDenied : probe.Expect?.Invoke(caller);
            try
            {
                var answer = await probe.Call();
                Assert.True(expected is null or GrpcStatusCode.OK, $"{probe.Method} ({probe.What}) answered {roles}/{regions}, expected {expected}");
                answers.AddRange(answer.Select(a => (probe.Method, a)));
            }
            catch (RpcException e)
            {
                Assert.True(expected == e.StatusCode || expected is null && IsDomainRefusal(e.StatusCode),
                    $"{probe.Method} ({probe.What}) for {roles}/{regions}: {e.StatusCode} '{e.Status.Detail}', expected {expected?.ToString() ?? "an answer"}");
            }
        }

        Assert.Empty(store.AllMethods.Except(called));
        var forbidden = store.ForbiddenFor(caller);
        foreach (var (method, answer) in answers)
        {
            var leaked = Strings(answer).Where(forbidden.Contains).Distinct().ToArray();
            Assert.True(leaked.Length == 0, $"{method} showed {roles}/{regions} records it may not see: {string.Join(", ", leaked.Take(5))}");
            Assert.False(HasProtectedAttributes(answer), $"{method} returned protected attributes to {roles}/{regions}");
        }
        if (caller.SeesCandidates && (!caller.IsRegionScoped || caller.Regions.Count > 0))
            Assert.Contains(answers, a => Strings(a.Answer).Any(store.VisibleCandidateIds(caller).Contains));
    }

    [Fact]
    public async Task Unscoped_Admin_SeesTheOtherRegion_SoTheMatrixCanFail()
    {
        var channel = store.Server.ChannelFor(Roles.Admin);
        var seen = new List<string>();
        foreach (var probe in store.Probes(channel).Where(p => p.Method is "matchengine.v1.Match/Shortlist" or "matchengine.v1.Sroi/Worklist"))
            seen.AddRange((await probe.Call()).SelectMany(Strings));
        Assert.Contains(seen, id => id.StartsWith(TwoRegions.OtherPrefix, StringComparison.Ordinal));
        Assert.Contains(seen, id => id.StartsWith(TwoRegions.OtherPlacementPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SroiCalls_WriteAuditEntries()
    {
        var channel = store.Server.ChannelFor(Roles.SroiMakelaar);
        foreach (var probe in store.Probes(channel).Where(p => p.Method.StartsWith("matchengine.v1.Sroi/", StringComparison.Ordinal)))
        {
            try
            {
                await probe.Call();
            }
            catch (RpcException)
            {
                // Refused claims are audited too; the entries are checked below.
            }
        }
        var entries = (await new Audit.AuditClient(store.Server.Channel).QueryAsync(new AuditQuery { User = $"test-{Roles.SroiMakelaar}" })).Entries;
        Assert.Equal(["ClaimPlacement", "ContractProgress", "FindPlacements", "Worklist"],
            entries.Where(e => e.Action.Contains("v1.Sroi/", StringComparison.Ordinal)).Select(e => e.Action[(e.Action.LastIndexOf('/') + 1)..])
                .Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_AuditsNothingOfTheText()
    {
        var channel = store.Server.ChannelFor(Roles.Accountmanager, "GV");
        await new Catalog.CatalogClient(channel).SearchAsync(new SearchRequest { Kind = EntityKind.Candidate, Text = "Jansen magazijn" });
        var entries = (await new Audit.AuditClient(store.Server.Channel).QueryAsync(new AuditQuery { User = $"test-{Roles.Accountmanager}" })).Entries;
        var search = entries.Where(e => e.Action.EndsWith("/Search", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(search);
        Assert.All(search, e => Assert.Equal(AuditPurposes.CandidateSearch, e.Purpose));
    }

    private static Caller Caller(string roles, string regions) => new("x", roles.Split('+').ToHashSet(StringComparer.Ordinal),
        regions.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));

    /// <summary>Which roles each service's methods admit, as the api declares them.</summary>
    private static bool Allowed(string method, Caller caller)
    {
        var (service, name) = (method.Split('/')[0].Split('.')[^1], method.Split('/')[1]);
        string allowed = (service, name) switch
        {
            ("Catalog", "Upsert" or "UpsertOne" or "Delete") => Roles.Admin,
            ("Catalog", _) => Roles.ReadCatalog,
            ("Match", "RecordOutcome") => Roles.RecordOutcomes,
            ("Match" or "Development", _) => Roles.SeeCandidates,
            ("Risk", _) => Roles.Nazorg,
            ("Audit", _) => Roles.Admin,
            ("Models", _) => Roles.ManageModels,
            ("Sroi", _) => Roles.Sroi,
            _ => throw new InvalidOperationException($"no roles known for {method}"),
        };
        // Calls that reach every region are refused to a caller with a region-scoped role, whatever else it holds.
        if ((service, name) is ("Catalog", "Upsert" or "UpsertOne" or "Delete") or ("Audit", _) && caller.IsRegionScoped) return false;
        return allowed.Split(',').Any(caller.Holds);
    }

    private static bool IsDomainRefusal(GrpcStatusCode code) =>
        code is GrpcStatusCode.NotFound or GrpcStatusCode.InvalidArgument or GrpcStatusCode.FailedPrecondition;

    private static bool HasProtectedAttributes(IMessage message) =>
        message is Record { Candidate: { } c } && c.Protected is not null;

    /// <summary>Every string value anywhere in a message, ids included.</summary>
    internal static IEnumerable<string> Strings(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            switch (value)
            {
                case string s:
                    yield return s;
                    break;
                case IMessage sub:
                    foreach (var x in Strings(sub)) yield return x;
                    break;
                case IDictionary map:
                    foreach (DictionaryEntry e in map)
                    {
                        if (e.Key is string k) yield return k;
                        if (e.Value is string v) yield return v;
                    }
                    break;
                case IEnumerable list:
                    foreach (var item in list)
                    {
                        if (item is string s2) yield return s2;
                        else if (item is IMessage m)
                            foreach (var x in Strings(m)) yield return x;
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// One call of one method, with the status it must give each caller allowed on the method (null: an answer, or a
    /// domain refusal such as FAILED_PRECONDITION for a model that is not trained).
    /// </summary>
    public sealed record Probe(string Method, string What, Func<Task<IReadOnlyList<IMessage>>> Call, Func<Caller, GrpcStatusCode>? Expect = null);

    /// <summary>
    /// The trained region (GV) plus a second region (AM: clones of GV candidates and of their placements, at the same
    /// places, so they compete for the same vacancies), served by one api.
    /// </summary>
    public sealed class TwoRegions : IAsyncLifetime
    {
        public const string OtherPrefix = "am-";
        public const string OtherPlacementPrefix = "pam-";
        private readonly TrainedRegion _region = new();

        public ApiServer Server { get; private set; } = null!;

        private HashSet<string> _withoutConsent = null!;
        private HashSet<string> _otherRegion = null!;
        private HashSet<string> _gvCandidates = null!;

        /// <summary>The fully qualified names of every method of every service the matrix covers (a convention test checks the api serves no other).</summary>
        public static IReadOnlyList<string> Methods { get; } =
            new[] { Catalog.Descriptor, Match.Descriptor, Development.Descriptor, MatchEngine.Api.V1.Risk.Descriptor, Audit.Descriptor, MatchEngine.Api.V1.Models.Descriptor, SroiService.Descriptor }
                .SelectMany(s => s.Methods.Select(m => $"{s.FullName}/{m.Name}")).ToArray();

        /// <summary>See <see cref="Methods"/>.</summary>
        public IReadOnlyList<string> AllMethods => Methods;

        public async Task InitializeAsync()
        {
            var world = _region.World;
            var placed = world.Placements.Select(p => p.CandidateId).ToHashSet(StringComparer.Ordinal);
            var originals = world.Candidates.Where(c => c.ConsentMatching).OrderBy(c => placed.Contains(c.Id) ? 0 : 1).ThenBy(c => c.Id, StringComparer.Ordinal).Take(400).ToArray();
            var clones = originals.Select(c => c with { Id = OtherPrefix + c.Id, Region = "AM" }).ToArray();
            var cloned = originals.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var clonePlacements = world.Placements.Where(p => cloned.Contains(p.CandidateId))
                .Select(p => p with { Id = OtherPlacementPrefix + p.Id, CandidateId = OtherPrefix + p.CandidateId }).ToArray();
            var withoutConsent = world.Candidates.Where(c => !c.ConsentMatching).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            _withoutConsent = [.. withoutConsent, .. world.Placements.Where(p => withoutConsent.Contains(p.CandidateId)).Select(p => p.Id)];
            _otherRegion = [.. clones.Select(c => c.Id), .. clonePlacements.Select(p => p.Id)];
            _gvCandidates = world.Candidates.Where(c => c.ConsentMatching).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(clonePlacements);
            Assert.Contains(world.Placements, p => withoutConsent.Contains(p.CandidateId));

            Server = await ApiServer.StartAsync(prepareData: data =>
            {
                _region.CopyDataTo(data);
                using var folder = new TempDirectory();
                File.WriteAllLines(folder.File("candidates.jsonl"), clones.Select(c => ContractJson.Serialize(c)));
                File.WriteAllLines(folder.File("placements.jsonl"), clonePlacements.Select(p => ContractJson.Serialize(p)));
                using var catalog = CatalogService.Open(new Engine.DataLayout(data), TimeProvider.System);
                var imported = new FolderImporter(catalog.Store, catalog.Validator).Import(folder.Path);
                Assert.Equal(0, imported.RejectedLines);
                catalog.SyncIndex();
            }, clock: new FixedClock(TrainedRegion.Today));
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            _region.Dispose();
        }

        /// <summary>Ids the caller must never see: candidates without consent and their placements always; the other region's when scoped to GV; all when the caller sees no region.</summary>
        public IReadOnlySet<string> ForbiddenFor(Caller caller)
        {
            var forbidden = new HashSet<string>(_withoutConsent, StringComparer.Ordinal);
            if (caller.IsRegionScoped) forbidden.UnionWith(_otherRegion);
            if (caller.IsRegionScoped && caller.Regions.Count == 0) forbidden.UnionWith(_gvCandidates);
            return forbidden;
        }

        /// <summary>Candidate ids the caller may see (a positive control: the matrix checks it sees some).</summary>
        public IReadOnlySet<string> VisibleCandidateIds(Caller caller) =>
            caller.IsRegionScoped ? _gvCandidates : [.. _gvCandidates, .. _otherRegion.Where(id => id.StartsWith(OtherPrefix, StringComparison.Ordinal))];

        /// <summary>The calls the matrix makes, over every method.</summary>
        public IEnumerable<Probe> Probes(Grpc.Net.Client.GrpcChannel channel)
        {
            var world = _region.World;
            var today = TrainedRegion.Today.ToString("yyyy-MM-dd");
            var catalog = new Catalog.CatalogClient(channel);
            var match = new Match.MatchClient(channel);
            var development = new Development.DevelopmentClient(channel);
            var risk = new MatchEngine.Api.V1.Risk.RiskClient(channel);
            var audit = new Audit.AuditClient(channel);
            var models = new MatchEngine.Api.V1.Models.ModelsClient(channel);
            var sroi = new SroiService.SroiClient(channel);
            var open = world.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today)).OrderBy(v => v.Id, StringComparer.Ordinal).Take(6).Select(v => v.Id).ToArray();
            var visible = world.Candidates.First(c => c.ConsentMatching).Id;
            var noConsent = world.Candidates.First(c => !c.ConsentMatching).Id;
            var other = _otherRegion.First(id => id.StartsWith(OtherPrefix, StringComparison.Ordinal));
            var otherPlacement = _otherRegion.First(id => id.StartsWith(OtherPlacementPrefix, StringComparison.Ordinal));
            var noConsentPlacement = world.Placements.First(p => _withoutConsent.Contains(p.CandidateId)).Id;
            var carvable = world.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.OpenToJobcarving && v.Tasks.Count > 0);

            static Func<Task<IReadOnlyList<IMessage>>> One<T>(Func<AsyncUnaryCall<T>> call) where T : IMessage => async () => [await call().ResponseAsync];

            // A server that refuses a streaming call may end it before the client has written: the write then fails
            // (as Cancelled, depending on timing) and the refusal's own status comes with the response stream, read next.
            static async Task Send<T>(IClientStreamWriter<T> stream, T message)
            {
                try
                {
                    await stream.WriteAsync(message);
                    await stream.CompleteAsync();
                }
                catch (RpcException)
                {
                }
                catch (InvalidOperationException)
                {
                }
            }
            static GrpcStatusCode NotFoundUnlessBlind(Caller c) => c.SeesCandidates ? GrpcStatusCode.NotFound : GrpcStatusCode.PermissionDenied;
            GrpcStatusCode HiddenOther(Caller c) => !c.SeesCandidates ? GrpcStatusCode.PermissionDenied : c.IsRegionScoped ? GrpcStatusCode.NotFound : GrpcStatusCode.OK;

            // Catalog
            yield return new("matchengine.v1.Catalog/Upsert", "a vacancy through the stream", async () =>
            {
                using var call = catalog.Upsert();
                await Send(call.RequestStream, new Record { Vacancy = Google.Protobuf.JsonParser.Default.Parse<Vacancy>(ContractJson.Serialize(world.Vacancies[0])) });
                var results = new List<IMessage>();
                await foreach (var r in call.ResponseStream.ReadAllAsync()) results.Add(r);
                return results;
            });
            yield return new("matchengine.v1.Catalog/UpsertOne", "a vacancy", One(() => catalog.UpsertOneAsync(
                new Record { Vacancy = Google.Protobuf.JsonParser.Default.Parse<Vacancy>(ContractJson.Serialize(world.Vacancies[0])) })));
            yield return new("matchengine.v1.Catalog/Delete", "an unknown employer", async () =>
            {
                using var call = catalog.Delete();
                await Send(call.RequestStream, new RecordRef { Kind = EntityKind.Employer, Id = "e-none" });
                var results = new List<IMessage>();
                await foreach (var r in call.ResponseStream.ReadAllAsync()) results.Add(r);
                return results;
            });
            yield return new("matchengine.v1.Catalog/Get", "a vacancy", One(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = open[0] })));
            yield return new("matchengine.v1.Catalog/Get", "a visible candidate", One(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = visible })),
                c => !c.SeesCandidates ? GrpcStatusCode.PermissionDenied : c.IsRegionScoped && c.Regions.Count == 0 ? GrpcStatusCode.NotFound : GrpcStatusCode.OK);
            yield return new("matchengine.v1.Catalog/Get", "a candidate without consent", One(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = noConsent })),
                NotFoundUnlessBlind);
            yield return new("matchengine.v1.Catalog/Get", "a candidate of another region", One(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = other })), HiddenOther);
            yield return new("matchengine.v1.Catalog/Get", "a placement of another region", One(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Placement, Id = otherPlacement })),
                HiddenOther);
            yield return new("matchengine.v1.Catalog/Get", "a placement without consent", One(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Placement, Id = noConsentPlacement })),
                NotFoundUnlessBlind);
            yield return new("matchengine.v1.Catalog/Search", "candidates", One(() => catalog.SearchAsync(new SearchRequest { Kind = EntityKind.Candidate, Text = "magazijn logistiek", Top = 1000 })),
                c => c.SeesCandidates ? GrpcStatusCode.OK : GrpcStatusCode.PermissionDenied);
            yield return new("matchengine.v1.Catalog/Search", "candidates of region AM", One(() => catalog.SearchAsync(new SearchRequest { Kind = EntityKind.Candidate, Text = "magazijn",
                Region = "AM" })),
                c => !c.SeesCandidates || c.IsRegionScoped ? GrpcStatusCode.PermissionDenied : GrpcStatusCode.OK);

            // Match
            foreach (var v in open)
                yield return new("matchengine.v1.Match/Shortlist", $"vacancy {v}", One(() => match.ShortlistAsync(new ShortlistRequest { VacancyId = v, Top = 100 })));
            yield return new("matchengine.v1.Match/RecommendVacancies", "a visible candidate", One(() => match.RecommendVacanciesAsync(new RecommendVacanciesRequest { CandidateId = visible })),
                c => c.IsRegionScoped && c.Regions.Count == 0 ? GrpcStatusCode.NotFound : GrpcStatusCode.OK);
            yield return new("matchengine.v1.Match/RecommendVacancies", "a candidate of another region",
                One(() => match.RecommendVacanciesAsync(new RecommendVacanciesRequest { CandidateId = other })), HiddenOther);
            yield return new("matchengine.v1.Match/RecommendVacancies", "a candidate without consent",
                One(() => match.RecommendVacanciesAsync(new RecommendVacanciesRequest { CandidateId = noConsent })), NotFoundUnlessBlind);
            yield return new("matchengine.v1.Match/RecordOutcome", "a candidate of another region", One(() => match.RecordOutcomeAsync(new RecordOutcomeRequest { VacancyId = open[0],
                CandidateId = other, Stage = "proposed" })), HiddenOther);
            yield return new("matchengine.v1.Match/RecordOutcome", "a candidate without consent", One(() => match.RecordOutcomeAsync(new RecordOutcomeRequest { VacancyId = open[0],
                CandidateId = noConsent, Stage = "proposed" })), NotFoundUnlessBlind);

            // Development
            yield return new("matchengine.v1.Development/CarveJobs", "an employer", One(() => development.CarveJobsAsync(new CarveJobsRequest { EmployerId = carvable.EmployerId, AsOf = today,
                CandidatesPerRole = 20 })));
            yield return new("matchengine.v1.Development/CarveJobs", "a vacancy", One(() => development.CarveJobsAsync(new CarveJobsRequest { VacancyId = carvable.Id, CandidatesPerRole = 20 })));
            yield return new("matchengine.v1.Development/CarveJobs", "for a candidate of another region", One(() => development.CarveJobsAsync(new CarveJobsRequest { VacancyId = carvable.Id,
                CandidateId = other })), HiddenOther);
            yield return new("matchengine.v1.Development/CarvedRolesForCandidate", "a candidate without consent",
                One(() => development.CarvedRolesForCandidateAsync(new CarvedRolesForCandidateRequest { CandidateId = noConsent })), NotFoundUnlessBlind);
            yield return new("matchengine.v1.Development/CarvedRolesForCandidate", "a candidate of another region",
                One(() => development.CarvedRolesForCandidateAsync(new CarvedRolesForCandidateRequest { CandidateId = other, AsOf = today })), HiddenOther);
            yield return new("matchengine.v1.Development/LeerwerkRoutes", "a candidate of another region", One(() => development.LeerwerkRoutesAsync(new LeerwerkRoutesRequest { CandidateId = other,
                VacancyId = open[0] })), HiddenOther);
            yield return new("matchengine.v1.Development/LeerwerkRoutes", "a candidate without consent", One(() => development.LeerwerkRoutesAsync(new LeerwerkRoutesRequest { CandidateId = noConsent,
                VacancyId = open[0] })), NotFoundUnlessBlind);
            yield return new("matchengine.v1.Development/ReadyWithin", "the open vacancies", One(() => development.ReadyWithinAsync(new ReadyWithinRequest { VacancyIds = { open }, Months = 12,
                Top = 200 })));
            static GrpcStatusCode VisibleUnlessNoRegion(Caller c) => c.IsRegionScoped && c.Regions.Count == 0 ? GrpcStatusCode.NotFound : GrpcStatusCode.OK;
            yield return new("matchengine.v1.Development/WhatHelps", "a visible candidate", One(() => development.WhatHelpsAsync(new WhatHelpsRequest { CandidateId = visible, VacancyId = open[0] })),
                VisibleUnlessNoRegion);
            yield return new("matchengine.v1.Development/WhatHelps", "a candidate of another region", One(() => development.WhatHelpsAsync(new WhatHelpsRequest { CandidateId = other,
                VacancyId = open[0] })), HiddenOther);
            yield return new("matchengine.v1.Development/WhatHelps", "a candidate without consent", One(() => development.WhatHelpsAsync(new WhatHelpsRequest { CandidateId = noConsent,
                VacancyId = open[0] })), NotFoundUnlessBlind);
            yield return new("matchengine.v1.Development/DevelopmentPlan", "a visible candidate", One(() => development.DevelopmentPlanAsync(new DevelopmentPlanRequest { CandidateId = visible,
                AsOf = today })), VisibleUnlessNoRegion);
            yield return new("matchengine.v1.Development/DevelopmentPlan", "a candidate of another region",
                One(() => development.DevelopmentPlanAsync(new DevelopmentPlanRequest { CandidateId = other, AsOf = today })), HiddenOther);
            yield return new("matchengine.v1.Development/TrainingNeeds", "region GV", One(() => development.TrainingNeedsAsync(new TrainingNeedsRequest { Region = "GV", AsOf = today })),
                c => !c.SeesCandidates || c.IsRegionScoped && !c.Regions.Contains("GV") ? GrpcStatusCode.PermissionDenied : GrpcStatusCode.OK);
            yield return new("matchengine.v1.Development/TrainingNeeds", "region AM", One(() => development.TrainingNeedsAsync(new TrainingNeedsRequest { Region = "AM", AsOf = today })),
                c => !c.SeesCandidates || c.IsRegionScoped ? GrpcStatusCode.PermissionDenied : GrpcStatusCode.OK);

            // Risk
            yield return new("matchengine.v1.Risk/ScoreHerinstroom", "a placement of another region",
                One(() => risk.ScoreHerinstroomAsync(new ScoreHerinstroomRequest { PlacementId = otherPlacement })),
                c => c.IsRegionScoped ? GrpcStatusCode.NotFound : GrpcStatusCode.FailedPrecondition);
            yield return new("matchengine.v1.Risk/ScoreHerinstroom", "a placement without consent",
                One(() => risk.ScoreHerinstroomAsync(new ScoreHerinstroomRequest { PlacementId = noConsentPlacement })), NotFoundUnlessBlind);
            yield return new("matchengine.v1.Risk/NazorgWorklist", "region AM", One(() => risk.NazorgWorklistAsync(new NazorgWorklistRequest { Region = "AM", AsOf = today, Capacity = 50 })),
                c => c.IsRegionScoped ? GrpcStatusCode.PermissionDenied : GrpcStatusCode.FailedPrecondition);

            // Audit
            yield return new("matchengine.v1.Audit/Query", "the admin's own calls", One(() => audit.QueryAsync(new AuditQuery { User = "test-admin" })));

            // Models: no candidate data; the matrix checks who may call them
            yield return new("matchengine.v1.Models/List", "all", One(() => models.ListAsync(new ListModelsRequest())));
            yield return new("matchengine.v1.Models/Train", "an unknown model", One(() => models.TrainAsync(new TrainRequest { Name = "none" })), _ => GrpcStatusCode.InvalidArgument);
            yield return new("matchengine.v1.Models/Promote", "an unknown version", One(() => models.PromoteAsync(new PromoteRequest { Version = "ranker-v0999", Reason = "x" })),
                _ => GrpcStatusCode.NotFound);
            yield return new("matchengine.v1.Models/Rollback", "leerwerk (never promoted twice)", One(() => models.RollbackAsync(new RollbackRequest { Name = "leerwerk" })),
                _ => GrpcStatusCode.FailedPrecondition);
            yield return new("matchengine.v1.Models/Evaluate", "an unknown version", One(() => models.EvaluateAsync(new EvaluateRequest { Version = "ranker-v0999" })), _ => GrpcStatusCode.NotFound);
            yield return new("matchengine.v1.Models/GetFairnessPolicy", "the policy", One(() => models.GetFairnessPolicyAsync(new GetFairnessPolicyRequest())));
            yield return new("matchengine.v1.Models/SetFairnessThreshold", "without a reason", One(() => models.SetFairnessThresholdAsync(new SetFairnessThresholdRequest { Threshold = 0 })),
                _ => GrpcStatusCode.InvalidArgument);

            // Sroi
            yield return new("matchengine.v1.Sroi/Worklist", "today", One(() => sroi.WorklistAsync(new WorklistRequest { AsOf = today })));
            foreach (var contract in world.SroiContracts.OrderBy(c => c.Id, StringComparer.Ordinal).Take(8))
            {
                yield return new("matchengine.v1.Sroi/ContractProgress", contract.Id, One(() => sroi.ContractProgressAsync(new ContractProgressRequest { ContractId = contract.Id, AsOf = today })));
                yield return new("matchengine.v1.Sroi/FindPlacements", contract.Id, One(() => sroi.FindPlacementsAsync(new FindPlacementsRequest { ContractId = contract.Id, AsOf = today,
                    Top = 20 })));
            }
            var otherEmployer = world.Placements.First(p => OtherPlacementPrefix + p.Id == otherPlacement).EmployerId;
            var contractOfOther = world.SroiContracts.First(c => c.EmployerId != otherEmployer).Id;
            yield return new("matchengine.v1.Sroi/ClaimPlacement", "a placement of another region", One(() => sroi.ClaimPlacementAsync(new ClaimPlacementRequest { ContractId = contractOfOther,
                PlacementId = otherPlacement })),
                c => c.IsRegionScoped ? GrpcStatusCode.NotFound : GrpcStatusCode.FailedPrecondition);
            yield return new("matchengine.v1.Sroi/ClaimPlacement", "a placement without consent", One(() => sroi.ClaimPlacementAsync(new ClaimPlacementRequest { ContractId = contractOfOther,
                PlacementId = noConsentPlacement })), NotFoundUnlessBlind);
        }
    }
}
