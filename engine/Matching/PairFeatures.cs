using System.Collections.Frozen;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// The features of a (vacancy, candidate) pair: each name and meaning is defined here once, and the
/// same <see cref="Featurize"/> serves training and serving. Protected attributes (gender, migration
/// background) and age are never read. Thread-safe.
/// </summary>
public static class PairFeatures
{
    /// <summary>Distance a bike is assumed to cover comfortably, km; beyond it a bike-only candidate struggles.</summary>
    public const double BikeRangeKm = 12;

    private static readonly PairFeature[] All =
    [
        new("required_skill_coverage", "share of the required skills the candidate has (1 when none required)",
            p => Coverage(p.V.RequiredSkillKeys, p.C.SkillKeys)),
        new("preferred_skill_coverage", "share of the preferred skills the candidate has (1 when none preferred)",
            p => Coverage(p.V.PreferredSkillKeys, p.C.SkillKeys)),
        new("task_skill_coverage", "share of the skills named in the task breakdown the candidate has",
            p => Coverage(p.V.TaskSkillKeys, p.C.SkillKeys)),
        new("certificate_coverage", "share of the required certificates the candidate holds (1 when none required)",
            p => Coverage(p.V.CertificateKeys, p.C.CertificateKeys)),
        new("missing_certificates", "number of required certificates the candidate lacks",
            p => p.V.CertificateKeys.Count - p.V.CertificateKeys.CountShared(p.C.CertificateKeys)),
        new("years_same_isco", "years of experience in the vacancy's ISCO unit group",
            p => p.C.YearsIn(p.V.Isco)),
        new("years_same_major_group", "years of experience in the vacancy's ISCO major group",
            p => p.C.YearsInMajorGroup(p.V.IscoMajorGroup)),
        new("desired_isco_match", "1 when the vacancy's occupation is one the candidate wants",
            p => Array.IndexOf(p.C.DesiredIsco, p.V.Isco) >= 0 ? 1 : 0),
        new("desired_sector_match", "1 when the vacancy's sector is one the candidate wants",
            p => p.C.DesiredSectorKeys.CountShared(p.V.Sector) > 0 ? 1 : 0),
        new("distance_km", "home to work location, km (great circle)",
            p => p.DistanceKm),
        new("distance_ratio", "distance divided by the candidate's maximum travel distance",
            p => p.DistanceKm / p.C.MaxDistanceKm),
        new("km_beyond_reach", "km the work location lies beyond the candidate's own maximum travel distance (0 within reach)",
            p => Math.Max(0, p.DistanceKm - p.C.MaxDistanceKm)),
        new("transport_fit", "1 with car or public transport, or by bike within 12 km; falls off beyond",
            p => TransportFit(p.C, p.DistanceKm)),
        new("hours_overlap", "overlap of the hour ranges, as a share of the vacancy's minimum hours",
            p => Math.Max(0, Math.Min(p.C.HoursMax, p.V.Vacancy.HoursMax) - Math.Max(p.C.HoursMin, p.V.Vacancy.HoursMin)) / p.V.Vacancy.HoursMin),
        new("hours_short", "hours per week the candidate falls short of the vacancy's minimum",
            p => Math.Max(0, p.V.Vacancy.HoursMin - p.C.HoursMax)),
        new("hours_over", "hours per week the candidate's minimum lies above the vacancy's maximum",
            p => Math.Max(0, p.C.HoursMin - p.V.Vacancy.HoursMax)),
        new("education_gap", "education levels below the vacancy's minimum (0 when met)",
            p => Math.Max(0, (int)p.V.Vacancy.EducationMin - p.C.Education)),
        new("education_surplus", "education levels above the vacancy's minimum",
            p => Math.Max(0, p.C.Education - (int)p.V.Vacancy.EducationMin)),
        new("dutch_gap", "CEFR steps below the vacancy's Dutch level (0 when met)",
            p => Math.Max(0, (int)p.V.Vacancy.DutchMin - p.C.Dutch)),
        new("load_gap", "physical load of the work above the candidate's capacity, in steps",
            p => Math.Max(0, (int)p.V.Vacancy.PhysicalLoad - p.C.PhysicalCapacity)),
        new("shift_fit", "share of the vacancy's shifts the candidate can work",
            p => ShiftBits.Count(p.V.Shifts & p.C.ShiftsOk) / (double)ShiftBits.Count(p.V.Shifts)),
        new("shifts_missing", "number of the vacancy's shifts the candidate cannot work",
            p => ShiftBits.Count(p.V.Shifts & ~p.C.ShiftsOk)),
        new("days_until_available", "days from the vacancy's posting until the candidate is available (0 when already)",
            p => Math.Max(0, p.C.AvailableFromDay - p.V.Vacancy.PostedAt.DayNumber)),
        new("days_after_start", "days the candidate becomes available after the work starts (closing date, or 3 months after posting; 0 when in time)",
            p => Math.Max(0, p.C.AvailableFromDay - p.V.StartDay)),
        new("months_in_bijstand", "months in the current benefit spell",
            p => p.C.MonthsInBijstand),
        new("prior_outflows", "earlier exits from the bijstand",
            p => p.C.PriorOutflows),
        new("startkwalificatie", "1 with a startkwalificatie",
            p => p.C.Startkwalificatie ? 1 : 0),
        new("needs_jobcoach", "1 when the candidate needs a jobcoach",
            p => p.C.NeedsJobcoach ? 1 : 0),
        new("doelgroepregister", "1 when registered under the banenafspraak",
            p => p.C.Doelgroepregister ? 1 : 0),
        new("employer_inclusive", "1 when the employer is in the WSP's inclusive network",
            p => p.V.Employer?.Inclusive == true ? 1 : 0),
        new("offers_leerwerk", "1 when the employer can combine the job with a leerwerk route",
            p => p.V.Vacancy.OffersLeerwerk ? 1 : 0),
        new("bm25", "text relevance of the candidate's profile to the vacancy (Lucene BM25)",
            p => p.Bm25),
    ];

    /// <summary>The feature names, in vector order; saved with every model.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToArray();

    /// <summary>What each feature means, by name.</summary>
    public static IReadOnlyDictionary<string, string> Meanings { get; } = All.ToDictionary(f => f.Name, f => f.Meaning);

    /// <summary>Index of a feature in the vector.</summary>
    public static int IndexOf(string name) => Positions.GetValueOrDefault(name, -1);

    private static readonly FrozenDictionary<string, int> Positions = All.Select((f, i) => (f.Name, i)).ToFrozenDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

    /// <summary>The feature vector of one pair; <paramref name="bm25"/> is the retrieval score (0 when not retrieved by text).</summary>
    public static float[] Featurize(PreparedVacancy vacancy, PreparedCandidate candidate, float bm25)
    {
        var pair = new Pair(vacancy, candidate, vacancy.Vacancy.Location.DistanceKm(candidate.Location), bm25);
        var vector = new float[All.Length];
        for (var i = 0; i < All.Length; i++) vector[i] = (float)All[i].Compute(pair);
        return vector;
    }

    private static double Coverage(LabelSet wanted, LabelSet had) =>
        wanted.Count == 0 ? 1 : wanted.CountShared(had) / (double)wanted.Count;

    private static double TransportFit(PreparedCandidate c, double km)
    {
        if (c.HasCarOrPublicTransport) return 1;
        return km <= BikeRangeKm ? 1 : Math.Max(0, 1 - (km - BikeRangeKm) / BikeRangeKm);
    }

    internal readonly record struct Pair(PreparedVacancy V, PreparedCandidate C, double DistanceKm, float Bm25);

    private sealed record PairFeature(string Name, string Meaning, Func<Pair, double> Compute);
}
