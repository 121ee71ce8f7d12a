using MatchEngine.Engine.Persistence;

namespace MatchEngine.Engine.Sroi;

/// <summary>Opens the SROI claims kept beside the catalog at a <see cref="StoreLocation"/>.</summary>
public static class SroiClaimsStores
{
    /// <summary>Opens the SROI claims kept beside the catalog.</summary>
    public static ISroiClaims OpenSroiClaims(this StoreLocation location) =>
        location.PostgresConnectionString is { } postgres ? new PostgresSroiClaims(postgres) : new SqliteSroiClaims(location.SqlitePath!);
}
