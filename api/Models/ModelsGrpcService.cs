using Grpc.Core;
using MatchEngine.Api.Grpc;
using MatchEngine.Api.Security;
using MatchEngine.Api.V1;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Training;
using MatchEngine.Training.Reports;
using MatchEngine.Training.Runs;
using Microsoft.AspNetCore.Authorization;

namespace MatchEngine.Api.Models;

/// <summary>The Models gRPC service: list, train, evaluate, promote and roll back, for data scientists and admins. One run or evaluation at a time.</summary>
[Authorize(Roles = Roles.DataScientist + "," + Roles.Admin)]
public sealed class ModelsGrpcService(ModelRegistry registry, CatalogService catalog, CandidatePool pool) : V1.Models.ModelsBase
{
    private static readonly SemaphoreSlim OneRunAtATime = new(1, 1);

    public override Task<ListModelsResponse> List(ListModelsRequest request, ServerCallContext context)
    {
        var names = string.IsNullOrEmpty(request.Name) ? TrainingRuns.Models
            : TrainingRuns.Models.Contains(request.Name) ? [request.Name] : throw new InvalidRequestException("name", $"must be one of {string.Join(", ", TrainingRuns.Models)}");
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
                var report = Path.Combine(registry.DirectoryOf(m.Version), MarkdownReport.FileName);
                if (File.Exists(report)) v.ReportPath = report;
                return v;
            }));
        }
        return Task.FromResult(response);
    }

    public override async Task<TrainResponse> Train(TrainRequest request, ServerCallContext context)
    {
        var asOf = string.IsNullOrEmpty(request.AsOf) ? (DateOnly?)null : ProtoDates.Parse(request.AsOf, "as_of");
        if (!TrainingRuns.Models.Contains(request.Name)) throw new InvalidRequestException("name", $"must be one of {string.Join(", ", TrainingRuns.Models)}");
        TrainingConfig config;
        try
        {
            config = TrainingConfig.Parse(string.IsNullOrEmpty(request.ConfigJson) ? "{}" : request.ConfigJson);
        }
        catch (ArgumentException e)
        {
            throw new InvalidRequestException("config_json", e.Message);
        }
        await OneRunAtATime.WaitAsync(context.CancellationToken);
        try
        {
            var outcome = TrainingRuns.Run(new TrainingRequest(request.Name, config.With(new TrainingConfig { AsOf = asOf })), catalog, pool, registry, TextWriter.Null);
            return new TrainResponse { MetricsJson = outcome.MetricsJson, ReportPath = outcome.Report.Path, ReportMarkdown = outcome.Report.Markdown };
        }
        catch (InvalidOperationException e)
        {
            throw new PreconditionFailedException(e.Message);
        }
        finally
        {
            OneRunAtATime.Release();
        }
    }

    public override async Task<EvaluateResponse> Evaluate(EvaluateRequest request, ServerCallContext context)
    {
        var asOf = string.IsNullOrEmpty(request.AsOf) ? (DateOnly?)null : ProtoDates.Parse(request.AsOf, "as_of");
        registry.Require(request.Version);
        await OneRunAtATime.WaitAsync(context.CancellationToken);
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
            OneRunAtATime.Release();
        }
    }

    public override Task<PromoteResponse> Promote(PromoteRequest request, ServerCallContext context)
    {
        var manifest = registry.Require(request.Version);
        var caller = Caller.Of(context);
        var reason = string.IsNullOrEmpty(request.Reason) ? $"promoted by {caller.User}" : request.Reason;
        if (FairnessGate.Refusal(manifest) is { } refusal)
        {
            if (string.IsNullOrEmpty(request.OverrideFairness)) throw new PreconditionFailedException($"{refusal} (override_fairness, admin only)");
            if (caller.Role != Roles.Admin) throw new AccessDeniedException("only an admin may override the fairness audit");
            reason = $"{reason}; fairness override by {caller.User}: {request.OverrideFairness}";
        }
        registry.Promote(request.Version, reason);
        return Task.FromResult(new PromoteResponse { Promoted = request.Version });
    }

    public override Task<PromoteResponse> Rollback(RollbackRequest request, ServerCallContext context)
    {
        try
        {
            return Task.FromResult(new PromoteResponse { Promoted = registry.Rollback(TrainingRuns.RequireModel(request.Name)) });
        }
        catch (InvalidOperationException e)
        {
            throw new PreconditionFailedException(e.Message);
        }
    }
}
