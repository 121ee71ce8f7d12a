using Google.Rpc;
using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Support;
using GrpcStatusCode = Grpc.Core.StatusCode;

namespace MatchEngine.Tests.Api;

/// <summary>Arguments that parse but mean nothing: each is INVALID_ARGUMENT naming its field, never an empty OK.</summary>
public sealed class ArgumentChecksTests : IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<BadRequest.Types.FieldViolation> InvalidAsync<T>(AsyncUnaryCall<T> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, e.StatusCode);
        return e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single();
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(double.PositiveInfinity)]
    public async Task Search_KmNotAPositiveNumber_IsInvalidArgument(double km)
    {
        var catalog = new Catalog.CatalogClient(_server.Channel);
        var violation = await InvalidAsync(catalog.SearchAsync(new SearchRequest { Kind = EntityKind.Vacancy, Text = "heftruck", NearLat = 52.2, NearLon = 5.2, Km = km }));
        Assert.Equal("km", violation.Field);
    }

    [Fact]
    public async Task Search_NearLatWithoutNearLon_NamesBothFields()
    {
        var catalog = new Catalog.CatalogClient(_server.Channel);
        var violation = await InvalidAsync(catalog.SearchAsync(new SearchRequest { Kind = EntityKind.Vacancy, Text = "heftruck", NearLat = 52.2, Km = 5 }));
        Assert.Equal("near_lon", violation.Field);
        Assert.Contains("near_lat", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public async Task ReadyWithin_TopOutOfRange_IsInvalidArgumentWithTheRange(int top)
    {
        var development = new Development.DevelopmentClient(_server.Channel);
        var violation = await InvalidAsync(development.ReadyWithinAsync(new ReadyWithinRequest { VacancyIds = { "v-1" }, Months = 6, Top = top }));
        Assert.Equal("top", violation.Field);
        Assert.Contains("moet 1–1.000 zijn, niet", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionNoCandidateLivesIn_ShortlistAndNazorgWorklist_AreInvalidArgumentNamingTheRegionField()
    {
        var match = new Match.MatchClient(_server.Channel);
        var shortlist = await InvalidAsync(match.ShortlistAsync(new ShortlistRequest { VacancyId = "v-1", Filters = new ShortlistFilters { Region = "XX" } }));
        Assert.Equal("filters.region", shortlist.Field);
        Assert.StartsWith("'XX' is onbekend: ", shortlist.Description, StringComparison.Ordinal);
        var risk = new MatchEngine.Api.V1.Risk.RiskClient(_server.Channel);
        var worklist = await InvalidAsync(risk.NazorgWorklistAsync(new NazorgWorklistRequest { Region = "XX", Capacity = 5, AsOf = "2025-06-30" }));
        Assert.Equal("region", worklist.Field);
    }

    [Fact]
    public async Task BlankRequiredId_Shortlist_Recommend_RecordOutcome_Get_AreInvalidArgumentNamingTheFieldNotNotFound()
    {
        var match = new Match.MatchClient(_server.Channel);
        Assert.Equal("vacancy_id", (await InvalidAsync(match.ShortlistAsync(new ShortlistRequest { VacancyId = "" }))).Field);
        Assert.Equal("candidate_id", (await InvalidAsync(match.RecommendVacanciesAsync(new RecommendVacanciesRequest { CandidateId = " " }))).Field);
        var outcome = await InvalidAsync(match.RecordOutcomeAsync(new RecordOutcomeRequest { VacancyId = "v-1", CandidateId = "", Stage = "invited" }));
        Assert.Equal(("candidate_id", "ontbreekt"), (outcome.Field, outcome.Description));
        var catalog = new Catalog.CatalogClient(_server.Channel);
        Assert.Equal("id", (await InvalidAsync(catalog.GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = "" }))).Field);
    }

    [Fact]
    public async Task AuditQuery_EmptyCandidateIdOrUser_IsInvalidArgument()
    {
        var audit = new Audit.AuditClient(_server.Channel);
        Assert.Equal("candidate_id", (await InvalidAsync(audit.QueryAsync(new AuditQuery { CandidateId = "" }))).Field);
        Assert.Equal("user", (await InvalidAsync(audit.QueryAsync(new AuditQuery { User = "" }))).Field);
        Assert.Equal("by", (await InvalidAsync(audit.QueryAsync(new AuditQuery()))).Field);
    }

    [Fact]
    public async Task ModelsRollback_EmptyName_IsInvalidArgumentNamingTheModels()
    {
        var models = new MatchEngine.Api.V1.Models.ModelsClient(_server.Channel);
        var violation = await InvalidAsync(models.RollbackAsync(new RollbackRequest { Name = "" }));
        Assert.Equal("name", violation.Field);
        Assert.Contains("ontbreekt; moet ranker, herinstroom of leerwerk zijn", violation.Description, StringComparison.Ordinal);
    }
}
