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

/// <summary>The Catalog gRPC service: a thin translation to <see cref="CatalogService"/>.</summary>
[Authorize(Roles = Roles.ReadCatalog)]
public sealed class CatalogGrpcService(CatalogService catalog, CatalogReads reads, AccessPolicy policy) : V1.Catalog.CatalogBase
{
    [Authorize(Roles = Roles.Admin)]
    public override async Task Upsert(IAsyncStreamReader<Record> requestStream, IServerStreamWriter<UpsertResult> responseStream, ServerCallContext context)
    {
        policy.ScopeOf(context).EnsureAllRegions("a catalog write");
        var index = 0;
        await foreach (var record in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var result = Write(record, index++);
            await responseStream.WriteAsync(result, context.CancellationToken);
        }
    }

    [Authorize(Roles = Roles.Admin)]
    public override Task<UpsertResult> UpsertOne(Record request, ServerCallContext context)
    {
        policy.ScopeOf(context).EnsureAllRegions("a catalog write");
        var result = Write(request, 0);
        if (!result.Accepted)
            throw ErrorMappingInterceptor.BadRequest($"record {(string.IsNullOrEmpty(result.Id) ? "(no id)" : ClientValue.Quote(result.Id))} breaks the contract",
                result.Violations.Select(v => (v.Field, v.Reason)));
        return Task.FromResult(result);
    }

    [Authorize(Roles = Roles.Admin)]
    public override async Task Delete(IAsyncStreamReader<RecordRef> requestStream, IServerStreamWriter<DeleteResult> responseStream, ServerCallContext context)
    {
        policy.ScopeOf(context).EnsureAllRegions("a catalog write");
        await foreach (var reference in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var deleted = catalog.Delete(ProtoContract.ToEngine(reference.Kind), [reference.Id]) > 0;
            await responseStream.WriteAsync(new DeleteResult { Ref = reference, Deleted = deleted }, context.CancellationToken);
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
        var spec = new SearchSpec(kind, request.Text, [],
            request.HasNearLat || request.HasNearLon ? new GeoPoint(request.NearLat, request.NearLon) : null,
            request.HasKm ? request.Km : null, request.HasHoursMin ? request.HoursMin : null, request.HasHoursMax ? request.HoursMax : null,
            string.IsNullOrEmpty(request.Date) ? null : ProtoDates.Parse(request.Date, "date"), request.Top == 0 ? CatalogReads.DefaultSearchTop : request.Top);
        var hits = await reads.SearchAsync(policy.ScopeOf(context), spec, NullIfEmpty(request.Region));
        var response = new SearchResponse();
        response.Hits.AddRange(hits.Select(h => new SearchHit { Id = h.Id, Score = h.Score }));
        return response;
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrEmpty(s) ? null : s;

    private UpsertResult Write(Record record, int index)
    {
        EngineKind kind;
        string json;
        try
        {
            (kind, json) = ProtoContract.ToContract(record);
        }
        catch (ContractViolationException e)
        {
            return Rejected(index, null, e.Violations);
        }
        var outcome = catalog.Upsert(kind, json);
        return outcome.Accepted
            ? new UpsertResult { Index = index, Id = outcome.Id ?? "", Accepted = true, Revision = outcome.Revision }
            : Rejected(index, outcome.Id, outcome.Violations);
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
