using System.Text.Json.Serialization;

namespace MatchEngine.Engine.Domain;

/// <summary>A vacancy with its task breakdown for jobcarving. Hours are per week, 1 ≤ min ≤ max ≤ 40.</summary>
public sealed record Vacancy
{
    public required string Id { get; init; }
    public required string EmployerId { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Isco { get; init; }
    public required string Sector { get; init; }
    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public required double HoursMin { get; init; }
    public required double HoursMax { get; init; }
    public EducationLevel EducationMin { get; init; }
    public CefrLevel DutchMin { get; init; }
    public IReadOnlyList<string> SkillsRequired { get; init; } = [];
    public IReadOnlyList<string> SkillsPreferred { get; init; } = [];
    public IReadOnlyList<string> CertificatesRequired { get; init; } = [];
    public required Load PhysicalLoad { get; init; }
    public required IReadOnlyList<Shift> Shifts { get; init; }
    public required ContractKind Contract { get; init; }
    public int Positions { get; init; } = 1;
    public required DateOnly PostedAt { get; init; }
    public DateOnly? ClosesAt { get; init; }
    public bool OpenToJobcarving { get; init; }
    public bool OffersLeerwerk { get; init; }
    public string? SroiContractId { get; init; }
    public IReadOnlyList<VacancyTask> Tasks { get; init; } = [];

    /// <summary>The work location.</summary>
    [JsonIgnore]
    public GeoPoint Location => new(Lat, Lon);

    /// <summary>Open on <paramref name="day"/>: posted and not yet closed.</summary>
    public bool IsOpenOn(DateOnly day) => PostedAt <= day && (ClosesAt is null || ClosesAt >= day);
}

/// <summary>One task of a vacancy. Complexity 1–5; hours per week &gt; 0.</summary>
public sealed record VacancyTask
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Skills { get; init; } = [];
    public required int Complexity { get; init; }
    public required Load PhysicalLoad { get; init; }
    public required double HoursPerWeek { get; init; }
}
