using System.Text.Json;
using System.Text.Json.Serialization;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Sroi;

/// <summary>
/// Euros of social return per FTE-year by building block, after the Bouwblokkenmethode (the national SROI
/// method, PIANOo / Rijksoverheid "Bouwblokkenmethode SROI"): a person from a target group employed for a
/// year counts as a fixed amount that grows with the group's distance to the labour market; leerwerk (BBL)
/// places and carved roles are blocks of their own. A placement counts pro rata: × hours / <see cref="FullTimeHoursPerWeek"/>
/// (capped at 1 FTE) × days / <see cref="DaysPerYear"/>. The defaults are planning assumptions in the range
/// regions use (see docs/sroi.md); a region sets its own by a JSON file (<see cref="Load"/>). Immutable.
/// All amounts in euros (decimal, unrounded).
/// </summary>
public sealed record SroiValuationTable
{
    /// <summary>
    /// Bijstand, spell under <see cref="LongTermMonths"/>: €35,000 per FTE-year (the method's value for a jobseeker with a
    /// benefit, roughly a year's benefit plus reintegration costs saved).
    /// </summary>
    public decimal BijstandEur { get; init; } = 35_000m;

    /// <summary>Bijstand, spell of <see cref="LongTermMonths"/> months or more: €40,000 per FTE-year (a larger distance to the labour market is valued higher).</summary>
    public decimal BijstandLongTermEur { get; init; } = 40_000m;

    /// <summary>Doelgroepregister (banenafspraak): €40,000 per FTE-year (the method's highest regular category).</summary>
    public decimal DoelgroepregisterEur { get; init; } = 40_000m;

    /// <summary>Leerwerk / BBL place: €25,000 per year of learning combined with work (the method's BBL block).</summary>
    public decimal LeerwerkEur { get; init; } = 25_000m;

    /// <summary>Carved role: the bijstand rate plus this bonus, €5,000 per FTE-year (our assumption: functiecreatie creates a job that did not exist).</summary>
    public decimal CarvedRoleBonusEur { get; init; } = 5_000m;

    /// <summary>A bijstand spell of this many months or more counts as long-term. Default 24 (two years).</summary>
    public int LongTermMonths { get; init; } = 24;

    /// <summary>Hours per week of one FTE. Default 36 (common in Dutch collective agreements).</summary>
    public decimal FullTimeHoursPerWeek { get; init; } = 36m;

    /// <summary>Days in a valuation year. Default 365 (leap years are not special).</summary>
    public decimal DaysPerYear { get; init; } = 365m;

    /// <summary>The documented defaults.</summary>
    public static SroiValuationTable Default { get; } = new();

    /// <summary>Euros per FTE-year of a block.</summary>
    public decimal RateOf(SroiBlock block) => block switch
    {
        SroiBlock.Bijstand => BijstandEur,
        SroiBlock.BijstandLongTerm => BijstandLongTermEur,
        SroiBlock.Doelgroepregister => DoelgroepregisterEur,
        SroiBlock.Leerwerk => LeerwerkEur,
        SroiBlock.CarvedRole => BijstandEur + CarvedRoleBonusEur,
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, null),
    };

    /// <summary>
    /// The block a realised placement counts in: of the blocks that apply (leerwerk when the placement has the
    /// <c>leerwerk</c> instrument or a route; doelgroepregister; long-term or short bijstand by the candidate's
    /// months in bijstand), the one with the highest rate, so a person counts once. Carved roles are not
    /// recognisable in contract v1 placements and are valued only for proposals.
    /// </summary>
    public SroiBlock BlockOf(Placement placement, Candidate? candidate)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var blocks = new List<SroiBlock> { candidate is not null && candidate.MonthsInBijstand >= LongTermMonths ? SroiBlock.BijstandLongTerm : SroiBlock.Bijstand };
        if (candidate is { Doelgroepregister: true }) blocks.Add(SroiBlock.Doelgroepregister);
        if (placement.Instruments.Contains(Instrument.Leerwerk) || placement.RouteId is not null) blocks.Add(SroiBlock.Leerwerk);
        return blocks.OrderByDescending(RateOf).ThenBy(b => b).First();
    }

    /// <summary>Reads overrides from a JSON file (snake_case or camelCase property names; absent ones keep their default) and validates them.</summary>
    public static SroiValuationTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) throw new PreconditionFailedException($"SROI-waarderingsbestand {path} is een map; geef het JSON-bestand");
        if (!File.Exists(path)) throw new PreconditionFailedException($"SROI-waarderingsbestand bestaat niet: {path}");
        SroiValuationTable? table;
        try
        {
            table = JsonSerializer.Deserialize<SroiValuationTable>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            // The serializer's own text is English; its place in the file is not.
            var field = e.Path is null or "$" ? "" : $", bij {(e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path)}";
            throw new PreconditionFailedException($"SROI-waarderingsbestand '{path}' is geen geldige JSON of heeft een onbekend veld of een waarde van de verkeerde soort " +
                                                  $"(regel {e.LineNumber + 1}, teken {e.BytePositionInLine + 1}{field})");
        }
        return (table ?? Default).Validated(path);
    }

    private SroiValuationTable Validated(string source)
    {
        (string Field, string? Refusal)[] checks =
        [
            ("bijstand_eur", Limit.AtLeast(0m).Refusal(BijstandEur)), ("bijstand_long_term_eur", Limit.AtLeast(0m).Refusal(BijstandLongTermEur)),
            ("doelgroepregister_eur", Limit.AtLeast(0m).Refusal(DoelgroepregisterEur)), ("leerwerk_eur", Limit.AtLeast(0m).Refusal(LeerwerkEur)),
            ("carved_role_bonus_eur", Limit.AtLeast(0m).Refusal(CarvedRoleBonusEur)),
            ("full_time_hours_per_week", new Limit<decimal>(0m, 60m, MinExclusive: true).Refusal(FullTimeHoursPerWeek)),
            ("days_per_year", Limit.Between(360m, 366m).Refusal(DaysPerYear)), ("long_term_months", Limit.AtLeast(0).Refusal(LongTermMonths)),
        ];
        if (checks.FirstOrDefault(c => c.Refusal is not null) is { Refusal: { } refusal } broken)
            throw new PreconditionFailedException($"SROI-waardering {source}: {broken.Field} {refusal}");
        return this;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };
}
