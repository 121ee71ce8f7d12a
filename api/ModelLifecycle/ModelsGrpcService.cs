using Grpc.Core;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.Security;
using MatchEngine.Api.V1;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Domain;
using MatchEngine.Models.Registry;
using Registry = MatchEngine.Models.Registry;
using MatchEngine.Training.Reports;
using MatchEngine.Training.Runs;
using Microsoft.AspNetCore.Authorization;

namespace MatchEngine.Api.ModelLifecycle;

/// <summary>The Models gRPC service: list, train, evaluate, promote and roll back, for data scientists and admins. One run or evaluation at a time.</summary>
[Authorize(Roles = Roles.ManageModels)]
public sealed class ModelsGrpcService(ModelRegistry registry, CatalogService catalog, CandidatePool pool, ModelRunGate gate) : V1.Models.ModelsBase
{
    public override Task<ListModelsResponse> List(ListModelsRequest request, ServerCallContext context)
    {
        var names = string.IsNullOrEmpty(request.Name) ? TrainingRuns.Models
            : TrainingRuns.Models.Contains(request.Name) ? [request.Name] : throw new InvalidRequestException("name", $"moet {Dutch.List(TrainingRuns.Models, "of")} zijn");
        var response = new ListModelsResponse();
        foreach (var name in names)
        {
            var promoted = registry.Promoted(name);
            response.Versions.AddRange(registry.List(name).Select(m =>
            {
                var v = new ModelVersion
                {
                    Name = m.Name, Version = m.Version, Kind = m.Kind, CreatedAt = m.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    DataHash = m.DataHash, Promoted = m.Version == promoted,
                };
                foreach (var (key, value) in m.Metrics) v.Metrics[key] = value;
                foreach (var (key, value) in m.Config ?? new Dictionary<string, string>()) v.Config[key] = value;
                if (m.Fairness is { } audit) v.Fairness = FairnessMessage(audit, registry.Fairness.Threshold);
                var report = Path.Combine(registry.DirectoryOf(m.Version), MarkdownReport.FileName);
                if (File.Exists(report)) v.ReportPath = report;
                return v;
            }));
            response.History.AddRange(registry.History(name).Select(p => new V1.Promotion
            {
                Version = p.Version, At = p.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Reason = p.Reason, User = p.User ?? "",
                FairnessOverride = p.FairnessOverride ?? "",
            }));
        }
        return Task.FromResult(response);
    }

    private static V1.FairnessAudit FairnessMessage(Registry.FairnessAudit audit, double threshold)
    {
        var failures = FairnessGate.Failures(audit, threshold).ToArray();
        var (verdict, notes) = FairnessSummary.Of(audit, threshold);
        var message = new V1.FairnessAudit { Passes = failures.Length == 0, MinimumGroupSize = audit.MinimumGroupSize, Units = audit.Units };
        message.BlockedBy.AddRange(failures);
        message.Flags.AddRange(FairnessGate.Flags(audit));
        message.Summary.AddRange([verdict, notes]);
        message.Findings.AddRange(audit.Findings.Select(f => new V1.FairnessFinding
        {
            Lens = f.Lens, Attribute = f.Attribute, Group = f.Group, Size = f.Size, Value = f.Value, Low = f.Low, High = f.High, TooSmall = f.TooSmall,
        }));
        return message;
    }

    public override async Task<TrainResponse> Train(TrainRequest request, ServerCallContext context)
    {
        var asOf = string.IsNullOrEmpty(request.AsOf) ? (DateOnly?)null : RequestDates.Parse(request.AsOf, "as_of");
        if (!TrainingRuns.Models.Contains(request.Name)) throw new InvalidRequestException("name", $"moet {Dutch.List(TrainingRuns.Models, "of")} zijn");
        TrainingConfig config;
        try
        {
            config = TrainingConfig.Parse(string.IsNullOrEmpty(request.ConfigJson) ? "{}" : request.ConfigJson);
        }
        catch (ArgumentException e)
        {
            throw new InvalidRequestException("config_json", e.Message);
        }
        await gate.WaitAsync(context.CancellationToken);
        try
        {
            var outcome = TrainingRuns.Run(new TrainingRequest(request.Name, config.With(new TrainingConfig { AsOf = asOf })), catalog, pool,
                registry.ActingFor(CallerClaims.Of(context).User), TextWriter.Null);
            return new TrainResponse { MetricsJson = outcome.MetricsJson, ReportPath = outcome.Report.Path, ReportMarkdown = outcome.Report.Markdown };
        }
        catch (InvalidOperationException e)
        {
            throw new PreconditionFailedException(e.Message);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async Task<EvaluateResponse> Evaluate(EvaluateRequest request, ServerCallContext context)
    {
        var asOf = string.IsNullOrEmpty(request.AsOf) ? (DateOnly?)null : RequestDates.Parse(request.AsOf, "as_of");
        registry.Require(request.Version);
        await gate.WaitAsync(context.CancellationToken);
        try
        {
            var outcome = ModelEvaluations.Evaluate(request.Version, asOf, catalog, pool, registry, TextWriter.Null);
            return new EvaluateResponse { MetricsJson = outcome.MetricsJson, ReportPath = outcome.Report.Path, ReportMarkdown = outcome.Report.Markdown };
        }
        catch (InvalidOperationException e)
        {
            throw new PreconditionFailedException(e.Message);
        }
        finally
        {
            gate.Release();
        }
    }

    public override Task<PromoteResponse> Promote(PromoteRequest request, ServerCallContext context)
    {
        var caller = CallerClaims.Of(context);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "promoted by hand" : request.Reason;
        try
        {
            registry.ActingFor(caller.User).Promote(request.Version, reason, NullIfEmpty(request.OverrideFairness), byAdmin: caller.Holds(Roles.Admin));
        }
        catch (FairnessGateException e)
        {
            throw new PreconditionFailedException($"{e.Message} (override_fairness, alleen een beheerder)");
        }
        return Task.FromResult(new PromoteResponse { Promoted = request.Version });
    }

    public override Task<V1.FairnessPolicy> GetFairnessPolicy(GetFairnessPolicyRequest request, ServerCallContext context) =>
        Task.FromResult(ToProto(registry.Fairness));

    public override Task<V1.FairnessPolicy> SetFairnessThreshold(SetFairnessThresholdRequest request, ServerCallContext context)
    {
        var caller = CallerClaims.Of(context);
        try
        {
            return Task.FromResult(ToProto(registry.ActingFor(caller.User).SetFairnessThreshold(request.Threshold, request.Reason, byAdmin: caller.Holds(Roles.Admin))));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new InvalidRequestException("threshold", $"moet {Dutch.Number(Registry.FairnessPolicy.MinThreshold)}–{Dutch.Number(Registry.FairnessPolicy.MaxThreshold)} zijn");
        }
        catch (ArgumentException)
        {
            throw new InvalidRequestException("reason", "ontbreekt: het beleid legt vast waarom");
        }
    }

    private static V1.FairnessPolicy ToProto(Registry.FairnessPolicy p) => new()
    {
        Threshold = p.Threshold, SetBy = p.SetBy, Reason = p.Reason, At = p.At?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static string? NullIfEmpty(string s) => string.IsNullOrEmpty(s) ? null : s;

    public override Task<PromoteResponse> Rollback(RollbackRequest request, ServerCallContext context)
    {
        try
        {
            return Task.FromResult(new PromoteResponse { Promoted = registry.ActingFor(CallerClaims.Of(context).User).Rollback(TrainingRuns.RequireModel(request.Name)) });
        }
        catch (InvalidOperationException e)
        {
            throw new PreconditionFailedException(e.Message);
        }
    }
}
