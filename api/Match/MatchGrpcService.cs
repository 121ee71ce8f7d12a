using Grpc.Core;
using MatchEngine.Api.V1;
using MatchEngine.Engine;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.Hosting;
using MatchEngine.Api.Security;
using MatchEngine.Engine.Catalog;
using Microsoft.AspNetCore.Authorization;
using MatchEngine.Engine.Matching;
using Filters = MatchEngine.Engine.Matching.ShortlistFilters;

namespace MatchEngine.Api.Match;

/// <summary>The Match gRPC service: a thin translation to <see cref="ShortlistService"/>.</summary>
[Authorize(Roles = Roles.SeeCandidates)]
public sealed class MatchGrpcService(ShortlistService shortlists, SearchAdmission admission, CatalogService catalog, AuditTrail audit, TimeProvider time) : V1.Match.MatchBase
{
    public override async Task<ShortlistResponse> Shortlist(ShortlistRequest request, ServerCallContext context)
    {
        var f = request.Filters;
        var filters = new Filters(
            Caller.Of(context).SearchRegions(f?.Region),
            string.IsNullOrEmpty(f?.AvailableBy) ? null : ProtoDates.Parse(f.AvailableBy, "filters.available_by"),
            f is null || f.RetrievalDepth == 0 ? Filters.DefaultDepth : f.RetrievalDepth)
        {
            StrictHours = f?.StrictHours ?? false, StrictShifts = f?.StrictShifts ?? false, MaxKm = f is { HasMaxKm: true } ? f.MaxKm : null,
        };
        var shortlist = await admission.RunAsync(() => shortlists.For(request.VacancyId, request.Top == 0 ? 20 : request.Top, filters), context.CancellationToken);
        await audit.ReadAsync(context, $"shortlist for vacancy {request.VacancyId}", shortlist.Candidates.Select(c => c.CandidateId), request.VacancyId);
        var response = new ShortlistResponse { VacancyId = shortlist.VacancyId, ModelVersion = shortlist.ModelVersion, Retrieved = shortlist.Retrieved };
        response.Candidates.AddRange(shortlist.Candidates.Select((c, i) =>
        {
            var item = new ShortlistCandidate { CandidateId = c.CandidateId, Score = c.Score, Position = i + 1 };
            if (c.Chance is { } chance) item.Chance = chance;
            item.Reasons.AddRange(c.Reasons);
            item.Gaps.AddRange(c.Gaps);
            return item;
        }));
        return response;
    }

    [Authorize(Roles = Roles.Accountmanager + "," + Roles.Consulent + "," + Roles.Admin)]
    public override async Task<RecordOutcomeResponse> RecordOutcome(RecordOutcomeRequest request, ServerCallContext context)
    {
        var candidate = catalog.Store.GetCandidate(request.CandidateId) ?? throw new RecordNotFoundException(Engine.Contract.EntityKind.Candidate, request.CandidateId);
        Caller.Of(context).EnsureMaySee(candidate);
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["vacancy_id"] = request.VacancyId, ["candidate_id"] = request.CandidateId, ["at"] = time.GetLocalNow().ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["stage"] = request.Stage, ["position"] = request.Position == 0 ? null : request.Position,
        });
        var outcome = catalog.Upsert(Engine.Contract.EntityKind.MatchEvent, json);
        if (!outcome.Accepted) throw new Engine.Contract.ContractViolationException("match_event", null, outcome.Violations);
        await audit.ReadAsync(context, $"outcome {request.Stage} recorded", [candidate.Id], request.VacancyId);
        return new RecordOutcomeResponse { Revision = outcome.Revision };
    }

    public override async Task<RecommendVacanciesResponse> RecommendVacancies(RecommendVacanciesRequest request, ServerCallContext context)
    {
        var candidate = catalog.Store.GetCandidate(request.CandidateId) ?? throw new RecordNotFoundException(Engine.Contract.EntityKind.Candidate, request.CandidateId);
        Caller.Of(context).EnsureMaySee(candidate);
        await audit.ReadAsync(context, "vacancies for a candidate", [candidate.Id]);
        var response = new RecommendVacanciesResponse { CandidateId = request.CandidateId };
        var vacancies = await admission.RunAsync(() => shortlists.RecommendVacancies(request.CandidateId, request.Top == 0 ? 10 : request.Top), context.CancellationToken);
        response.Vacancies.AddRange(vacancies.Select(v =>
        {
            var item = new RecommendedVacancy { VacancyId = v.VacancyId, Title = v.Title, EmployerName = v.EmployerName, Score = v.Score };
            item.Reasons.AddRange(v.Reasons);
            item.Gaps.AddRange(v.Gaps);
            return item;
        }));
        return response;
    }
}
