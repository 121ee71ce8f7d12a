using MatchEngine.Engine.Access;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using MatchEngine.Api.Security;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Support;
using GrpcStatusCode = Grpc.Core.StatusCode;
using Record = MatchEngine.Api.V1.Record;

namespace MatchEngine.Tests.Api;

public sealed class AccessControlTests(TrainedRegion region) : IClassFixture<TrainedRegion>, IAsyncLifetime
{
    private const string ServiceKey = "feed-key-0123456789";
    private ApiServer _server = null!;

    public async Task InitializeAsync()
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ServiceKey)));
        _server = await ApiServer.StartAsync(prepareData: region.CopyDataTo, clock: new FixedClock(TrainedRegion.Today), settings: new Dictionary<string, string?>
        {
            ["MatchEngine:Auth:ApiKeys:0:Name"] = "uwv-feed",
            ["MatchEngine:Auth:ApiKeys:0:KeySha256"] = hash,
            ["MatchEngine:Auth:ApiKeys:0:Role"] = Roles.Admin,
        });
        // One candidate in another region, to test scoping.
        var other = region.World.Candidates.First(c => c.ConsentMatching);
        var json = Engine.Contract.ContractJson.Serialize(other with { Id = "c-elsewhere", Region = "AM" });
        var parser = new Google.Protobuf.JsonParser(Google.Protobuf.JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
        await new Catalog.CatalogClient(_server.Channel).UpsertOneAsync(new Record { Candidate = parser.Parse<Candidate>(json) });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string OpenVacancy() => region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek").Id;

    private static async Task<GrpcStatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return GrpcStatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    [Fact]
    public async Task EveryService_WithoutCredentials_IsUnauthenticatedButHealthAnswers()
    {
        var anonymous = _server.AnonymousChannel();
        Assert.Equal(GrpcStatusCode.Unauthenticated, await StatusOf(() => new Catalog.CatalogClient(anonymous).SearchAsync(new SearchRequest { Kind = EntityKind.Vacancy }).ResponseAsync));
        Assert.Equal(GrpcStatusCode.Unauthenticated, await StatusOf(() => new Match.MatchClient(anonymous).ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy() }).ResponseAsync));
        Assert.Equal(GrpcStatusCode.Unauthenticated, await StatusOf(() => new Development.DevelopmentClient(anonymous).LeerwerkRoutesAsync(new LeerwerkRoutesRequest()).ResponseAsync));
        Assert.Equal(GrpcStatusCode.Unauthenticated, await StatusOf(() => new MatchEngine.Api.V1.Risk.RiskClient(anonymous).NazorgWorklistAsync(new NazorgWorklistRequest()).ResponseAsync));
        Assert.Equal(GrpcStatusCode.Unauthenticated, await StatusOf(() => new Audit.AuditClient(anonymous).QueryAsync(new AuditQuery { User = "x" }).ResponseAsync));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest())).Status);
    }

    [Fact]
    public async Task ApiKey_ServiceAccount_IsAuthenticatedWithItsRole()
    {
        Assert.Equal(GrpcStatusCode.OK, await StatusOf(() => new Catalog.CatalogClient(_server.ApiKeyChannel(ServiceKey)).GetAsync(new RecordRef { Kind = EntityKind.Vacancy,
            Id = OpenVacancy() }).ResponseAsync));
        Assert.Equal(GrpcStatusCode.Unauthenticated, await StatusOf(() => new Catalog.CatalogClient(_server.ApiKeyChannel("wrong")).GetAsync(new RecordRef { Kind = EntityKind.Vacancy,
            Id = OpenVacancy() }).ResponseAsync));
    }

    [Fact]
    public async Task Refusals_BeforeTheMethod_AreGrpcStatusesWithDutchMessages()
    {
        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            new Match.MatchClient(_server.AnonymousChannel()).ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy() }).ResponseAsync);
        Assert.Equal((GrpcStatusCode.Unauthenticated, "niet aangemeld: geef een token (Authorization: Bearer …) of een api-sleutel (x-api-key) mee"),
            (anonymous.StatusCode, anonymous.Status.Detail));
        var forged = await Assert.ThrowsAsync<RpcException>(() =>
            new Match.MatchClient(_server.BearerChannel(_server.TokenFor(Roles.Accountmanager, "GV") + "x")).ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy() }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.Unauthenticated, forged.StatusCode);
        Assert.StartsWith("uw token of api-sleutel wordt niet aanvaard", forged.Status.Detail);
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            new Audit.AuditClient(_server.ChannelFor(Roles.DataScientist)).QueryAsync(new AuditQuery { User = "x" }).ResponseAsync);
        Assert.Equal((GrpcStatusCode.PermissionDenied, "uw rol data-scientist mag Audit/Query niet aanroepen"), (denied.StatusCode, denied.Status.Detail));
    }

    [Fact]
    public async Task Token_WithoutAUser_IsUnauthenticatedAndReadsNothing()
    {
        var candidate = region.World.Candidates.First(c => c.ConsentMatching && c.Region == "GV").Id;
        var client = new Catalog.CatalogClient(_server.BearerChannel(_server.TokenForUser("", Roles.Accountmanager, "GV")));
        var e = await Assert.ThrowsAsync<RpcException>(() => client.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = candidate }).ResponseAsync);
        Assert.Equal((GrpcStatusCode.Unauthenticated, "uw token noemt geen gebruiker (sub); de audittrail moet weten wie vraagt"), (e.StatusCode, e.Status.Detail));
        var trail = await new Audit.AuditClient(_server.Channel).QueryAsync(new AuditQuery { CandidateId = candidate });
        Assert.DoesNotContain(trail.Entries, entry => entry.User is "" or "unknown");
    }

    [Theory]
    [InlineData(Roles.Accountmanager, true)]
    [InlineData(Roles.Consulent, true)]
    [InlineData(Roles.SroiMakelaar, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.DataScientist, false)]
    public async Task Shortlist_ByRole_AllowedOrPermissionDenied(string role, bool allowed)
    {
        var client = new Match.MatchClient(_server.ChannelFor(role, "GV"));
        var status = await StatusOf(() => client.ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy(), Top = 5 }).ResponseAsync);
        Assert.Equal(allowed ? GrpcStatusCode.OK : GrpcStatusCode.PermissionDenied, status);
    }

    [Theory]
    [InlineData(Roles.Accountmanager, true)]
    [InlineData(Roles.Consulent, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.SroiMakelaar, false)]
    [InlineData(Roles.DataScientist, false)]
    public async Task NazorgWorklist_ByRole_AllowedOrPermissionDenied(string role, bool allowed)
    {
        var client = new MatchEngine.Api.V1.Risk.RiskClient(_server.ChannelFor(role, "GV"));
        var status = await StatusOf(() => client.NazorgWorklistAsync(new NazorgWorklistRequest { Region = "GV", AsOf = "2025-06-30", Capacity = 3 }).ResponseAsync);
        // No herinstroom model is trained in this region: an allowed caller reaches the engine and gets FAILED_PRECONDITION.
        Assert.Equal(allowed ? GrpcStatusCode.FailedPrecondition : GrpcStatusCode.PermissionDenied, status);
    }

    [Theory]
    [InlineData(Roles.Admin, GrpcStatusCode.OK)]
    [InlineData(Roles.Accountmanager, GrpcStatusCode.PermissionDenied)]
    [InlineData(Roles.DataScientist, GrpcStatusCode.PermissionDenied)]
    [InlineData(Roles.SroiMakelaar, GrpcStatusCode.PermissionDenied)]
    public async Task CatalogWrites_OnlyAdmin(string role, GrpcStatusCode expected)
    {
        var client = new Catalog.CatalogClient(_server.ChannelFor(role, "GV"));
        var employer = (await new Catalog.CatalogClient(_server.Channel).GetAsync(new RecordRef { Kind = EntityKind.Employer, Id = region.World.Employers[0].Id })).Employer;
        Assert.Equal(expected, await StatusOf(() => client.UpsertOneAsync(new Record { Employer = employer }).ResponseAsync));
    }

    [Fact]
    public async Task Accountmanager_NeverSeesAnotherRegionsCandidates()
    {
        var channel = _server.ChannelFor(Roles.Accountmanager, "GV");
        var catalog = new Catalog.CatalogClient(channel);
        Assert.Equal(GrpcStatusCode.NotFound, await StatusOf(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = "c-elsewhere" }).ResponseAsync));
        Assert.Equal(GrpcStatusCode.NotFound, await StatusOf(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = "c-does-not-exist" }).ResponseAsync));
        Assert.Equal(GrpcStatusCode.PermissionDenied, await StatusOf(() => catalog.SearchAsync(new SearchRequest { Kind = EntityKind.Candidate, Region = "AM" }).ResponseAsync));
        var hits = await catalog.SearchAsync(new SearchRequest { Kind = EntityKind.Candidate, Top = 1000 });
        Assert.DoesNotContain(hits.Hits, h => h.Id == "c-elsewhere");
        var shortlist = await new Match.MatchClient(channel).ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy(), Top = 200 });
        Assert.DoesNotContain(shortlist.Candidates, c => c.CandidateId == "c-elsewhere");
        Assert.Equal(GrpcStatusCode.PermissionDenied, await StatusOf(() => new Match.MatchClient(channel)
            .ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy(), Filters = new ShortlistFilters { Region = "AM" } }).ResponseAsync));
    }

    [Fact]
    public async Task DataScientist_SeesVacanciesButNoCandidateRecords()
    {
        var catalog = new Catalog.CatalogClient(_server.ChannelFor(Roles.DataScientist));
        Assert.Equal(GrpcStatusCode.OK, await StatusOf(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = OpenVacancy() }).ResponseAsync));
        var candidate = region.World.Candidates.First(c => c.ConsentMatching).Id;
        Assert.Equal(GrpcStatusCode.PermissionDenied, await StatusOf(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = candidate }).ResponseAsync));
        Assert.Equal(GrpcStatusCode.PermissionDenied, await StatusOf(() => catalog.SearchAsync(new SearchRequest { Kind = EntityKind.Candidate }).ResponseAsync));
    }

    [Fact]
    public async Task Shortlist_IsAuditedPerCandidateAndQueryableByTheAdmin()
    {
        var shortlist = await new Match.MatchClient(_server.ChannelFor(Roles.Accountmanager, "GV")).ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy(), Top = 3 });
        var audit = new Audit.AuditClient(_server.Channel);
        var byUser = await audit.QueryAsync(new AuditQuery { User = "test-accountmanager" });
        Assert.Superset(shortlist.Candidates.Select(c => c.CandidateId).ToHashSet(), byUser.Entries.Select(e => e.CandidateId).ToHashSet());
        var byCandidate = await audit.QueryAsync(new AuditQuery { CandidateId = shortlist.Candidates[0].CandidateId });
        Assert.Contains(byCandidate.Entries, e => e.Role == Roles.Accountmanager && e.Action.EndsWith("/Shortlist", StringComparison.Ordinal) && e.Subject == OpenVacancy());
        Assert.Equal(GrpcStatusCode.PermissionDenied, await StatusOf(() => new Audit.AuditClient(_server.ChannelFor(Roles.Accountmanager,
            "GV")).QueryAsync(new AuditQuery { User = "x" }).ResponseAsync));
    }

    [Fact]
    public async Task DeleteCandidate_ErasesRecordIndexHistoryButAuditKeepsThePseudonym()
    {
        var admin = _server.Channel;
        var victim = region.World.MatchEvents.First(e => region.World.Candidates.Single(c => c.Id == e.CandidateId).ConsentMatching).CandidateId;
        await new Catalog.CatalogClient(admin).GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = victim });
        using (var call = new Catalog.CatalogClient(admin).Delete())
        {
            await call.RequestStream.WriteAsync(new RecordRef { Kind = EntityKind.Candidate, Id = victim });
            await call.RequestStream.CompleteAsync();
            Assert.True((await call.ResponseStream.ReadAllAsync().SingleAsync()).Deleted);
        }
        Assert.Equal(GrpcStatusCode.NotFound, await StatusOf(() => new Catalog.CatalogClient(admin).GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = victim }).ResponseAsync));
        var catalog = _server.Services.GetService(typeof(Engine.Catalog.CatalogService)) as Engine.Catalog.CatalogService;
        Assert.DoesNotContain(catalog!.Store.MatchEvents(), e => e.CandidateId == victim);
        Assert.DoesNotContain(catalog.Store.Placements(), p => p.CandidateId == victim);
        Assert.NotEmpty((await new Audit.AuditClient(admin).QueryAsync(new AuditQuery { CandidateId = victim })).Entries);
    }

    /// <summary>Every role against one read call of every service: allowed (the engine answers, possibly with a domain error) or PERMISSION_DENIED.</summary>
    [Theory]
    [InlineData(Roles.Accountmanager, "Catalog,Match,Development,Risk,Sroi")]
    [InlineData(Roles.Consulent, "Catalog,Match,Development,Risk")]
    [InlineData(Roles.SroiMakelaar, "Catalog,Match,Development,Sroi")]
    [InlineData(Roles.DataScientist, "Catalog,Models")]
    [InlineData(Roles.Admin, "Catalog,Match,Development,Risk,Sroi,Audit,Models")]
    public async Task EveryService_EveryRole_AllowedExactlyWhereTheRoleSays(string role, string allowed)
    {
        var channel = _server.ChannelFor(role, "GV");
        var calls = new Dictionary<string, Func<Task>>
        {
            ["Catalog"] = () => new Catalog.CatalogClient(channel).GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = OpenVacancy() }).ResponseAsync,
            ["Match"] = () => new Match.MatchClient(channel).ShortlistAsync(new ShortlistRequest { VacancyId = OpenVacancy(), Top = 1 }).ResponseAsync,
            ["Development"] = () => new Development.DevelopmentClient(channel).CarveJobsAsync(new CarveJobsRequest { VacancyId = OpenVacancy(), CandidatesPerRole = 0 }).ResponseAsync,
            ["Risk"] = () => new MatchEngine.Api.V1.Risk.RiskClient(channel).NazorgWorklistAsync(new NazorgWorklistRequest { Region = "GV", AsOf = "2025-06-30", Capacity = 1 }).ResponseAsync,
            ["Sroi"] = () => new MatchEngine.Api.V1.Sroi.SroiClient(channel).WorklistAsync(new WorklistRequest { AsOf = "2025-06-30" }).ResponseAsync,
            ["Audit"] = () => new Audit.AuditClient(channel).QueryAsync(new AuditQuery { User = "nobody" }).ResponseAsync,
            ["Models"] = () => new MatchEngine.Api.V1.Models.ModelsClient(channel).ListAsync(new ListModelsRequest()).ResponseAsync,
        };
        var permitted = allowed.Split(',').ToHashSet();
        foreach (var (service, call) in calls)
        {
            var status = await StatusOf(call);
            if (permitted.Contains(service)) Assert.True(status is not (GrpcStatusCode.PermissionDenied or GrpcStatusCode.Unauthenticated), $"{role} refused by {service}: {status}");
            else Assert.True(status == GrpcStatusCode.PermissionDenied, $"{role} reached {service}: {status}");
        }
    }
}
