using System.Text.Json.Serialization;

namespace MatchEngine.Engine.Domain;

/// <summary>
/// A vacancy with its task breakdown for jobcarving. Built only with the contract's rules kept (see
/// <see cref="ContractLimits"/>): the location inside the Netherlands, hours per week 1 ≤ min ≤ max ≤ 40, at least one
/// shift and one position, closing no earlier than posted, task ids unique and task hours adding up to at most
/// <see cref="HoursMax"/>. A rule between two properties is checked when the second is set, so a <c>with</c> that
/// moves both sets them in an order that keeps the rule at each step.
/// </summary>
public sealed record Vacancy
{
    public required string Id { get; init; }
    public required string EmployerId { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Isco { get; init; }
    public required string Sector { get; init; }
    public required double Lat { get; init => field = Invariant.Latitude(value); }
    public required double Lon { get; init => field = Invariant.Longitude(value); }

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

    /// <summary>Most hours per week, 1–40; the tasks' hours add up to at most this.</summary>
    public required double HoursMax
    {
        get;
        init
        {
            field = Invariant.Within(value, ContractLimits.WeeklyHours, nameof(HoursMax));
            if (HoursMin != 0) Invariant.Holds(ContractLimits.AboveRefusal(HoursMin, field, nameof(HoursMax)), nameof(HoursMax));
            Invariant.Holds(ContractLimits.TaskHoursRefusal(Tasks.Select(t => t.HoursPerWeek), field, nameof(HoursMax)), nameof(HoursMax));
        }
    }

    public EducationLevel EducationMin { get; init; }
    public CefrLevel DutchMin { get; init; }
    public IReadOnlyList<string> SkillsRequired { get; init; } = [];
    public IReadOnlyList<string> SkillsPreferred { get; init; } = [];
    public IReadOnlyList<string> CertificatesRequired { get; init; } = [];
    public required Load PhysicalLoad { get; init; }
    public required IReadOnlyList<Shift> Shifts { get; init => field = Invariant.NotEmpty(value, nameof(Shifts)); }
    public required ContractKind Contract { get; init; }
    public int Positions { get; init => field = Invariant.Within(value, ContractLimits.Positions, nameof(Positions)); } = 1;

    public required DateOnly PostedAt
    {
        get;
        init
        {
            field = value;
            Invariant.Holds(ContractLimits.BeforeRefusal(ClosesAt, field, nameof(PostedAt)), nameof(ClosesAt));
        }
    }

    /// <summary>The last day the vacancy is open, no earlier than <see cref="PostedAt"/>; null when open-ended.</summary>
    public DateOnly? ClosesAt
    {
        get;
        init
        {
            if (PostedAt != default) Invariant.Holds(ContractLimits.BeforeRefusal(value, PostedAt, nameof(PostedAt)), nameof(ClosesAt));
            field = value;
        }
    }
    public bool OpenToJobcarving { get; init; }
    public bool OffersLeerwerk { get; init; }
    public string? SroiContractId { get; init; }
    /// <summary>The task breakdown: ids unique, hours adding up to at most <see cref="HoursMax"/> (checked once that is set).</summary>
    public IReadOnlyList<VacancyTask> Tasks
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Tasks));
            if (ContractLimits.FirstDuplicateTaskId(value.Select(t => t.Id)) is { } duplicate)
                throw new ArgumentException($"Tasks: task id '{duplicate}' is used more than once.", nameof(Tasks));
            if (HoursMax != 0) Invariant.Holds(ContractLimits.TaskHoursRefusal(value.Select(t => t.HoursPerWeek), HoursMax, nameof(HoursMax)), nameof(Tasks));
            field = value;
        }
    } = [];

    /// <summary>The work location.</summary>
    [JsonIgnore]
    public GeoPoint Location => new(Lat, Lon);

    /// <summary>Open on <paramref name="day"/>: posted and not yet closed.</summary>
    public bool IsOpenOn(DateOnly day) => PostedAt <= day && (ClosesAt is null || ClosesAt >= day);

    /// <summary>Every place taken, with <paramref name="hired"/> people taken on.</summary>
    public bool Filled(int hired) => hired >= Positions;
}

/// <summary>One task of a vacancy. Complexity 1–5; hours per week &gt; 0.</summary>
public sealed record VacancyTask
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Skills { get; init; } = [];
    public required int Complexity { get; init => field = Invariant.Within(value, ContractLimits.TaskComplexity, nameof(Complexity)); }
    public required Load PhysicalLoad { get; init; }
    public required double HoursPerWeek { get; init => field = Invariant.Within(value, ContractLimits.PositiveHours, nameof(HoursPerWeek)); }
}
