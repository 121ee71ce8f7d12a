using Grpc.Core;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.Security;
using MatchEngine.Api.V1;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using Microsoft.AspNetCore.Authorization;
using Filters = MatchEngine.Engine.Matching.ShortlistFilters;
using FairExposure = MatchEngine.Engine.Matching.FairExposure;

namespace MatchEngine.Api.Match;

/// <summary>The Match gRPC service: a thin translation to <see cref="MatchingReads"/> and <see cref="OutcomeWrites"/>.</summary>
[Authorize(Roles = Roles.SeeCandidates)]
public sealed class MatchGrpcService(MatchingReads reads, OutcomeWrites outcomes, AccessPolicy policy) : V1.Match.MatchBase
{
    public override async Task<ShortlistResponse> Shortlist(ShortlistRequest request, ServerCallContext context)
    {
        var f = request.Filters;
        var filters = new Filters([],
            string.IsNullOrEmpty(f?.AvailableBy) ? null : RequestDates.Parse(f.AvailableBy, "filters.available_by"),
            f is null || f.RetrievalDepth == 0 ? Filters.DefaultDepth : f.RetrievalDepth)
        {
            StrictHours = f?.StrictHours ?? false, StrictShifts = f?.StrictShifts ?? false, MaxKm = f is { HasMaxKm: true } ? f.MaxKm : null,
            ExcludeWorking = f?.ExcludeWorking ?? false,
            FairExposure = string.IsNullOrEmpty(f?.FairExposureAttribute) ? null
                : new FairExposure(f.FairExposureAttribute, f.FairExposureShare == 0 ? FairExposure.DefaultShare : f.FairExposureShare),
        };
        var top = request.Top == 0 ? MatchingReads.DefaultShortlistTop : request.Top;
        Engine.Matching.Shortlist shortlist;
        try
        {
            shortlist = await reads.ShortlistAsync(policy.ScopeOf(context), request.VacancyId, top, filters, f?.Region, context.CancellationToken);
        }
        catch (InvalidRequestException e) when (FilterFields.Contains(e.Field))
        {
            throw new InvalidRequestException($"filters.{e.Field}", e.Reason);
        }
        var response = new ShortlistResponse
        {
            VacancyId = shortlist.VacancyId, ModelVersion = shortlist.ModelVersion, Retrieved = shortlist.Retrieved, Notice = shortlist.Notice ?? "",
        };
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

    /// <summary>The fields of <c>ShortlistFilters</c>, which the engine names without the message they sit in.</summary>
    private static readonly HashSet<string> FilterFields = [.. ShortlistFilters.Descriptor.Fields.InDeclarationOrder().Select(d => d.Name)];

    [Authorize(Roles = Roles.RecordOutcomes)]
    public override async Task<RecordOutcomeResponse> RecordOutcome(RecordOutcomeRequest request, ServerCallContext context)
    {
        var revision = await outcomes.RecordAsync(policy.ScopeOf(context), request.VacancyId, request.CandidateId, request.Stage,
            request.Position == 0 ? null : request.Position);
        return new RecordOutcomeResponse { Revision = revision };
    }

    public override async Task<RecommendVacanciesResponse> RecommendVacancies(RecommendVacanciesRequest request, ServerCallContext context)
    {
        var top = request.Top == 0 ? MatchingReads.DefaultRecommendTop : request.Top;
        var recommended = await reads.RecommendAsync(policy.ScopeOf(context), request.CandidateId, top, context.CancellationToken);
        var response = new RecommendVacanciesResponse { CandidateId = request.CandidateId, Notice = recommended.Notice ?? "" };
        response.Vacancies.AddRange(recommended.Vacancies.Select(v =>
        {
            var item = new RecommendedVacancy { VacancyId = v.VacancyId, Title = v.Title, EmployerName = v.EmployerName, Score = v.Score };
            item.Reasons.AddRange(v.Reasons);
            item.Gaps.AddRange(v.Gaps);
            return item;
        }));
        return response;
    }
}
