using MatchEngine.Api.Audit;
using MatchEngine.Api.Configuration;
using MatchEngine.Engine;
using MatchEngine.Engine.Audit;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Sroi;
using MatchEngine.Models.Registry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MatchEngine.Api.Hosting;

/// <summary>Where the data lives and what keeps it: the data layout, the catalog with its index, the model registry, the audit
/// trail (purged by <see cref="AuditRetention"/>) and the SROI claims.</summary>
public static class StoreRegistration
{
    /// <summary>Registers the stores under the data directory of <see cref="MatchEngineOptions"/>; the clock is
    /// <see cref="TimeProvider.System"/> unless one is registered already.</summary>
    public static IServiceCollection AddMatchEngineStores(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<MatchEngineOptions>>().Value;
            return new DataLayout(Path.GetFullPath(o.DataDirectory)) { Postgres = o.Postgres };
        });
        services.AddSingleton(sp => CatalogService.Open(sp.GetRequiredService<DataLayout>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DataToday(sp.GetRequiredService<CatalogService>().Store, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CandidatePool(sp.GetRequiredService<CatalogService>().Store));
        services.AddSingleton(sp => new ModelRegistry(sp.GetRequiredService<DataLayout>().ModelsPath, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<DataLayout>().Store.OpenAuditLog());
        services.AddSingleton(sp => sp.GetRequiredService<DataLayout>().Store.OpenSroiClaims());
        // The index follows the store only when other replicas write to it too (a shared PostgreSQL store).
        services.AddSingleton<IHostedService>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MatchEngineOptions>>().Value.Postgres)
            ? new IndexFollower.NotShared()
            : ActivatorUtilities.CreateInstance<IndexFollower>(sp));
        services.AddHostedService<AuditRetention>();
        return services;
    }
}
