using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MatchEngine.Engine.Access;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Console;

/// <summary>The gRPC services over HTTP/JSON on the console port, called with a plain HttpClient: one endpoint per service, and the OpenAPI description.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HttpApiTests(ConsoleFixture console) : IDisposable
{
    private readonly HttpClient _http = new();

    [Fact]
    public async Task OpenApi_Description_NamesAnEndpointOfEveryService()
    {
        var doc = JsonNode.Parse(await _http.GetStringAsync($"{console.ConsoleAddress}/api/v1/openapi.json"))!;
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToArray();
        foreach (var path in new[] { "/api/v1/audit/query", "/api/v1/catalog/get", "/api/v1/development/carve-jobs", "/api/v1/match/shortlist",
                     "/api/v1/models/list", "/api/v1/risk/nazorg-worklist", "/api/v1/sroi/worklist" })
            Assert.Contains(path, paths);
    }

    [Fact]
    public async Task EveryService_OneEndpointOverPlainHttp_AnswersJsonForTheCallersToken()
    {
        var world = console.Data.World;
        var vacancy = world.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today) && v.Sector == "logistiek");
        var am = console.TokenFor("http-am", Roles.Accountmanager, ConsoleFixture.Region);

        var shortlist = await PostAsync("/api/v1/match/shortlist", am, new { vacancyId = vacancy.Id, top = 5 });
        var candidates = shortlist["candidates"]!.AsArray();
        Assert.Equal(5, candidates.Count);
        var first = candidates[0]!["candidateId"]!.GetValue<string>();

        var record = await PostAsync("/api/v1/catalog/get", am, new { kind = "VACANCY", id = vacancy.Id });
        Assert.Contains(vacancy.Id, record.ToJsonString(), StringComparison.Ordinal);

        var carved = await PostAsync("/api/v1/development/carve-jobs", am, new { vacancyId = vacancy.Id });
        Assert.IsType<JsonObject>(carved);

        var nazorg = await PostAsync("/api/v1/risk/nazorg-worklist", am, new { region = ConsoleFixture.Region, asOf = "2025-06-30", capacity = 3 });
        Assert.Equal(3, nazorg["entries"]!.AsArray().Count);

        var sroi = await PostAsync("/api/v1/sroi/worklist", console.TokenFor("http-makelaar", Roles.SroiMakelaar), new { });
        Assert.NotEmpty(sroi["contracts"]!.AsArray());

        var models = await PostAsync("/api/v1/models/list", console.TokenFor("http-ds", Roles.DataScientist), new { name = "ranker" });
        Assert.NotEmpty(models["versions"]!.AsArray());

        var audit = await PostAsync("/api/v1/audit/query", console.TokenFor("http-admin", Roles.Admin), new { candidateId = first });
        Assert.Contains(audit["entries"]!.AsArray(), e => e!["user"]!.GetValue<string>() == "http-am" && e["action"]!.GetValue<string>() == "/matchengine.v1.Match/Shortlist");
    }

    [Fact]
    public async Task HttpApi_InvalidArgument_400WithTheDutchReasonAndTheFieldViolation()
    {
        var vacancy = console.Data.World.Vacancies[0].Id;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{console.ConsoleAddress}/api/v1/match/shortlist")
        {
            Content = JsonContent.Create(new { vacancyId = vacancy, top = 500 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", console.TokenFor("http-am-te-veel", Roles.Accountmanager, ConsoleFixture.Region));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        var body = JsonNode.Parse(text)!;
        Assert.Equal(3, body["code"]!.GetValue<int>());
        Assert.StartsWith("top: moet ", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var violation = body["details"]!.AsArray().Single()!["fieldViolations"]!.AsArray().Single()!;
        Assert.Equal("top", violation["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"employer":{"id":"e-http-dubbel","id":"e-http-dubbel-2","name":"Dubbel BV","sector":"zorg","lat":52.0,"lon":5.12,"size":"small"}}""",
        "employer.id", "staat 2 keer in de regel ('e-http-dubbel' en 'e-http-dubbel-2'); een veld mag er één keer in staan")]
    [InlineData("""{"employer":{"id":"e-http-dubbel",""", "(body)", "geen geldige JSON (fout bij teken ")]
    public async Task HttpApi_FieldGivenTwiceOrNoJson_400NamingItInDutchAndNothingWritten(string body, string field, string reason)
    {
        var admin = console.TokenFor("http-admin-dubbel", Roles.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{console.ConsoleAddress}/api/v1/catalog/upsert-one")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        var answer = JsonNode.Parse(text)!;
        Assert.Equal(3, answer["code"]!.GetValue<int>());
        Assert.StartsWith($"{field}: {reason}", answer["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var violation = answer["details"]!.AsArray().Single()!["fieldViolations"]!.AsArray().Single()!;
        Assert.Equal(field, violation["field"]!.GetValue<string>());
        using var get = new HttpRequestMessage(HttpMethod.Post, $"{console.ConsoleAddress}/api/v1/catalog/get")
        {
            Content = JsonContent.Create(new { kind = "EMPLOYER", id = "e-http-dubbel-2" }),
        };
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var missing = await _http.SendAsync(get);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task HttpApi_EmptyChunkedBody_400SayingSoInDutch()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{console.ConsoleAddress}/api/v1/sroi/worklist")
        {
            Content = new StreamContent(new MemoryStream()) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", console.TokenFor("http-makelaar-leeg", Roles.SroiMakelaar));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("(body): is leeg; stuur een JSON-object, {} voor een aanroep zonder velden",
            JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task HttpApi_WithoutToken_401NotARedirect()
    {
        using var response = await _http.PostAsJsonAsync($"{console.ConsoleAddress}/api/v1/match/shortlist", new { vacancyId = "v1" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HttpApi_RoleThatMayNotCall_403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{console.ConsoleAddress}/api/v1/audit/query") { Content = JsonContent.Create(new { user = "x" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", console.TokenFor("http-am2", Roles.Accountmanager, ConsoleFixture.Region));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GrpcPort_ConsolePageOverHttp2_404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{console.GrpcAddress}/aanmelden") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonNode> PostAsync(string path, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{console.ConsoleAddress}{path}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }

    public void Dispose() => _http.Dispose();
}
