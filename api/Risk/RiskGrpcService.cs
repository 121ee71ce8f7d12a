using System.Globalization;
using Grpc.Core;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.V1;
using MatchEngine.Engine;
using MatchEngine.Api.Security;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Risk;
using Microsoft.AspNetCore.Authorization;

namespace MatchEngine.Api.Risk;

/// <summary>The Risk service: validates, calls <see cref="RiskReads"/>, maps back. Errors become status codes in the interceptor.</summary>
[Authorize(Roles = Roles.Nazorg)]
public sealed class RiskGrpcService(RiskReads reads, AccessPolicy policy) : V1.Risk.RiskBase
{
    public override async Task<V1.HerinstroomScore> ScoreHerinstroom(ScoreHerinstroomRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = await reads.ScoreAsync(policy.ScopeOf(context), request.PlacementId);
        var reply = new V1.HerinstroomScore
        {
            PlacementId = s.PlacementId, Risk6M = s.Risk6, Risk12M = s.Risk12, Risk24M = s.Risk24, ModelVersion = s.ModelVersion, ModelKind = s.ModelKind,
        };
        reply.Factors.AddRange(s.Factors.Select(Map));
        reply.Instruments.AddRange(s.Instruments.Select(i => new V1.InstrumentSuggestion { Feature = i.Feature, Text = i.Text, HazardRatio = i.HazardRatio }));
        return reply;
    }

    public override async Task<NazorgWorklistResponse> NazorgWorklist(NazorgWorklistRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = RequestDates.Parse(request.AsOf, "as_of");
        var entries = await reads.NazorgWorklistAsync(policy.ScopeOf(context), request.Region, asOf, request.Capacity);
        var reply = new NazorgWorklistResponse();
        foreach (var e in entries)
        {
            var entry = new V1.NazorgEntry
            {
                PlacementId = e.PlacementId, CandidateId = e.CandidateId, MonthsSinceStart = e.MonthsSinceStart, Risk6MConditional = e.Risk6mConditional,
                HasJobcoach = e.HasJobcoach, RouteRunning = e.RouteRunning, EmployerId = e.EmployerId, EmployerName = e.EmployerName,
            };
            entry.Factors.AddRange(e.Factors.Select(Map));
            reply.Entries.Add(entry);
        }
        return reply;
    }

    private static V1.HerinstroomFactor Map(Engine.Risk.HerinstroomFactor f) =>
        new() { Feature = f.Feature, Text = f.Text, Value = f.Value, Contribution = f.Contribution };
}
