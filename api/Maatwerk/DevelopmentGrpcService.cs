using Grpc.Core;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.Security;
using MatchEngine.Engine.Access;
using Microsoft.AspNetCore.Authorization;
using MatchEngine.Api.V1;
using MatchEngine.Engine;
using System.Globalization;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;
using DomainRole = MatchEngine.Engine.Carving.CarvedRole;
using Role = MatchEngine.Api.V1.CarvedRole;

namespace MatchEngine.Api.Maatwerk;

/// <summary>The Development gRPC service: thin translation to the maatwerk reads (jobcarving, leerwerk) and the advice reads ("Wat helpt?").</summary>
[Authorize(Roles = Roles.SeeCandidates)]
public sealed class DevelopmentGrpcService(MaatwerkReads reads, AdviceReads advice, AccessPolicy policy, DataToday today)
    : V1.Development.DevelopmentBase
{
    public override async Task<CarveJobsResponse> CarveJobs(CarveJobsRequest request, ServerCallContext context)
    {
        var perRole = request.CandidatesPerRole == 0 ? CarvingService.DefaultCandidatesPerRole : request.CandidatesPerRole;
        if (Limit.Between(0, 50).Refusal(perRole) is { } badPerRole) throw new InvalidRequestException("candidates_per_role", badPerRole);
        var (vacancyId, employerId) = request.TargetCase switch
        {
            CarveJobsRequest.TargetOneofCase.VacancyId => (request.VacancyId, (string?)null),
            CarveJobsRequest.TargetOneofCase.EmployerId => (null, request.EmployerId),
            _ => throw new InvalidRequestException("target", "geef een vacancy_id of een employer_id"),
        };
        var proposal = await reads.CarveAsync(policy.ScopeOf(context), vacancyId, employerId, NullIfEmpty(request.CandidateId),
            string.IsNullOrEmpty(request.AsOf) ? null : RequestDates.Parse(request.AsOf, "as_of"), perRole);
        var response = new CarveJobsResponse { Explanation = proposal.Outcome.Explanation };
        response.Roles.AddRange(proposal.Roles.Select(r => ToProto(r.Role, r.Candidates, r.Suggestions)));
        response.Excluded.AddRange(proposal.Outcome.Excluded.Select(e => new V1.ExcludedTask { VacancyId = e.VacancyId, TaskId = e.TaskId, Name = e.Name, Reason = e.Reason }));
        return response;
    }

    public override async Task<CarvedRolesForCandidateResponse> CarvedRolesForCandidate(CarvedRolesForCandidateRequest request, ServerCallContext context)
    {
        var top = request.Top == 0 ? MaatwerkReads.DefaultRolesForCandidate : request.Top;
        if (Limit.Between(1, 50).Refusal(top) is { } badTop) throw new InvalidRequestException("top", badTop);
        var roles = await reads.RolesForCandidateAsync(policy.ScopeOf(context), request.CandidateId, top,
            string.IsNullOrEmpty(request.AsOf) ? null : RequestDates.Parse(request.AsOf, "as_of"));
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
            var item = new V1.ReadyCandidate
            {
                CandidateId = r.CandidateId, VacancyId = r.VacancyId, TotalWeeks = r.Path.TotalWeeks, TotalCostEur = (double)r.Path.TotalCostEur, CurrentJob = r.Job?.Gap ?? "",
            };
            item.Steps.AddRange(Steps(r.Path));
            if (r.SuccessProbability is { } p) item.SuccessProbability = p;
            return item;
        }));
        return response;
    }

    public override async Task<WhatHelpsResponse> WhatHelps(WhatHelpsRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.VacancyId)) throw new InvalidRequestException("vacancy_id", "geef de vacature waarvoor advies nodig is");
        var answer = await advice.WhatHelpsAsync(policy.ScopeOf(context), request.CandidateId, request.VacancyId);
        var response = new WhatHelpsResponse
        {
            CandidateId = answer.CandidateId, VacancyId = answer.VacancyId, ModelVersion = answer.ModelVersion, Before = ToProto(answer.Before), Caveat = answer.Caveat,
        };
        response.Steps.AddRange(answer.Steps.Select(ToProto));
        response.Combinations.AddRange(answer.Combinations.Select(ToProto));
        return response;
    }

    public override async Task<DevelopmentPlanResponse> DevelopmentPlan(DevelopmentPlanRequest request, ServerCallContext context)
    {
        var plan = await advice.PlanAsync(policy.ScopeOf(context), request.CandidateId, AsOf(request.AsOf));
        var response = new DevelopmentPlanResponse
        {
            CandidateId = plan.CandidateId, ModelVersion = plan.ModelVersion, AsOf = plan.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            VacanciesConsidered = plan.VacanciesConsidered, Now = ToProto(plan.Now), Summary = plan.Summary, Caveat = plan.Caveat,
        };
        response.SingleSteps.AddRange(plan.SingleSteps.Select(ToProto));
        if (plan.BestTwoSteps is { } two) response.BestTwoSteps = ToProto(two);
        return response;
    }

    public override async Task<TrainingNeedsResponse> TrainingNeeds(TrainingNeedsRequest request, ServerCallContext context)
    {
        var asOf = AsOf(request.AsOf);
        var needs = await advice.TrainingNeedsAsync(policy.ScopeOf(context), request.Region, asOf, context.CancellationToken);
        var response = new TrainingNeedsResponse { Region = request.Region, AsOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Caveat = AdviceService.Caveat };
        response.Needs.AddRange(needs.Select(n => new V1.TrainingNeed
        {
            Key = n.Key, Label = n.Label, Candidates = n.Candidates, Vacancies = n.Vacancies, CandidateVacancyPairs = n.CandidateVacancyPairs,
            CostPerCandidateEur = (double)n.CostPerCandidateEur, TotalCostEur = (double)n.TotalCostEur,
        }));
        return response;
    }

    private DateOnly AsOf(string value) => string.IsNullOrEmpty(value) ? today.Date : RequestDates.Parse(value, "as_of");

    private static V1.Standing ToProto(Engine.Advice.Standing s)
    {
        var standing = new V1.Standing { Score = s.Score, Place = s.Place, PoolSize = s.PoolSize };
        if (s.Chance is { } chance) standing.Chance = chance;
        return standing;
    }

    private static AdvisedSteps ToProto(StepsEffect e)
    {
        var steps = new AdvisedSteps { Label = e.Label, After = ToProto(e.After), ScoreGain = e.ScoreGain, Weeks = e.Weeks, CostEur = (double)e.CostEur };
        steps.RouteIds.AddRange(e.Steps.Select(s => s.Route?.Id).OfType<string>());
        if (e.ChanceGain is { } gain) steps.ChanceGain = gain;
        if (e.Success is { } success) steps.RouteSuccess = success;
        return steps;
    }

    private static V1.PlanOption ToProto(Engine.Advice.PlanOption o)
    {
        var option = new V1.PlanOption { Label = o.Label, TopTenVacancies = o.TopTenVacancies, Weeks = o.Weeks, CostEur = (double)o.CostEur };
        option.RouteIds.AddRange(o.Steps.Select(s => s.Route?.Id).OfType<string>());
        return option;
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
