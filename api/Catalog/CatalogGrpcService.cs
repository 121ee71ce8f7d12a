using Grpc.Core;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.Security;
using Microsoft.AspNetCore.Authorization;
using MatchEngine.Api.V1;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Access;
using EngineKind = MatchEngine.Engine.Contract.EntityKind;

namespace MatchEngine.Api.Catalog;

/// <summary>The Catalog gRPC service: a thin translation to the policy layer's <see cref="CatalogReads"/> and <see cref="CatalogWrites"/>.</summary>
[Authorize(Roles = Roles.ReadCatalog)]
public sealed class CatalogGrpcService(CatalogReads reads, CatalogWrites writes, AccessPolicy policy) : V1.Catalog.CatalogBase
{
    [Authorize(Roles = Roles.Admin)]
    public override async Task Upsert(IAsyncStreamReader<Record> requestStream, IServerStreamWriter<UpsertResult> responseStream, ServerCallContext context)
    {
        var scope = policy.ScopeOf(context);
        scope.EnsureAllRegions(CatalogWrites.What);
        // Records that arrived while the previous batch was committing are committed together; each result is sent
        // only once its record's batch is committed.
        var index = 0;
        await foreach (var records in StreamBatches.ReadAsync(requestStream, context.CancellationToken))
        {
            foreach (var result in await WriteAsync(scope, records, index)) await responseStream.WriteAsync(result, context.CancellationToken);
            index += records.Count;
        }
    }

    [Authorize(Roles = Roles.Admin)]
    public override async Task<UpsertResult> UpsertOne(Record request, ServerCallContext context)
    {
        var result = (await WriteAsync(policy.ScopeOf(context), [request], 0))[0];
        if (!result.Accepted)
            throw ErrorMappingInterceptor.BadRequest($"record {(string.IsNullOrEmpty(result.Id) ? "(zonder id)" : ClientValue.Quote(result.Id))} voldoet niet aan het contract",
                result.Violations.Select(v => (v.Field, v.Reason)));
        return result;
    }

    [Authorize(Roles = Roles.Admin)]
    public override async Task Delete(IAsyncStreamReader<RecordRef> requestStream, IServerStreamWriter<DeleteResult> responseStream, ServerCallContext context)
    {
        var scope = policy.ScopeOf(context);
        scope.EnsureAllRegions(CatalogWrites.What);
        await foreach (var references in StreamBatches.ReadAsync(requestStream, context.CancellationToken))
        {
            var deleted = await writes.DeleteAsync(scope, references.Select(r => (ProtoContract.ToEngine(r.Kind), r.Id)).ToArray());
            for (var i = 0; i < references.Count; i++)
                await responseStream.WriteAsync(new DeleteResult { Ref = references[i], Deleted = deleted[i] }, context.CancellationToken);
        }
    }

    public override async Task<Record> Get(RecordRef request, ServerCallContext context)
    {
        var kind = ProtoContract.ToEngine(request.Kind);
        var record = await reads.GetAsync(policy.ScopeOf(context), kind, request.Id);
        return ProtoContract.FromDomain(kind, record);
    }

    public override async Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
    {
        var kind = ProtoContract.ToEngine(request.Kind);
        if (kind is not (EngineKind.Candidate or EngineKind.Vacancy)) throw new InvalidRequestException("kind", "moet CANDIDATE of VACANCY zijn");
        if (request.HasNearLat != request.HasNearLon)
            throw new InvalidRequestException(request.HasNearLat ? "near_lon" : "near_lat", "near_lat en near_lon horen bij elkaar: geef ze allebei of geen van beide");
        var spec = new SearchSpec(kind, request.Text, [],
            request.HasNearLat || request.HasNearLon ? new GeoPoint(request.NearLat, request.NearLon) : null,
            request.HasKm ? request.Km : null, request.HasHoursMin ? request.HoursMin : null, request.HasHoursMax ? request.HoursMax : null,
            string.IsNullOrEmpty(request.Date) ? null : RequestDates.Parse(request.Date, "date"), request.Top == 0 ? CatalogReads.DefaultSearchTop : request.Top);
        var hits = await reads.SearchAsync(policy.ScopeOf(context), spec, NullIfEmpty(request.Region));
        var response = new SearchResponse();
        response.Hits.AddRange(hits.Select(h => new SearchHit { Id = h.Id, Score = h.Score }));
        return response;
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>Validates and commits <paramref name="records"/> together; one result per record, numbered from <paramref name="first"/>.</summary>
    private async Task<UpsertResult[]> WriteAsync(CallerScope scope, IReadOnlyList<Record> records, int first)
    {
        var results = new UpsertResult?[records.Count];
        var valid = new List<(int Position, EngineKind Kind, string Json)>();
        for (var i = 0; i < records.Count; i++)
        {
            try
            {
                var (kind, json) = ProtoContract.ToContract(records[i]);
                valid.Add((i, kind, json));
            }
            catch (ContractViolationException e)
            {
                results[i] = Rejected(first + i, null, e.Violations);
            }
        }
        var outcomes = await writes.UpsertAsync(scope, valid.Select(v => (v.Kind, v.Json)).ToArray());
        for (var j = 0; j < valid.Count; j++)
        {
            var (i, outcome) = (valid[j].Position, outcomes[j]);
            results[i] = outcome.Accepted
                ? new UpsertResult { Index = first + i, Id = outcome.Id ?? "", Accepted = true, Revision = outcome.Revision }
                : Rejected(first + i, outcome.Id, outcome.Violations);
        }
        return results!;
    }

    private static UpsertResult Rejected(int index, string? id, IEnumerable<Engine.Contract.FieldViolation> violations)
    {
        // An id the contract rejects for its length comes back cut, as in every error message.
        var shown = id is { Length: > ClientValue.MaxIdLength } ? id[..ClientValue.ShownLength] + "…" : id ?? "";
        var result = new UpsertResult { Index = index, Id = shown, Accepted = false };
        result.Violations.AddRange(violations.Select(v => new V1.FieldViolation { Field = v.Field, Reason = v.Reason }));
        return result;
    }
}
