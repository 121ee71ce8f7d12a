namespace MatchEngine.Engine.Domain;

/// <summary>
/// An employer (werkgever). <see cref="Inclusive"/>: member of the WSP's network of inclusive employers. The location lies
/// inside the Netherlands (see <see cref="ContractLimits"/>).
/// </summary>
public sealed record Employer
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Sector { get; init; }
    public required double Lat { get; init => field = Invariant.Latitude(value); }
    public required double Lon { get; init => field = Invariant.Longitude(value); }
    public required EmployerSize Size { get; init; }
    public bool Inclusive { get; init; }

    /// <summary>The employer's location.</summary>
    public GeoPoint Location => new(Lat, Lon);
}
