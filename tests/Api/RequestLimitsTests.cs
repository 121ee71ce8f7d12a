using System.Collections;
using System.Net;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Support;
using GrpcStatusCode = Grpc.Core.StatusCode;
using Record = MatchEngine.Api.V1.Record;

namespace MatchEngine.Tests.Api;

/// <summary>What the api does with requests it cannot use: ids longer than the contract allows, bytes that are no message.</summary>
public sealed class RequestLimitsTests : IAsyncLifetime
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);
    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static IEnumerable<ServiceDescriptor> Services() =>
    [
        CatalogReflection.Descriptor.Services.Single(), MatchReflection.Descriptor.Services.Single(), DevelopmentReflection.Descriptor.Services.Single(),
        RiskReflection.Descriptor.Services.Single(), AuditReflection.Descriptor.Services.Single(), ModelsReflection.Descriptor.Services.Single(),
        SroiReflection.Descriptor.Services.Single(),
    ];

    private static bool IsIdField(FieldDescriptor f) => f.FieldType == FieldType.String
        && (f.IsRepeated ? f.Name.EndsWith("_ids", StringComparison.Ordinal) : f.Name is "id" or "version" || f.Name.EndsWith("_id", StringComparison.Ordinal));

    /// <summary>Sends <paramref name="payload"/> as the request (one message of a stream) of <paramref name="method"/> and returns the error.</summary>
    private async Task<RpcException?> CallAsync(MethodDescriptor method, byte[] payload)
    {
        var invoker = _server.Channel.CreateCallInvoker();
        var type = method.IsClientStreaming
            ? method.IsServerStreaming ? MethodType.DuplexStreaming : MethodType.ClientStreaming
            : method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var raw = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, Raw, Raw);
        var options = new CallOptions(deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(raw, null, options, payload);
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(raw, null, options, payload))
                        await call.ResponseStream.ReadAllAsync().ToListAsync();
                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(raw, null, options))
                    {
                        await call.RequestStream.WriteAsync(payload);
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseAsync;
                    }
                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(raw, null, options))
                    {
                        await call.RequestStream.WriteAsync(payload);
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseStream.ReadAllAsync().ToListAsync();
                    }
                    break;
            }
            return null;
        }
        catch (RpcException e)
        {
            return e;
        }
    }

    [Fact]
    public async Task EveryMethodTakingAnId_IdOverTheContractLimit_IsInvalidArgumentWithoutEchoingIt()
    {
        var oversized = new string('x', 70_000);
        var called = new List<string>();
        foreach (var method in Services().SelectMany(s => s.Methods))
        {
            var idFields = method.InputType.Fields.InFieldNumberOrder().Where(IsIdField).ToArray();
            if (idFields.Length == 0) continue;
            foreach (var field in idFields)
            {
                var request = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
                if (field.IsRepeated) ((IList)field.Accessor.GetValue(request)).Add(oversized);
                else field.Accessor.SetValue(request, oversized);

                var e = await CallAsync(method, request.ToByteArray());

                var where = $"{method.FullName}.{field.Name}";
                Assert.True(e is not null, $"{where} accepted a 70,000-character id");
                Assert.True(e.StatusCode == GrpcStatusCode.InvalidArgument, $"{where}: {e.StatusCode} {e.Status.Detail[..Math.Min(80, e.Status.Detail.Length)]}");
                Assert.Equal(field.Name, e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
                Assert.True(e.Status.Detail.Length < 200, $"{where} echoed {e.Status.Detail.Length} characters");
                called.Add(method.Name);
            }
        }
        Assert.Superset(new HashSet<string> { "Get", "Delete", "Shortlist", "RecommendVacancies", "RecordOutcome", "CarveJobs", "LeerwerkRoutes", "ReadyWithin",
            "ScoreHerinstroom", "Query", "Evaluate", "Promote", "ContractProgress", "FindPlacements", "ClaimPlacement" }, called.ToHashSet());
        // The connection survived every refusal: a next call on it is answered.
        var catalog = new Catalog.CatalogClient(_server.Channel);
        var missing = await Assert.ThrowsAsync<RpcException>(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = "v-1" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownIdOfContractLength_NotFoundShowsOnlyAPrefix()
    {
        var id = new string('a', 30) + new string('b', 34);
        var catalog = new Catalog.CatalogClient(_server.Channel);
        var e = await Assert.ThrowsAsync<RpcException>(() => catalog.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = id }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.NotFound, e.StatusCode);
        Assert.DoesNotContain(id, e.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(id[..40], e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertOne_OversizedRecordId_IsInvalidArgumentWithoutEchoingIt()
    {
        var catalog = new Catalog.CatalogClient(_server.Channel);
        var record = new Record { Employer = new Employer { Id = new string('e', 70_000), Name = "X", Sector = "logistiek", Lat = 52.1, Lon = 5.1, Size = "small" } };
        var e = await Assert.ThrowsAsync<RpcException>(() => catalog.UpsertOneAsync(record).ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, e.StatusCode);
        Assert.True(e.Status.Detail.Length < 200, $"echoed {e.Status.Detail.Length} characters");
        Assert.Contains("id", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    public static TheoryData<string, byte[]> MalformedRequests() => new()
    {
        // RecordRef { kind = 1, id = C3 28 }: a string field that is not UTF-8.
        { "invalid UTF-8", [0x08, 0x01, 0x12, 0x02, 0xC3, 0x28] },
        // RecordRef { kind = 1, id = 16 bytes announced, 3 sent }.
        { "truncated", [0x08, 0x01, 0x12, 0x10, 0x61, 0x62, 0x63] },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task UnaryAndStream_MalformedProtobuf_IsInvalidArgument(string what, byte[] payload)
    {
        var catalog = CatalogReflection.Descriptor.Services.Single();
        foreach (var method in new[] { catalog.FindMethodByName("Get"), catalog.FindMethodByName("Delete") })
        {
            var e = await CallAsync(method, payload);
            Assert.True(e is not null, $"{method.Name} accepted a {what} message");
            Assert.True(e.StatusCode == GrpcStatusCode.InvalidArgument, $"{method.Name}, {what}: {e.StatusCode} {e.Status.Detail}");
            Assert.Equal("(message)", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        }
    }

    [Fact]
    public async Task Unary_FrameShorterThanItsLengthPrefix_IsInvalidArgument()
    {
        // A gRPC frame announcing 100 bytes and carrying 3; only a raw HTTP/2 client can send it.
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{_server.Channel.Target}/matchengine.v1.Catalog/Get")
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 100, 0x08, 0x01, 0x12]),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.Add("TE", "trailers");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _server.TokenFor(MatchEngine.Engine.Access.Roles.Admin));
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.Headers.TryGetValues("grpc-status", out var inHeaders) ? inHeaders.Single()
            : response.TrailingHeaders.TryGetValues("grpc-status", out var inTrailers) ? inTrailers.Single()
            : $"none (HTTP {(int)response.StatusCode}, {response.Version}: {response.Headers} {response.TrailingHeaders})";
        Assert.Equal(((int)GrpcStatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture), status);
    }
}
