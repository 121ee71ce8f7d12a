using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Support;
using GrpcStatusCode = Grpc.Core.StatusCode;

namespace MatchEngine.Tests.Api;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Calls_OverTheCallersLimit_AreResourceExhaustedWithRetryAfter()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string?> { ["MatchEngine:RateLimitPerSecond"] = "2" });
        var catalog = new Catalog.CatalogClient(server.Channel);
        // Twenty calls at once: a bucket of two tokens, refilled two per second, refuses most of them.
        var calls = Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                await catalog.SearchAsync(new SearchRequest { Kind = EntityKind.Vacancy, Text = "heftruck" });
                return null;
            }
            catch (RpcException e)
            {
                return e;
            }
        });
        var errors = (await Task.WhenAll(calls)).OfType<RpcException>().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(GrpcStatusCode.ResourceExhausted, e.StatusCode));
        var retryAfter = errors[0].Trailers.GetValue("retry-after");
        Assert.NotNull(retryAfter);
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }
}
