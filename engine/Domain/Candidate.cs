using System.Text.Json.Serialization;

namespace MatchEngine.Engine.Domain;

/// <summary>
/// A candidate (werkzoekende), identified by a pseudonym. Without <see cref="ConsentMatching"/> the
/// candidate is never shortlisted or exported. <see cref="Protected"/> never reaches a model.
/// </summary>
public sealed record Candidate
{
    public required string Id { get; init; }
    public required string Region { get; init; }
    public string? Municipality { get; init; }
    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public int? BirthYear { get; init; }
    public required EducationLevel Education { get; init; }
    public bool Startkwalificatie { get; init; }
    public required CefrLevel Dutch { get; init; }
    public IReadOnlyList<Experience> Experience { get; init; } = [];
    public IReadOnlyList<string> Skills { get; init; } = [];
    public IReadOnlyList<string> Certificates { get; init; } = [];

    /// <summary>
    /// <see cref="Skills"/> resolved to the catalogue's labels when the record was imported, one per skill in the same
    /// order; null when it never was. Written by the engine beside the labels as typed, never read from contract input.
    /// </summary>
    public IReadOnlyList<ResolvedLabel>? ResolvedSkills { get; init; }

    /// <summary><see cref="Certificates"/> resolved as <see cref="ResolvedSkills"/> are.</summary>
    public IReadOnlyList<ResolvedLabel>? ResolvedCertificates { get; init; }
    public IReadOnlyList<string> DesiredIsco { get; init; } = [];
    public IReadOnlyList<string> DesiredSectors { get; init; } = [];
    public required double HoursMin { get; init; }
    public required double HoursMax { get; init; }
    public required double MaxDistanceKm { get; init; }
    public required IReadOnlyList<Transport> Transport { get; init; }
    public required IReadOnlyList<Shift> ShiftsOk { get; init; }
    public required DateOnly AvailableFrom { get; init; }
    public required Load PhysicalCapacity { get; init; }
    public bool Doelgroepregister { get; init; }
    public int? LoonwaardePct { get; init; }
    public int MonthsInBijstand { get; init; }
    public int PriorOutflows { get; init; }
    public bool CareTasks { get; init; }
    public bool DebtSupport { get; init; }
    public bool NeedsJobcoach { get; init; }
    public string? ProfileText { get; init; }
    public required bool ConsentMatching { get; init; }
    public ProtectedAttributes? Protected { get; init; }

    /// <summary>The home location.</summary>
    [JsonIgnore]
    public GeoPoint Location => new(Lat, Lon);

    /// <summary>Total years of experience in one ISCO unit group.</summary>
    public double YearsIn(string isco)
    {
        var years = 0.0;
        for (var i = 0; i < Experience.Count; i++)
            if (Experience[i].Isco == isco) years += Experience[i].Years;
        return years;
    }

    /// <summary>Total years of experience in the ISCO major group (first digit) of <paramref name="isco"/>.</summary>
    public double YearsInMajorGroup(string isco)
    {
        var years = 0.0;
        for (var i = 0; i < Experience.Count; i++)
            if (IscoGroups.MajorOf(Experience[i].Isco) == IscoGroups.MajorOf(isco)) years += Experience[i].Years;
        return years;
    }
}

/// <summary>Years of experience in one ISCO-08 unit group.</summary>
public sealed record Experience(string Isco, double Years);

/// <summary>Protected attributes: kept apart and used only by the fairness audit, never as a model feature.</summary>
public sealed record ProtectedAttributes(string? Gender, string? MigrationBackground);
