using MatchEngine.Api.Configuration;
using MatchEngine.Api.ModelLifecycle;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Risk;
using MatchEngine.Engine.Sroi;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using Microsoft.Extensions.Options;

namespace MatchEngine.Api.Hosting;

/// <summary>The engine's services over the stores: the served models (following promotions), shortlists, maatwerk, advice,
/// herinstroom risk and SROI, and the caller-scoped reads the gRPC services and the console go through.</summary>
public static class EngineRegistration
{
    /// <summary>Registers the engine's services and the access policy; needs <see cref="StoreRegistration.AddMatchEngineStores"/>.</summary>
    public static IServiceCollection AddMatchEngineServices(this IServiceCollection services)
    {
        services.AddSingleton(sp => RankerModels.Follow(sp.GetRequiredService<ModelRegistry>(), ModelPoll(sp)));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MatchEngineOptions>>().Value.ExactRanking ? RankingCascade.Exhaustive : RankingCascade.Default);
        services.AddSingleton<ShortlistService>();
        services.AddSingleton(sp => new SearchAdmission(sp.GetRequiredService<IOptions<MatchEngineOptions>>().Value.SearchConcurrency));
        services.AddSingleton<CarvingService>();
        services.AddSingleton(sp => RouteSuccessModels.Follow(sp.GetRequiredService<ModelRegistry>(), ModelPoll(sp)));
        services.AddSingleton<LeerwerkService>();
        services.AddSingleton<AdviceService>();
        services.AddSingleton(sp => HerinstroomModels.Follow(sp.GetRequiredService<ModelRegistry>(), ModelPoll(sp)));
        services.AddSingleton(sp => new HerinstroomScorer(sp.GetRequiredService<CatalogService>().Store, sp.GetRequiredService<PromotedModel<HerinstroomModel>>()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MatchEngineOptions>>().Value.SroiValuationPath is { Length: > 0 } path
            ? SroiValuationTable.Load(path)
            : SroiValuationTable.Default);
        services.AddSingleton<SroiService>();
        services.AddSingleton<ModelRunGate>();
        services.AddSingleton(sp => new AccessPolicy(sp.GetRequiredService<CatalogService>().Store, sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AccessPolicy>>()));
        services.AddSingleton<CatalogReads>();
        services.AddSingleton<CatalogWrites>();
        services.AddSingleton<MatchingReads>();
        services.AddSingleton<OutcomeWrites>();
        services.AddSingleton<MaatwerkReads>();
        services.AddSingleton<AdviceReads>();
        services.AddSingleton<RiskReads>();
        services.AddSingleton<SroiReads>();
        return services;
    }

    private static TimeSpan ModelPoll(IServiceProvider services) =>
        TimeSpan.FromSeconds(services.GetRequiredService<IOptions<MatchEngineOptions>>().Value.ModelPollSeconds);
}
