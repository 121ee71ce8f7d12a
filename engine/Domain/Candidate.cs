using System.Text.Json.Serialization;

namespace MatchEngine.Engine.Domain;

/// <summary>
/// A candidate (werkzoekende), identified by a pseudonym. Without <see cref="ConsentMatching"/> the
/// candidate is never shortlisted or exported. <see cref="Protected"/> never reaches a model. Built only with the
/// contract's rules kept (see <see cref="ContractLimits"/>): home inside the Netherlands, hours per week
/// 1 ≤ min ≤ max ≤ 40, a positive travel distance, at least one means of transport and one shift, counts not
/// negative. The latest birth year depends on the day, so the import checks it; the record checks the earliest.
/// A rule between two properties is checked when the second is set.
/// </summary>
public sealed record Candidate
{
    public required string Id { get; init; }
    public required string Region { get; init; }
    public string? Municipality { get; init; }
    public required double Lat { get; init => field = Invariant.Latitude(value); }
    public required double Lon { get; init => field = Invariant.Longitude(value); }
    public int? BirthYear { get; init => field = Invariant.Within(value, Limit.AtLeast(ContractLimits.EarliestBirthYear), nameof(BirthYear)); }
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

    /// <summary>Least hours per week, 1–40, at most <see cref="HoursMax"/>.</summary>
    public required double HoursMin
    {
        get;
        init
        {
            field = Invariant.Within(value, ContractLimits.WeeklyHours, nameof(HoursMin));
            if (HoursMax != 0) Invariant.Holds(ContractLimits.AboveRefusal(field, HoursMax, nameof(HoursMax)), nameof(HoursMin));
        }
    }

    /// <summary>Most hours per week, 1–40.</summary>
    public required double HoursMax
    {
        get;
        init
        {
            field = Invariant.Within(value, ContractLimits.WeeklyHours, nameof(HoursMax));
            if (HoursMin != 0) Invariant.Holds(ContractLimits.AboveRefusal(HoursMin, field, nameof(HoursMax)), nameof(HoursMax));
        }
    }

    public required double MaxDistanceKm { get; init => field = Invariant.Within(value, ContractLimits.MaxDistanceKm, nameof(MaxDistanceKm)); }
    public required IReadOnlyList<Transport> Transport { get; init => field = Invariant.NotEmpty(value, nameof(Transport)); }
    public required IReadOnlyList<Shift> ShiftsOk { get; init => field = Invariant.NotEmpty(value, nameof(ShiftsOk)); }
    public required DateOnly AvailableFrom { get; init; }
    public required Load PhysicalCapacity { get; init; }
    public bool Doelgroepregister { get; init; }
    public int? LoonwaardePct { get; init => field = Invariant.Within(value, ContractLimits.LoonwaardePct, nameof(LoonwaardePct)); }
    public int MonthsInBijstand { get; init => field = Invariant.Within(value, ContractLimits.Count, nameof(MonthsInBijstand)); }
    public int PriorOutflows { get; init => field = Invariant.Within(value, ContractLimits.Count, nameof(PriorOutflows)); }
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

/// <summary>Years of experience in one ISCO-08 unit group; years are not negative.</summary>
public sealed record Experience(string Isco, double Years)
{
    public double Years { get; init => field = Invariant.Within(value, ContractLimits.ExperienceYears, nameof(Years)); } =
        Invariant.Within(Years, ContractLimits.ExperienceYears, nameof(Years));
}

/// <summary>Protected attributes: kept apart and used only by the fairness audit, never as a model feature.</summary>
public sealed record ProtectedAttributes(string? Gender, string? MigrationBackground);
