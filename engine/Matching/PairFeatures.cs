using System.Collections.Frozen;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// The features of a (vacancy, candidate) pair: each name and meaning is defined here once, and the
/// same <see cref="Featurize(PreparedVacancy, PreparedCandidate, float)"/> serves training and serving. Protected attributes (gender, migration
/// background) and age are never read. Thread-safe.
/// </summary>
public static class PairFeatures
{
    /// <summary>Distance a bike is assumed to cover comfortably, km; beyond it a bike-only candidate struggles.</summary>
    public const double BikeRangeKm = 12;

    /// <summary>
    /// Weeks late from which later makes no difference to a vacancy: someone available in half a year or more is not
    /// available for it, however much later. A candidate's record is today's, so past vacancies see today's availability
    /// years late; uncapped, those values would set the slope of lateness and leave the weeks that tell open vacancies'
    /// candidates apart nearly unweighted.
    /// </summary>
    public const double LateWeeksCap = 26;

    private static readonly PairFeature[] All =
    [
        new("required_skill_coverage", CandidateAspect.Skills, "share of the required skills the candidate has (1 when none required)",
            p => Coverage(p.V.RequiredSkillKeys, p.C.SkillKeys),
            Furthest: _ => 1, Direction: 1),
        new("preferred_skill_share", CandidateAspect.Skills, "share of the preferred skills the candidate has (0 when none preferred: nothing extra to bring)",
            p => Share(p.V.PreferredSkillKeys, p.C.SkillKeys),
            Furthest: v => v.PreferredSkillKeys.Count == 0 ? 0 : 1, Direction: 1),
        new("task_skill_share", CandidateAspect.Skills, "share of the skills named in the task breakdown the candidate has (0 when none named)",
            p => Share(p.V.TaskSkillKeys, p.C.SkillKeys),
            Furthest: v => v.TaskSkillKeys.Count == 0 ? 0 : 1, Direction: 1),
        new("certificate_coverage", CandidateAspect.Certificates, "share of the required certificates the candidate holds (1 when none required)",
            p => Coverage(p.V.CertificateKeys, p.C.CertificateKeys),
            Furthest: _ => 1, Direction: 1),
        new("missing_certificates", CandidateAspect.Certificates, "number of required certificates the candidate lacks",
            p => p.V.CertificateKeys.Count - p.V.CertificateKeys.CountShared(p.C.CertificateKeys),
            Furthest: _ => 0, Direction: -1),
        new("years_same_isco", CandidateAspect.None, "years of experience in the vacancy's ISCO unit group (counted up to a working life, 50)",
            p => p.C.YearsIn(p.V.Isco), Direction: 1),
        new("years_same_major_group", CandidateAspect.None, "years of experience in the vacancy's ISCO major group (counted up to a working life, 50)",
            p => p.C.YearsInMajorGroup(p.V.IscoMajorGroup), Direction: 1),
        new("desired_isco_match", CandidateAspect.None, "1 when the vacancy's occupation is one the candidate wants",
            p => Array.IndexOf(p.C.DesiredIsco, p.V.Isco) >= 0 ? 1 : 0),
        new("desired_sector_match", CandidateAspect.None, "1 when the vacancy's sector is one the candidate wants",
            p => p.C.DesiredSectorKeys.CountShared(p.V.Sector) > 0 ? 1 : 0),
        new("distance_km", CandidateAspect.None, "home to work location, km (great circle)",
            p => p.DistanceKm, Direction: -1),
        new("distance_ratio", CandidateAspect.Reach, "distance divided by the candidate's maximum travel distance",
            p => p.DistanceKm / p.C.MaxDistanceKm,
            Furthest: _ => 0, Direction: -1),
        new("km_beyond_reach", CandidateAspect.Reach, "km the work location lies beyond the candidate's own maximum travel distance (0 within reach)",
            p => Math.Max(0, p.DistanceKm - p.C.MaxDistanceKm),
            Furthest: _ => 0, Direction: -1),
        new("transport_fit", CandidateAspect.Reach, "1 with car or public transport, or by bike within 12 km; falls off beyond",
            p => TransportFit(p.C, p.DistanceKm),
            Furthest: _ => 1, Direction: 1),
        new("km_without_car", CandidateAspect.Reach, "home to work location, km, for a candidate without a car (0 with one)",
            p => p.C.HasCar ? 0 : p.DistanceKm,
            Furthest: _ => 0, Direction: -1),
        new("hours_overlap", CandidateAspect.None, "overlap of the hour ranges, as a share of the vacancy's minimum hours",
            p => Math.Max(0, Math.Min(p.C.HoursMax, p.V.Vacancy.HoursMax) - Math.Max(p.C.HoursMin, p.V.Vacancy.HoursMin)) / p.V.Vacancy.HoursMin, Direction: 1),
        new("hours_short", CandidateAspect.None, "hours per week the candidate falls short of the vacancy's minimum",
            p => Math.Max(0, p.V.Vacancy.HoursMin - p.C.HoursMax), Direction: -1),
        new("hours_over", CandidateAspect.None, "hours per week the candidate's minimum lies above the vacancy's maximum",
            p => Math.Max(0, p.C.HoursMin - p.V.Vacancy.HoursMax), Direction: -1),
        new("education_gap", CandidateAspect.Education, "education levels below the vacancy's minimum (0 when met)",
            p => Math.Max(0, (int)p.V.Vacancy.EducationMin - p.C.Education),
            Furthest: _ => 0, Direction: -1),
        new("education_surplus", CandidateAspect.Education, "education levels above the vacancy's minimum",
            p => Math.Max(0, p.C.Education - (int)p.V.Vacancy.EducationMin),
            Furthest: v => (int)EducationLevel.Wo - (int)v.Vacancy.EducationMin),
        new("dutch_gap", CandidateAspect.Dutch, "CEFR steps below the vacancy's Dutch level (0 when met)",
            p => Math.Max(0, (int)p.V.Vacancy.DutchMin - p.C.Dutch),
            Furthest: _ => 0, Direction: -1),
        new("load_gap", CandidateAspect.None, "physical load of the work above the candidate's capacity, in steps",
            p => Math.Max(0, (int)p.V.Vacancy.PhysicalLoad - p.C.PhysicalCapacity), Direction: -1),
        new("shift_fit", CandidateAspect.None, "share of the vacancy's shifts the candidate can work",
            p => ShiftBits.Count(p.V.Shifts & p.C.ShiftsOk) / (double)ShiftBits.Count(p.V.Shifts), Direction: 1),
        new("shifts_missing", CandidateAspect.None, "number of the vacancy's shifts the candidate cannot work",
            p => ShiftBits.Count(p.V.Shifts & ~p.C.ShiftsOk), Direction: -1),
        new("weeks_until_available", CandidateAspect.None, $"weeks from the vacancy's posting until the candidate is available (0 when already; at most {LateWeeksCap})",
            p => LateWeeks(p.C.AvailableFromDay - p.V.Vacancy.PostedAt.DayNumber), Direction: -1),
        new("weeks_after_start", CandidateAspect.None, $"weeks the candidate becomes available after the work starts (closing date, or 3 months after posting; 0 when in time; at most {LateWeeksCap})",
            p => LateWeeks(p.C.AvailableFromDay - p.V.StartDay), Direction: -1),
        new("months_in_bijstand", CandidateAspect.None, "months in the current benefit spell (counted up to 600)",
            p => p.C.MonthsInBijstand),
        new("prior_outflows", CandidateAspect.None, "earlier exits from the bijstand (counted up to 50)",
            p => p.C.PriorOutflows),
        new("startkwalificatie", CandidateAspect.None, "1 with a startkwalificatie",
            p => p.C.Startkwalificatie ? 1 : 0),
        new("needs_jobcoach", CandidateAspect.None, "1 when the candidate needs a jobcoach",
            p => p.C.NeedsJobcoach ? 1 : 0),
        new("doelgroepregister", CandidateAspect.None, "1 when registered under the banenafspraak",
            p => p.C.Doelgroepregister ? 1 : 0),
        new("employer_inclusive", CandidateAspect.None, "1 when the employer is in the WSP's inclusive network",
            p => Inclusive(p) ? 1 : 0),
        new("offers_leerwerk", CandidateAspect.None, "1 when the employer can combine the job with a leerwerk route",
            p => p.V.Vacancy.OffersLeerwerk ? 1 : 0),
        new("months_in_bijstand_regular_employer", CandidateAspect.None, "months in the current benefit spell when the employer is not in the inclusive network (0 when it is)",
            p => Inclusive(p) ? 0 : p.C.MonthsInBijstand),
        new("needs_jobcoach_regular_employer", CandidateAspect.None, "1 when the candidate needs a jobcoach and the employer is not in the inclusive network",
            p => p.C.NeedsJobcoach && !Inclusive(p) ? 1 : 0),
        new("doelgroepregister_inclusive_employer", CandidateAspect.None, "1 when registered under the banenafspraak and the employer is in the inclusive network",
            p => p.C.Doelgroepregister && Inclusive(p) ? 1 : 0),
        new("bm25", CandidateAspect.None, "text relevance of the candidate's profile to the vacancy (Lucene BM25)",
            p => p.Bm25),
    ];

    /// <summary>The feature names, in vector order; saved with every model.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToArray();

    /// <summary>
    /// Per feature in vector order, the way it can only point: 1 when more of it never makes a worse match (skills covered, years in
    /// the occupation), −1 when more never makes a better one (distance, hours short, a missing certificate), 0 when either can be
    /// true (the spell, a flag of the employer). A curve fitted to the history's pairs keeps that way where it bends.
    /// </summary>
    public static IReadOnlyList<int> Directions { get; } = All.Select(f => f.Direction).ToArray();

    /// <summary>What each feature means, by name.</summary>
    public static IReadOnlyDictionary<string, string> Meanings { get; } = All.ToDictionary(f => f.Name, f => f.Meaning);

    /// <summary>Index of a feature in the vector.</summary>
    public static int IndexOf(string name) => Positions.GetValueOrDefault(name, -1);

    private static readonly FrozenDictionary<string, int> Positions = All.Select((f, i) => (f.Name, i)).ToFrozenDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

    /// <summary>The feature vector of one pair; <paramref name="bm25"/> is the retrieval score (0 when not retrieved by text).</summary>
    public static float[] Featurize(PreparedVacancy vacancy, PreparedCandidate candidate, float bm25) =>
        Featurize(vacancy, candidate, DistanceKm(vacancy, candidate), bm25);

    /// <summary>The feature vector of one pair whose <see cref="DistanceKm"/> is known.</summary>
    public static float[] Featurize(PreparedVacancy vacancy, PreparedCandidate candidate, double distanceKm, float bm25)
    {
        var vector = new float[All.Length];
        Featurize(vacancy, candidate, distanceKm, bm25, vector);
        return vector;
    }

    /// <summary>Writes the feature vector of one pair whose <see cref="DistanceKm"/> is known to <paramref name="vector"/>.</summary>
    public static void Featurize(PreparedVacancy vacancy, PreparedCandidate candidate, double distanceKm, float bm25, float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var pair = new Pair(vacancy, candidate, distanceKm, bm25);
        for (var i = 0; i < All.Length; i++) vector[i] = (float)All[i].Compute(pair);
    }

    /// <summary>
    /// Home to work location of a pair, km (great circle), as the features read it: <see cref="GeoPoint.DistanceKm"/> by the
    /// chord between the two places on the unit sphere, which needs one arcsine per pair where the haversine needs six sines and cosines.
    /// </summary>
    public static double DistanceKm(PreparedVacancy vacancy, PreparedCandidate candidate) => SpherePoint.Km(vacancy.Place.ChordSquared(candidate.Place));

    /// <summary>
    /// Writes to <paramref name="vector"/> the vector of <paramref name="changed"/>, a record that differs from the one
    /// <paramref name="original"/> was computed for only in <paramref name="aspects"/> (not in where it lives:
    /// <paramref name="distanceKm"/> is the pair's distance): <paramref name="original"/> with the features that read those
    /// aspects recomputed. False, and <paramref name="vector"/> left as it was, when none of them differs: the changed record
    /// then scores as the original.
    /// </summary>
    public static bool Changed(PreparedVacancy vacancy, PreparedCandidate changed, double distanceKm, float bm25, float[] original,
        CandidateAspect aspects, float[] vector)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(vector);
        var reading = Reading[(int)aspects & AspectMask];
        var pair = new Pair(vacancy, changed, distanceKm, bm25);
        Span<float> values = stackalloc float[reading.Length];
        var differs = false;
        for (var j = 0; j < reading.Length; j++)
        {
            values[j] = (float)All[reading[j]].Compute(pair);
            differs |= !values[j].Equals(original[reading[j]]);
        }
        if (!differs) return false;
        original.CopyTo(vector, 0);
        for (var j = 0; j < reading.Length; j++) vector[reading[j]] = values[j];
        return true;
    }

    /// <summary>
    /// For a model whose score is a sum of one term per feature, with <paramref name="mostGain"/>(feature, from, to) the most
    /// that feature's term can gain while it moves from one value to the other: the most that any changes to the
    /// candidate's record (<see cref="CandidateAspect"/>) can add to the score of the pair whose vector is
    /// <paramref name="original"/>, each feature that reads them moved anywhere up to its furthest value.
    /// </summary>
    public static double MostChangesCanAdd(PreparedVacancy vacancy, float[] original, Func<int, double, double, double> mostGain)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(mostGain);
        var most = 0.0;
        foreach (var i in Reading[AspectMask])
            most += mostGain(i, original[i], All[i].Furthest!(vacancy));
        return most;
    }

    private const int AspectMask = 0b11111;

    /// <summary>For each combination of aspects, the positions of the features that read any of them.</summary>
    private static readonly int[][] Reading = [.. Enumerable.Range(0, AspectMask + 1)
        .Select(a => Enumerable.Range(0, All.Length).Where(i => (All[i].Reads & (CandidateAspect)a) != 0).ToArray())];

    private static bool Inclusive(Pair p) => p.V.Employer?.Inclusive == true;

    /// <summary>The share of a requirement met: 1 when nothing is required.</summary>
    private static double Coverage(LabelSet wanted, LabelSet had) => wanted.Count == 0 ? 1 : Share(wanted, had);

    /// <summary>The share of a wish met, a plus to bring: 0 when nothing is wished, as nobody brings anything extra then.</summary>
    private static double Share(LabelSet wished, LabelSet had) =>
        wished.Count == 0 ? 0 : wished.CountShared(had) / (double)wished.Count;

    /// <summary>Days late as weeks, 0 when in time and at most <see cref="LateWeeksCap"/>.</summary>
    private static double LateWeeks(int days) => Math.Clamp(days / 7.0, 0, LateWeeksCap);

    private static double TransportFit(PreparedCandidate c, double km)
    {
        if (c.HasCarOrPublicTransport) return 1;
        return km <= BikeRangeKm ? 1 : Math.Max(0, 1 - (km - BikeRangeKm) / BikeRangeKm);
    }

    internal readonly record struct Pair(PreparedVacancy V, PreparedCandidate C, double DistanceKm, float Bm25);

    /// <param name="Reads">The changeable parts of the candidate's record (<see cref="CandidateAspect"/>) the feature reads.</param>
    /// <param name="Furthest">
    /// For a feature that reads a changeable part: the furthest value a change of it can bring the feature to for a vacancy.
    /// Steps only add skills and certificates, raise education and Dutch, and widen reach, so each such feature moves one way
    /// only, from its value towards this one.
    /// </param>
    /// <param name="Direction">The way the feature can only point (<see cref="Directions"/>).</param>
    private sealed record PairFeature(string Name, CandidateAspect Reads, string Meaning, Func<Pair, double> Compute,
        Func<PreparedVacancy, double>? Furthest = null, int Direction = 0);
}
