using Grpc.Core;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.V1;
using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Api.Security;
using MatchEngine.Engine.Sroi;
using Microsoft.AspNetCore.Authorization;
using DomainProgress = MatchEngine.Engine.Sroi.ContractProgress;

namespace MatchEngine.Api.Sroi;

/// <summary>The Sroi gRPC service: thin translation to <see cref="SroiReads"/>. Money as two-decimal strings (<see cref="SroiMoney"/>).</summary>
[Authorize(Roles = Roles.Sroi)]
public sealed class SroiGrpcService(SroiReads reads, AccessPolicy policy, DataToday today) : V1.Sroi.SroiBase
{
    public override async Task<ContractProgressResponse> ContractProgress(ContractProgressRequest request, ServerCallContext context) =>
        ToProto(await reads.ProgressAsync(policy.ScopeOf(context), request.ContractId, AsOf(request.AsOf)));

    public override async Task<FindPlacementsResponse> FindPlacements(FindPlacementsRequest request, ServerCallContext context)
    {
        var found = await reads.FindPlacementsAsync(policy.ScopeOf(context), request.ContractId, AsOf(request.AsOf),
            request.Top == 0 ? SroiReads.DefaultOpportunities : request.Top);
        var response = new FindPlacementsResponse { Progress = ToProto(found.Progress), Note = found.Note };
        response.FittingOccupations.AddRange(found.FittingOccupations);
        response.Opportunities.AddRange(found.Opportunities.Select(o =>
        {
            var item = new V1.PlacementOpportunity
            {
                Kind = Name(o.Kind), Id = o.Id, Title = o.Title, Isco = o.Isco, FillFrom = SroiMoney.Day(o.FillFrom), Value = ToProto(o.Value),
                SuccessChance = o.SuccessChance, ExpectedEur = SroiMoney.Cents(o.ExpectedEur),
            };
            item.Candidates.AddRange(o.Candidates.Select(c =>
            {
                var sc = new SroiCandidate { CandidateId = c.CandidateId, Score = c.Score };
                sc.Reasons.AddRange(c.Reasons);
                sc.Gaps.AddRange(c.Gaps);
                return sc;
            }));
            return item;
        }));
        return response;
    }

    public override async Task<WorklistResponse> Worklist(WorklistRequest request, ServerCallContext context)
    {
        var response = new WorklistResponse();
        var entries = await reads.WorklistAsync(policy.ScopeOf(context), AsOf(request.AsOf));
        response.Contracts.AddRange(entries.Select(e => new V1.WorklistEntry { Position = e.Position, Progress = ToProto(e.Progress) }));
        return response;
    }

    public override async Task<ClaimPlacementResponse> ClaimPlacement(ClaimPlacementRequest request, ServerCallContext context)
    {
        var claim = await reads.ClaimAsync(policy.ScopeOf(context), request.ContractId, request.PlacementId);
        return new ClaimPlacementResponse { PlacementId = claim.PlacementId, ContractId = claim.ContractId, Rule = Name(claim.Rule) };
    }

    private DateOnly AsOf(string value) => string.IsNullOrEmpty(value) ? today.Date : RequestDates.Parse(value, "as_of");

    private static string Name<T>(T value) where T : struct, Enum => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');

    private static ContractProgressResponse ToProto(DomainProgress p)
    {
        var c = p.Contract;
        var r = new ContractProgressResponse
        {
            ContractId = c.Id, EmployerId = c.EmployerId, Description = c.Description ?? "", Start = SroiMoney.Day(c.Start), End = SroiMoney.Day(c.End),
            AsOf = SroiMoney.Day(p.AsOf), ContractValueEur = SroiMoney.Cents(c.ContractValueEur),
            ObligationPct = c.ObligationPct.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ObligationEur = SroiMoney.Cents(p.ObligationEur), RealisedEur = SroiMoney.Cents(p.RealisedEur), OpenEur = SroiMoney.Cents(p.OpenEur),
            ContractDays = p.ContractDays, ElapsedDays = p.ElapsedDays, RemainingDays = p.RemainingDays, PacePerDayEur = SroiMoney.Rate(p.PacePerDayEur),
            CommittedEur = SroiMoney.Cents(p.CommittedEur), ProjectedAtPaceEur = SroiMoney.Cents(p.ProjectedAtPaceEur), ProjectedEur = SroiMoney.Cents(p.ProjectedEur), AtRisk = p.AtRisk,
            AtRiskEur = SroiMoney.Cents(p.AtRiskEur), Ended = p.Ended,
            Withheld = new V1.WithheldPlacements
            {
                Count = p.Withheld.Count, RealisedEur = SroiMoney.Cents(p.Withheld.RealisedEur), CommittedEur = SroiMoney.Cents(p.Withheld.CommittedEur),
            },
        };
        r.Placements.AddRange(p.Placements.Select(x =>
        {
            var item = new V1.CountedPlacement
            {
                PlacementId = x.PlacementId, VacancyId = x.VacancyId ?? "", Rule = Name(x.Rule), Start = SroiMoney.Day(x.Start),
                LastDayWorked = SroiMoney.Day(x.LastDayWorked), Running = x.Running, CountedFrom = SroiMoney.Day(x.CountedFrom),
                CountedTo = SroiMoney.Day(x.CountedTo), Realised = ToProto(x.Realised), Committed = ToProto(x.Committed),
            };
            item.AlsoEligible.AddRange(x.AlsoEligible);
            return item;
        }));
        return r;
    }

    private static Valuation ToProto(SroiValuation v) => new()
    {
        Block = Name(v.Block), RatePerFteYearEur = SroiMoney.Cents(v.RatePerFteYearEur), HoursPerWeek = (double)v.HoursPerWeek,
        Fte = (double)v.Fte, Days = v.Days, ValueEur = SroiMoney.Cents(v.ValueEur),
    };
}
