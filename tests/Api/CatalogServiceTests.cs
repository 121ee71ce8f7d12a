using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using GrpcStatusCode = Grpc.Core.StatusCode;
using Record = MatchEngine.Api.V1.Record;

namespace MatchEngine.Tests.Api;

public sealed class CatalogServiceTests : IAsyncLifetime
{
    private ApiServer _server = null!;
    private Catalog.CatalogClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        _client = new Catalog.CatalogClient(_server.Channel);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Record Parse(Engine.Contract.EntityKind kind, System.Text.Json.Nodes.JsonObject json)
    {
        var parser = new Google.Protobuf.JsonParser(Google.Protobuf.JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
        return kind switch
        {
            Engine.Contract.EntityKind.Employer => new Record { Employer = parser.Parse<Employer>(json.ToJsonString()) },
            Engine.Contract.EntityKind.Vacancy => new Record { Vacancy = parser.Parse<Vacancy>(json.ToJsonString()) },
            Engine.Contract.EntityKind.Candidate => new Record { Candidate = parser.Parse<Candidate>(json.ToJsonString()) },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Fact]
    public async Task Upsert_StreamMixingValidAndInvalid_AnswersPerRecordAndKeepsTheValid()
    {
        var bad = ContractSamples.Candidate("c-bad");
        bad["dutch"] = "Q1";
        bad["hours_min"] = 0;
        using var call = _client.Upsert();
        await call.RequestStream.WriteAsync(Parse(Engine.Contract.EntityKind.Employer, ContractSamples.Employer()));
        await call.RequestStream.WriteAsync(Parse(Engine.Contract.EntityKind.Candidate, bad));
        await call.RequestStream.WriteAsync(Parse(Engine.Contract.EntityKind.Vacancy, ContractSamples.Vacancy()));
        await call.RequestStream.WriteAsync(Parse(Engine.Contract.EntityKind.Candidate, ContractSamples.Candidate("c-good")));
        await call.RequestStream.CompleteAsync();
        var results = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal([true, false, true, true], results.Select(r => r.Accepted));
        Assert.Equal(["dutch", "hours_min"], results[1].Violations.Select(v => v.Field).Order());
        Assert.Equal("c-bad", results[1].Id);
        var good = await _client.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = "c-good" });
        Assert.Equal("B1", good.Candidate.Dutch);
        var missing = await Assert.ThrowsAsync<RpcException>(() => _client.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = "c-bad" }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Upsert_StreamSentAtOnce_CommitsInBatchesAndAnswersEachRecordInOrderWithItsRevision()
    {
        const int count = 300;
        var records = new List<Record> { Parse(Engine.Contract.EntityKind.Employer, ContractSamples.Employer()) };
        for (var i = 1; i < count; i++)
        {
            var candidate = ContractSamples.Candidate($"c-{i:D3}");
            if (i == 150) candidate["dutch"] = "Q1";
            records.Add(i == 200 ? Parse(Engine.Contract.EntityKind.Vacancy, ContractSamples.Vacancy()) : Parse(Engine.Contract.EntityKind.Candidate, candidate));
        }
        using var call = _client.Upsert();
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.BufferHint);
        foreach (var record in records[..^1]) await call.RequestStream.WriteAsync(record);
        call.RequestStream.WriteOptions = new WriteOptions();
        await call.RequestStream.WriteAsync(records[^1]);
        await call.RequestStream.CompleteAsync();
        var results = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(0, count), results.Select(r => r.Index));
        Assert.Equal(records.Select((_, i) => i != 150), results.Select(r => r.Accepted));
        Assert.Equal("c-150", results[150].Id);
        Assert.Equal("vac-1", results[200].Id);
        var store = _server.Services.GetRequiredService<Engine.Catalog.CatalogService>().Store;
        Assert.All(results.Where(r => r.Accepted), r => Assert.InRange(r.Revision, 1, store.Revision));
        // Group commit: records that arrived while a batch was committing share the next commit's revision.
        Assert.True(results.Select(r => r.Revision).Distinct().Count() < count, "every record had its own commit"); // how far depends on timing: StreamBatchesTests
        Assert.Equal("B1", (await _client.GetAsync(new RecordRef { Kind = EntityKind.Candidate, Id = "c-299" })).Candidate.Dutch);
        Assert.Equal("vac-1", (await _client.SearchAsync(new SearchRequest { Kind = EntityKind.Vacancy, Text = "heftruckchauffeurs" })).Hits.Single().Id);
    }

    [Fact]
    public async Task Delete_StreamSentAtOnce_CommitsInBatchesAndAnswersEachRecordInOrder()
    {
        const int count = 100;
        using (var upsert = _client.Upsert())
        {
            for (var i = 0; i < count; i++) await upsert.RequestStream.WriteAsync(Parse(Engine.Contract.EntityKind.Candidate, ContractSamples.Candidate($"c-{i:D3}")));
            await upsert.RequestStream.CompleteAsync();
            Assert.All(await upsert.ResponseStream.ReadAllAsync().ToListAsync(), r => Assert.True(r.Accepted));
        }
        var store = _server.Services.GetRequiredService<Engine.Catalog.CatalogService>().Store;
        var before = store.Revision;
        var refs = Enumerable.Range(0, count).Select(i => new RecordRef { Kind = EntityKind.Candidate, Id = $"c-{i:D3}" })
            .Concat([new RecordRef { Kind = EntityKind.Candidate, Id = "c-000" }, new RecordRef { Kind = EntityKind.Candidate, Id = "c-unknown" }]).ToArray();
        using var call = _client.Delete();
        // Sent as one burst (buffered, flushed by the last write), as a bulk client sends: the server reads ahead while it commits.
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.BufferHint);
        foreach (var reference in refs[..^1]) await call.RequestStream.WriteAsync(reference);
        call.RequestStream.WriteOptions = new WriteOptions();
        await call.RequestStream.WriteAsync(refs[^1]);
        await call.RequestStream.CompleteAsync();
        var results = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(refs.Select(r => r.Id), results.Select(r => r.Ref.Id));
        Assert.Equal(refs.Select((_, i) => i < count), results.Select(r => r.Deleted));
        Assert.True(store.Revision - before < count, $"{store.Revision - before} commits for {count} deletes"); // how far depends on timing: StreamBatchesTests
        Assert.Empty((await _client.SearchAsync(new SearchRequest { Kind = EntityKind.Candidate, Text = "heftruck" })).Hits);
        var trail = (await new MatchEngine.Api.V1.Audit.AuditClient(_server.Channel).QueryAsync(new AuditQuery { CandidateId = "c-042" })).Entries;
        // Written, then erased: both calls are on the candidate's trail.
        Assert.Equal(new[] { Engine.Access.AuditPurposes.Upsert, Engine.Access.AuditPurposes.Erasure }.Order(StringComparer.Ordinal),
            trail.Select(e => e.Purpose).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpsertOne_Invalid_FailsWithBadRequestNamingEachField()
    {
        var bad = ContractSamples.Employer();
        bad["lat"] = 10;
        bad["size"] = "huge";
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.UpsertOneAsync(Parse(Engine.Contract.EntityKind.Employer, bad)).ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, e.StatusCode);
        var badRequest = e.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Equal(["lat", "size"], badRequest.FieldViolations.Select(v => v.Field).Order());
        Assert.Matches("^record '.+' voldoet niet aan het contract", e.Status.Detail);
    }

    [Fact]
    public async Task UpsertOne_MissingReference_IsInvalidArgument()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.UpsertOneAsync(Parse(Engine.Contract.EntityKind.Vacancy, ContractSamples.Vacancy())).ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("employer_id", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Search_AfterUpsert_FindsTheRecordAndRoundTripsTheContract()
    {
        await _client.UpsertOneAsync(Parse(Engine.Contract.EntityKind.Employer, ContractSamples.Employer()));
        var accepted = await _client.UpsertOneAsync(Parse(Engine.Contract.EntityKind.Vacancy, ContractSamples.Vacancy()));
        Assert.True(accepted.Accepted);
        var hits = await _client.SearchAsync(new SearchRequest { Kind = EntityKind.Vacancy, Text = "heftruckchauffeurs", NearLat = 52.22, NearLon = 5.17, Km = 5 });
        Assert.Equal("vac-1", hits.Hits.Single().Id);
        var vacancy = (await _client.GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = "vac-1" })).Vacancy;
        Assert.Equal(2, vacancy.Tasks.Count);
        Assert.Equal("temporary", vacancy.Contract);
        Assert.False(vacancy.HasSroiContractId);
    }

    [Fact]
    public async Task Delete_Stream_RemovesFromStoreAndIndex()
    {
        await _client.UpsertOneAsync(Parse(Engine.Contract.EntityKind.Candidate, ContractSamples.Candidate("c-1")));
        using var call = _client.Delete();
        await call.RequestStream.WriteAsync(new RecordRef { Kind = EntityKind.Candidate, Id = "c-1" });
        await call.RequestStream.WriteAsync(new RecordRef { Kind = EntityKind.Candidate, Id = "c-unknown" });
        await call.RequestStream.CompleteAsync();
        var results = await call.ResponseStream.ReadAllAsync().ToListAsync();
        Assert.Equal([true, false], results.Select(r => r.Deleted));
        var hits = await _client.SearchAsync(new SearchRequest { Kind = EntityKind.Candidate, Text = "heftruck" });
        Assert.Empty(hits.Hits);
    }

    [Fact]
    public async Task Search_BadArguments_AreInvalidArgument()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.SearchAsync(new SearchRequest { Kind = EntityKind.Candidate, Km = 5 }).ResponseAsync);
        Assert.Equal(GrpcStatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("near", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        var employers = await Assert.ThrowsAsync<RpcException>(() => _client.SearchAsync(new SearchRequest { Kind = EntityKind.Employer, Text = "bouw" }).ResponseAsync);
        var violation = employers.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single();
        Assert.Equal(("kind", "moet CANDIDATE of VACANCY zijn"), (violation.Field, violation.Description));
    }

    [Fact]
    public async Task Health_IsServing()
    {
        var health = new Health.HealthClient(_server.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }
}
