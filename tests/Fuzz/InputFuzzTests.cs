using System.Text;
using Google.Rpc;
using Grpc.Core;
using MatchEngine.Api.V1;

using MatchEngine.Engine.Import;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;
using GrpcStatusCode = Grpc.Core.StatusCode;
using Record = MatchEngine.Api.V1.Record;

namespace MatchEngine.Tests.Fuzz;

/// <summary>
/// A seeded fuzzing pass over the input paths: malformed JSON, huge strings, wrong types, deep nesting and
/// invalid UTF-8 mixed into real contract folders and gRPC requests. Nothing may crash, every bad line must
/// be reported with its line, and every valid line must still arrive.
/// </summary>
public sealed class InputFuzzTests
{
    private static readonly Func<Random, string, string>[] Mutations =
    [
        (r, line) => line[..r.Next(1, line.Length)],
        (r, line) => line.Insert(r.Next(line.Length), "\"\u0000\"{["),
        (r, line) => line.Replace("\"id\":", "\"id\":" + new string('[', 5000) + "1" + new string(']', 5000) + ",\"x\":", StringComparison.Ordinal),
        (r, line) => line.Replace(":", ":" + (r.Next(3) switch { 0 => "null,\"_\":", 1 => "[],\"_\":", _ => "{},\"_\":" }), StringComparison.Ordinal),
        (r, line) => line.Replace("\"GV\"", "\"" + new string('G', 1_000_000) + "\"", StringComparison.Ordinal).Replace("\"name\":\"", "\"name\":\"" + new string('x', 30_000),
            StringComparison.Ordinal),
        (r, line) => "[" + line + "]",
        (r, line) => line.Replace("true", "\"true\"", StringComparison.Ordinal).Replace("52.", "\"52.\"", StringComparison.Ordinal),
        (r, line) => new string(line.Select(c => r.Next(20) == 0 ? (char)r.Next(32, 0x2FFF) : c).ToArray()),
    ];

    [Fact]
    public void Import_FuzzedFolder_RejectsEachBadLineAndKeepsEveryValidOne()
    {
        using var dir = new TempDirectory();
        var random = new Random(1234);
        var folder = dir.File("world");
        Directory.CreateDirectory(folder);
        var validIds = new List<string>();
        var lines = new List<byte[]>();
        for (var i = 0; i < 400; i++)
        {
            var id = $"c-{i}";
            var json = ContractSamples.Candidate(id).ToJsonString();
            if (random.Next(2) == 0)
            {
                validIds.Add(id);
                lines.Add(Encoding.UTF8.GetBytes(json));
            }
            else if (random.Next(10) == 0)
            {
                lines.Add([0xC3, 0x28, 0xFF, 0xFE, (byte)'{', (byte)'}']);
            }
            else
            {
                lines.Add(Encoding.UTF8.GetBytes(Mutations[random.Next(Mutations.Length)](random, json)));
            }
        }
        using (var file = File.Create(Path.Combine(folder, "candidates.jsonl")))
        {
            foreach (var line in lines)
            {
                file.Write(line);
                file.WriteByte((byte)'\n');
            }
        }
        using var store = new SqliteCatalogStore(dir.File("store.db"));
        var result = new FolderImporter(store, new Engine.Contract.ContractValidator(new Engine.Contract.ValidationContext(ContractSamples.Today))).Import(folder);

        Assert.All(validIds, id => Assert.NotNull(store.GetCandidate(id)));
        var rejectedLines = result.Rejections.Select(r => r.Line).Distinct().Count();
        Assert.Equal(result.RejectedLines, rejectedLines);
        Assert.Equal(400, result.Imported[Engine.Contract.EntityKind.Candidate] + result.RejectedLines);
        Assert.All(result.Rejections, r => Assert.StartsWith("candidates.jsonl:", r.ToString(), StringComparison.Ordinal));
        Assert.Equal(result.Imported[Engine.Contract.EntityKind.Candidate], store.Count(Engine.Contract.EntityKind.Candidate));
    }

    [Fact]
    public async Task Catalog_FuzzedRecordsOverGrpc_AnswerPerRecordWithoutCrashing()
    {
        await using var server = await ApiServer.StartAsync();
        var client = new Catalog.CatalogClient(server.Channel);
        var random = new Random(99);
        using var call = client.Upsert();
        var sent = 0;
        for (var i = 0; i < 60; i++)
        {
            var candidate = new Candidate
            {
                Id = random.Next(4) == 0 ? new string('x', random.Next(60, 200)) : $"c-{i}",
                Region = random.Next(5) == 0 ? new string('R', 500_000) : "GV",
                Lat = random.NextDouble() * 180 - 90, Lon = random.NextDouble() * 360 - 180,
                Education = random.Next(3) == 0 ? "\u0000" : "mbo2", Dutch = "B1", HoursMin = random.Next(-5, 45), HoursMax = random.Next(-5, 45),
                MaxDistanceKm = random.Next(-3, 30), AvailableFrom = random.Next(2) == 0 ? "2025-13-45" : "2025-06-01",
                PhysicalCapacity = "medium", ConsentMatching = true, ProfileText = random.Next(6) == 0 ? new string('é', 25_000) : "Werkt graag.",
            };
            candidate.Transport.Add("bike");
            candidate.ShiftsOk.Add(random.Next(4) == 0 ? "always" : "day");
            await call.RequestStream.WriteAsync(new Record { Candidate = candidate });
            sent++;
        }
        await call.RequestStream.CompleteAsync();
        var results = await call.ResponseStream.ReadAllAsync().ToListAsync();
        Assert.Equal(sent, results.Count);
        Assert.All(results.Where(r => !r.Accepted), r => Assert.NotEmpty(r.Violations));
        foreach (var accepted in results.Where(r => r.Accepted))
            Assert.Equal(accepted.Id, (await client.GetAsync(new RecordRef { Kind = MatchEngine.Api.V1.EntityKind.Candidate, Id = accepted.Id })).Candidate.Id);
    }

    [Fact]
    public async Task Catalog_MessageAboveTheSizeLimit_IsRefusedNotCrashing()
    {
        await using var server = await ApiServer.StartAsync();
        var client = new Catalog.CatalogClient(server.Channel);
        var huge = new Employer { Id = "e-1", Name = new string('n', 5 * 1024 * 1024), Sector = "zorg", Lat = 52.2, Lon = 5.1, Size = "small" };
        var e = await Assert.ThrowsAsync<RpcException>(() => client.UpsertOneAsync(new Record { Employer = huge }).ResponseAsync);
        AssertTooLarge(e);
        var health = new Grpc.Health.V1.Health.HealthClient(server.Channel);
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest())).Status);
    }

    [Fact]
    public async Task CatalogStream_MessageAboveTheSizeLimit_IsRefusedInDutchAfterTheRecordsBeforeIt()
    {
        await using var server = await ApiServer.StartAsync();
        var client = new Catalog.CatalogClient(server.Channel);
        using var call = client.Upsert();
        await call.RequestStream.WriteAsync(new Record { Employer = new Employer { Id = "e-1", Name = "Bakkerij", Sector = "zorg", Lat = 52.2, Lon = 5.1, Size = "small" } });
        var first = await call.ResponseStream.MoveNext() ? call.ResponseStream.Current : null;
        Assert.True(first?.Accepted, "the record before the large one is written");
        var huge = new Record { Employer = new Employer { Id = "e-2", Name = new string('n', 5 * 1024 * 1024), Sector = "zorg", Lat = 52.2, Lon = 5.1, Size = "small" } };
        try
        {
            await call.RequestStream.WriteAsync(huge);
        }
        catch (RpcException)
        {
            // The server may end the call while the rest of the message is on its way; its status is read below.
        }
        AssertTooLarge(await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext()));
        Assert.Equal("e-1", (await client.GetAsync(new RecordRef { Kind = MatchEngine.Api.V1.EntityKind.Employer, Id = "e-1" })).Employer.Id);
    }

    /// <summary>RESOURCE_EXHAUSTED in Dutch, naming the limit, with a google.rpc.QuotaFailure for the message.</summary>
    private static void AssertTooLarge(RpcException e)
    {
        Assert.Equal(GrpcStatusCode.ResourceExhausted, e.StatusCode);
        Assert.Equal("het bericht is groter dan 4 MB, de grens per bericht; stuur records één per bericht (de stream van Catalog.Upsert)", e.Status.Detail);
        Assert.Equal("(message)", e.GetRpcStatus()!.GetDetail<QuotaFailure>().Violations.Single().Subject);
    }
}
