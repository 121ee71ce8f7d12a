using Grpc.Core;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.Security;
using MatchEngine.Engine.Access;
using Microsoft.AspNetCore.Authorization;
using MatchEngine.Api.V1;
using MatchEngine.Engine;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;
using DomainRole = MatchEngine.Engine.Carving.CarvedRole;
using Role = MatchEngine.Api.V1.CarvedRole;

namespace MatchEngine.Api.Development;

/// <summary>The Development gRPC service: thin translation to <see cref="CarvingService"/> and <see cref="LeerwerkService"/>.</summary>
[Authorize(Roles = Roles.SeeCandidates)]
public sealed class DevelopmentGrpcService(MaatwerkReads reads, AccessPolicy policy) : V1.Development.DevelopmentBase
{
    public override async Task<CarveJobsResponse> CarveJobs(CarveJobsRequest request, ServerCallContext context)
    {
        var perRole = request.CandidatesPerRole == 0 ? CarvingService.DefaultCandidatesPerRole : request.CandidatesPerRole;
        if (perRole is < 0 or > 50) throw new InvalidRequestException("candidates_per_role", "must be 0-50");
        var (vacancyId, employerId) = request.TargetCase switch
        {
            CarveJobsRequest.TargetOneofCase.VacancyId => (request.VacancyId, (string?)null),
            CarveJobsRequest.TargetOneofCase.EmployerId => (null, request.EmployerId),
            _ => throw new InvalidRequestException("target", "give a vacancy_id or an employer_id"),
        };
        var proposal = await reads.CarveAsync(policy.ScopeOf(context), vacancyId, employerId, NullIfEmpty(request.CandidateId),
            string.IsNullOrEmpty(request.AsOf) ? null : ProtoDates.Parse(request.AsOf, "as_of"), perRole);
        var response = new CarveJobsResponse { Explanation = proposal.Outcome.Explanation };
        response.Roles.AddRange(proposal.Roles.Select(r => ToProto(r.Role, r.Candidates, r.Suggestions)));
        response.Excluded.AddRange(proposal.Outcome.Excluded.Select(e => new V1.ExcludedTask { VacancyId = e.VacancyId, TaskId = e.TaskId, Name = e.Name, Reason = e.Reason }));
        return response;
    }

    public override async Task<CarvedRolesForCandidateResponse> CarvedRolesForCandidate(CarvedRolesForCandidateRequest request, ServerCallContext context)
    {
        var top = request.Top == 0 ? MaatwerkReads.DefaultRolesForCandidate : request.Top;
        if (top is < 1 or > 50) throw new InvalidRequestException("top", "must be 1-50");
        var roles = await reads.RolesForCandidateAsync(policy.ScopeOf(context), request.CandidateId, top,
            string.IsNullOrEmpty(request.AsOf) ? null : ProtoDates.Parse(request.AsOf, "as_of"));
        var response = new CarvedRolesForCandidateResponse();
        response.Roles.AddRange(roles.Select(r => ToProto(r, [])));
        return response;
    }

    public override async Task<LeerwerkRoutesResponse> LeerwerkRoutes(LeerwerkRoutesRequest request, ServerCallContext context)
    {
        var advice = await reads.RoutesAsync(policy.ScopeOf(context), request.CandidateId,
            request.TowardCase == LeerwerkRoutesRequest.TowardOneofCase.VacancyId ? request.VacancyId : null,
            request.TowardCase == LeerwerkRoutesRequest.TowardOneofCase.Sector ? request.Sector : null);
        var response = new LeerwerkRoutesResponse
        {
            CandidateId = advice.CandidateId,
            TotalWeeks = advice.Path.TotalWeeks,
            TotalCostEur = (double)advice.Path.TotalCostEur,
            ClosesAllGaps = advice.Path.ClosesAll,
            OnTheJobAtEmployer = advice.Path.OnTheJobAtEmployer,
        };
        if (advice.SuccessProbability is { } p) response.SuccessProbability = p;
        response.Gaps.AddRange(advice.Gaps.Select(g => g.Describe()));
        response.Steps.AddRange(Steps(advice.Path));
        response.UnclosableGaps.AddRange(advice.Path.Unclosable.Select(g => g.Describe()));
        return response;
    }

    public override async Task<ReadyWithinResponse> ReadyWithin(ReadyWithinRequest request, ServerCallContext context)
    {
        var ready = await reads.ReadyWithinAsync(policy.ScopeOf(context), request.VacancyIds,
            request.Months == 0 ? MaatwerkReads.DefaultReadyMonths : request.Months, request.Top == 0 ? MaatwerkReads.DefaultReadyTop : request.Top,
            NullIfEmpty(request.Region));
        var response = new ReadyWithinResponse();
        response.Candidates.AddRange(ready.Select(r =>
        {
            var item = new V1.ReadyCandidate { CandidateId = r.CandidateId, VacancyId = r.VacancyId, TotalWeeks = r.Path.TotalWeeks, TotalCostEur = (double)r.Path.TotalCostEur };
            item.Steps.AddRange(Steps(r.Path));
            if (r.SuccessProbability is { } p) item.SuccessProbability = p;
            return item;
        }));
        return response;
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrEmpty(s) ? null : s;

    private static IEnumerable<RouteStep> Steps(LeerwerkPath path) => path.Steps.Select((s, i) => new RouteStep
    {
        Order = i + 1, RouteId = s.Id, Name = s.Name, Provider = s.Provider, Kind = Vocabulary.Name(s.Kind), Weeks = s.Weeks,
        CostEur = (double)s.CostEur, WithWorkPlacement = s.WithWorkPlacement,
    });

    /// <summary>The role with <paramref name="candidates"/>; each with the role carved to them, when <paramref name="suggestions"/> has one.</summary>
    private static Role ToProto(DomainRole role, IReadOnlyList<Engine.Matching.ShortlistEntry> candidates, IReadOnlyList<SuggestedCandidate>? suggestions = null)
    {
        var r = new Role { EmployerId = role.EmployerId, Title = role.Title, HoursPerWeek = role.HoursPerWeek };
        r.Tasks.AddRange(role.Tasks.Select(t => new V1.CarvedTask
        {
            VacancyId = t.VacancyId, TaskId = t.TaskId, Name = t.Name, HoursPerWeek = t.HoursPerWeek, Complexity = t.Complexity,
            PhysicalLoad = Vocabulary.Name(t.PhysicalLoad), LearnByRouteId = t.LearnBy?.Id ?? "",
        }));
        r.Remaining.AddRange(role.Remaining.Select(x => new V1.RemainingVacancy
        {
            VacancyId = x.VacancyId, Title = x.Title, OriginalHours = x.OriginalHours, CarvedHours = x.CarvedHours, RemainingHours = x.RemainingHours,
        }));
        r.Shifts.AddRange(role.Shifts.Select(Vocabulary.Name));
        r.Candidates.AddRange(candidates.Select(c =>
        {
            var rc = new RoleCandidate { CandidateId = c.CandidateId, Score = c.Score };
            rc.Reasons.AddRange(c.Reasons);
            rc.Gaps.AddRange(c.Gaps);
            if (suggestions?.FirstOrDefault(s => s.Refitted && s.Entry.CandidateId == c.CandidateId) is { } fitted) rc.FittedRole = ToProto(fitted.Role, []);
            return rc;
        }));
        return r;
    }
}
