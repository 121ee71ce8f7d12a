namespace MatchEngine.Engine.Domain;

/// <summary>An employer (werkgever). <see cref="Inclusive"/>: member of the WSP's network of inclusive employers.</summary>
public sealed record Employer
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Sector { get; init; }
    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public required EmployerSize Size { get; init; }
    public bool Inclusive { get; init; }

    /// <summary>The employer's location.</summary>
    public GeoPoint Location => new(Lat, Lon);
}
