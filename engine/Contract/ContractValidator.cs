using System.Text.Json;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Contract;

/// <summary>The outcome of reading one record: the record when valid, else every violation.</summary>
public sealed record Parsed<T>(T? Record, string? Id, IReadOnlyList<FieldViolation> Violations) where T : class
{
    /// <summary>True when the record keeps every rule checked so far.</summary>
    public bool IsValid => Record is not null && Violations.Count == 0;
}

/// <summary>
/// Checks one record against every rule of the data contract (version 1) that the record alone can
/// decide. References to other records are checked by <see cref="ReferenceCheck"/> once the whole
/// folder (or the store) is known. Thread-safe.
/// </summary>
public sealed partial class ContractValidator(ValidationContext context)
{
    /// <summary>
    /// Parses one JSON line of <paramref name="kind"/>; malformed JSON is a violation of field <c>(line)</c>, and a line that gives a
    /// field twice (<see cref="DuplicateFields"/>) is refused by that field alone.
    /// </summary>
    public Parsed<object> Parse(EntityKind kind, string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, UnreadableJson.Options());
        }
        catch (JsonException e)
        {
            return new Parsed<object>(null, null, UnreadableJson.Why(json, e, "(line)"));
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return new Parsed<object>(null, null, [new FieldViolation("(line)", "moet één JSON-object zijn")]);
            return Read(kind, doc.RootElement);
        }
    }

    /// <summary>
    /// Reads one JSON object of <paramref name="kind"/>. Every field is read and checked first, so a rejected line names
    /// each broken rule; the domain record is built only when all of them hold, and its own checks then pass.
    /// </summary>
    public Parsed<object> Read(EntityKind kind, JsonElement element)
    {
        var violations = new List<FieldViolation>();
        var r = new RecordReader(element, violations);
        var (record, id) = kind switch
        {
            EntityKind.Employer => ReadEmployer(r),
            EntityKind.SroiContract => ReadSroiContract(r),
            EntityKind.Vacancy => ReadVacancy(r),
            EntityKind.Candidate => ReadCandidate(r),
            EntityKind.Route => ReadRoute(r),
            EntityKind.MatchEvent => ((object?)ReadMatchEvent(r), (string?)null),
            EntityKind.Placement => ReadPlacement(r),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return new Parsed<object>(violations.Count == 0 ? record : null, id, violations);
    }

    /// <summary>Checks a record built in code (gRPC, the generator) by its contract form.</summary>
    public Parsed<object> Check<T>(EntityKind kind, T record) where T : class
    {
        using var doc = JsonDocument.Parse(ContractJson.Serialize(record));
        return Read(kind, doc.RootElement);
    }

    private static (object?, string?) ReadEmployer(RecordReader r)
    {
        var (lat, lon) = r.Coordinates();
        var id = r.Id();
        var name = r.Text("name", true) ?? "";
        var sector = r.Label("sector", true) ?? "";
        var size = r.Enum<EmployerSize>("size", true);
        var inclusive = r.Bool("inclusive");
        if (!r.IsValid) return (null, id);
        return (new Employer { Id = id, Name = name, Sector = sector, Lat = lat, Lon = lon, Size = size, Inclusive = inclusive }, id);
    }

    private static (object?, string?) ReadSroiContract(RecordReader r)
    {
        var id = r.Id();
        var employerId = r.Reference("employer_id", true) ?? "";
        var description = r.Text("description", false);
        var value = r.Money("contract_value_eur", true, ContractLimits.ContractValueEur);
        var obligation = r.Money("obligation_pct", true, ContractLimits.ObligationPct);
        var start = r.Date("start", true);
        var end = r.Date("end", true);
        if (r.Usable("start", "end")) r.Holds("end", ContractLimits.BeforeRefusal(end, start, "start"));
        if (!r.IsValid) return (null, id);
        return (new SroiContract
        {
            Id = id, EmployerId = employerId, Description = description, ContractValueEur = value, ObligationPct = obligation,
            Start = start, End = end,
        }, id);
    }

    private static (object?, string?) ReadRoute(RecordReader r)
    {
        var lat = r.OptionalNumber("lat");
        var lon = r.OptionalNumber("lon");
        if (lat.HasValue != lon.HasValue) r.Fail(lat.HasValue ? "lon" : "lat", "lat en lon staan er allebei of ontbreken allebei");
        else if (lat.HasValue) r.InNetherlands(lat.Value, lon!.Value);
        var id = r.Id();
        var name = r.Text("name", true) ?? "";
        var provider = r.Text("provider", true) ?? "";
        var kind = r.Enum<RouteKind>("kind", true);
        var sector = r.Label("sector", false);
        var teaches = r.Labels("teaches_skills");
        var certifies = r.Labels("certifies");
        var raisesEducation = r.OptionalEnum<EducationLevel>("raises_education_to");
        var raisesDutch = r.OptionalEnum<CefrLevel>("raises_dutch_to");
        var weeks = r.Int("weeks", true, ContractLimits.RouteWeeks);
        var cost = r.Money("cost_eur", true, ContractLimits.RouteCostEur);
        var requiresDutch = r.Enum<CefrLevel>("requires_dutch_min", false);
        var requiresEducation = r.Enum<EducationLevel>("requires_education_min", false);
        var withWorkPlacement = r.Bool("with_work_placement");
        if (!r.IsValid) return (null, id);
        return (new LeerwerkRoute
        {
            Id = id, Name = name, Provider = provider, Kind = kind, Sector = sector, TeachesSkills = teaches, Certifies = certifies,
            RaisesEducationTo = raisesEducation, RaisesDutchTo = raisesDutch, Weeks = weeks, CostEur = cost,
            RequiresDutchMin = requiresDutch, RequiresEducationMin = requiresEducation, WithWorkPlacement = withWorkPlacement,
            Lat = lat, Lon = lon,
        }, id);
    }

    private static MatchEvent? ReadMatchEvent(RecordReader r)
    {
        var vacancyId = r.Reference("vacancy_id", true) ?? "";
        var candidateId = r.Reference("candidate_id", true) ?? "";
        var at = r.DateTime("at");
        var stage = r.Enum<MatchStage>("stage", true);
        var position = r.OptionalInt("position", ContractLimits.ShortlistPosition);
        if (!r.IsValid) return null;
        return new MatchEvent { VacancyId = vacancyId, CandidateId = candidateId, At = at, Stage = stage, Position = position };
    }

    /// <summary>
    /// A placement, whose follow-up (<c>observed_until</c>) and return to the bijstand (<c>herinstroom_at</c>) lie no later than
    /// today: a placement is not followed into the future, and the latest <c>observed_until</c> is the data's own date, the
    /// "today" every answer reads the region as of (<c>DataDate</c>), so one line with 9999-12-31 would move it for all.
    /// </summary>
    private (object?, string?) ReadPlacement(RecordReader r)
    {
        var id = r.Id();
        var candidateId = r.Reference("candidate_id", true) ?? "";
        var employerId = r.Reference("employer_id", true) ?? "";
        var vacancyId = r.Reference("vacancy_id", false);
        var start = r.Date("start", true);
        var hours = r.Number("hours_per_week", true, ContractLimits.PositiveHours);
        var contract = r.Enum<ContractKind>("contract", true);
        var instruments = r.EnumList<Instrument>("instruments", atLeastOne: false);
        var routeId = r.Reference("route_id", false);
        var routeCompleted = r.OptionalBool("route_completed");
        var ended = r.OptionalDate("ended");
        var herinstroomAt = r.OptionalDate("herinstroom_at");
        var observedUntil = r.Date("observed_until", true);
        if (r.Usable("start", "observed_until")) r.Holds("observed_until", ContractLimits.BeforeRefusal(observedUntil, start, "start"));
        if (r.Usable("start", "ended")) r.Holds("ended", ContractLimits.BeforeRefusal(ended, start, "start"));
        if (r.Usable("start", "herinstroom_at")) r.Holds("herinstroom_at", ContractLimits.BeforeRefusal(herinstroomAt, start, "start"));
        if (r.Usable("observed_until")) r.Holds("observed_until", ContractLimits.AfterRefusal(observedUntil, context.Today, "vandaag"));
        if (r.Usable("herinstroom_at")) r.Holds("herinstroom_at", ContractLimits.AfterRefusal(herinstroomAt, context.Today, "vandaag"));
        if (!r.IsValid) return (null, id);
        return (new Placement
        {
            Id = id, CandidateId = candidateId, EmployerId = employerId, VacancyId = vacancyId, Start = start, HoursPerWeek = hours,
            Contract = contract, Instruments = instruments, RouteId = routeId, RouteCompleted = routeCompleted, Ended = ended,
            HerinstroomAt = herinstroomAt, ObservedUntil = observedUntil,
        }, id);
    }
}
