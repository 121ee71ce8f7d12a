using System.Globalization;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.LabelResolution;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// Turns a pair's feature contributions into Dutch reasons an accountmanager can defend, and the
/// records into gaps ("mist heftruckcertificaat", "taalniveau A2, vraagt B1"). Reasons come from the
/// features that pushed the score up most; gaps are read from the records, so they hold whatever the
/// model thinks. Health and debt details are never put into words. Thread-safe.
/// </summary>
public static class Explainer
{
    /// <summary>Explains one pair; <paramref name="contributions"/> are per-feature score contributions (same order as <see cref="PairFeatures.Names"/>).</summary>
    public static Explanation Explain(PreparedVacancy vacancy, PreparedCandidate candidate, float[] features, float[] contributions, int maxReasons = 3) =>
        Explain(vacancy, candidate, features, contributions, null, maxReasons);

    /// <summary>
    /// Explains one pair of a list: reasons come from the features that pushed this candidate's score up, led by those
    /// where the push is largest against <paramref name="typical"/> (the list's mean contribution per feature, from
    /// <see cref="Typical"/>), so what sets a candidate apart from the others on the list comes first. Without
    /// <paramref name="typical"/>, by the contribution itself.
    /// </summary>
    public static Explanation Explain(PreparedVacancy vacancy, PreparedCandidate candidate, float[] features, float[] contributions, float[]? typical, int maxReasons = 3)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var reasons = new List<string>();
        var order = Enumerable.Range(0, contributions.Length).Where(i => contributions[i] > 0)
            .OrderByDescending(i => typical is null ? contributions[i] : contributions[i] - typical[i]).ThenByDescending(i => contributions[i]);
        foreach (var i in order)
        {
            var reason = Reason(PairFeatures.Names[i], vacancy, candidate, features);
            if (reason is not null && !reasons.Contains(reason)) reasons.Add(reason);
            if (reasons.Count == maxReasons) break;
        }
        return new Explanation(reasons, Gaps(vacancy, candidate, features));
    }

    /// <summary>The mean contribution of each feature over a list's rows (empty rows: null).</summary>
    public static float[]? Typical(IReadOnlyList<float[]> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        if (contributions.Count == 0) return null;
        var mean = new float[contributions[0].Length];
        foreach (var row in contributions)
            for (var j = 0; j < mean.Length; j++) mean[j] += row[j] / contributions.Count;
        return mean;
    }

    /// <summary>
    /// What stands between the candidate and the vacancy as written: missing certificates and skills, language,
    /// education, and the soft constraints a person could stretch (hours, distance beyond their own reach, shifts,
    /// availability after the start).
    /// </summary>
    public static IReadOnlyList<string> Gaps(PreparedVacancy vacancy, PreparedCandidate candidate, float[] features)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(features);
        var v = vacancy.Vacancy;
        var c = candidate.Candidate;
        var gaps = new List<string>();
        foreach (var cert in v.CertificatesRequired.Where(x => !candidate.CertificateKeys.Contains(x)))
            gaps.Add($"mist {cert}");
        foreach (var skill in v.SkillsRequired.Where(x => !candidate.SkillKeys.Contains(x)))
            gaps.Add($"mist vaardigheid {skill}");
        if (c.Dutch < v.DutchMin) gaps.Add($"taalniveau {Dutch.Language(c.Dutch)}, vraagt {Dutch.Language(v.DutchMin)}");
        if (c.Education < v.EducationMin)
            gaps.Add(c.Education == EducationLevel.None
                ? $"geen diploma, vraagt {Dutch.Education(v.EducationMin)}"
                : $"opleiding {Dutch.Education(c.Education)}, vraagt {Dutch.Education(v.EducationMin)}");
        if (c.HoursMax < v.HoursMin || c.HoursMin > v.HoursMax)
            gaps.Add($"wil {Range(c.HoursMin, c.HoursMax)} uur, vraagt {Range(v.HoursMin, v.HoursMax)}");
        var distance = features[PairFeatures.IndexOf("distance_km")];
        if (distance > c.MaxDistanceKm)
            gaps.Add(Dutch.BeyondReach(distance, c.MaxDistanceKm));
        var missingShifts = v.Shifts.Where(s => !c.ShiftsOk.Contains(s)).Select(Dutch.Shift).ToArray();
        if (missingShifts.Length > 0) gaps.Add($"kan geen {Dutch.List(missingShifts, "of")}");
        if (c.PhysicalCapacity < v.PhysicalLoad) gaps.Add("fysiek zwaardere functie dan passend");
        if (candidate.AvailableFromDay > vacancy.StartDay)
            gaps.Add($"beschikbaar vanaf {Dutch.Date(c.AvailableFrom)}");
        return gaps;
    }

    private static string Range(double min, double max) =>
        min == max ? min.ToString("0", CultureInfo.InvariantCulture) : $"{min.ToString("0", CultureInfo.InvariantCulture)}–{max.ToString("0", CultureInfo.InvariantCulture)}";

    private static string? Reason(string feature, PreparedVacancy vacancy, PreparedCandidate candidate, float[] f)
    {
        var v = vacancy.Vacancy;
        var c = candidate.Candidate;
        double F(string name) => f[PairFeatures.IndexOf(name)];
        switch (feature)
        {
            case "km_beyond_reach" when F(feature) == 0:
                return $"woont op {Dutch.Km(F("distance_km"))}, reist tot {Dutch.Number(c.MaxDistanceKm)} km";
            case "hours_over" or "hours_short" when F("hours_over") == 0 && F("hours_short") == 0:
                return $"beschikbaar voor {c.HoursMin:0}–{c.HoursMax:0} uur per week";
            case "shifts_missing" when F(feature) == 0 && v.Shifts.Count > 0:
                return v.Shifts.Count == 1
                    ? $"kan in {Dutch.Shift(v.Shifts.First())} werken"
                    : $"kan in alle gevraagde diensten werken ({Dutch.List(v.Shifts.Select(Dutch.Shift))})";
            case "weeks_after_start" when F(feature) == 0:
                return "op tijd beschikbaar";
            case "distance_km" or "distance_ratio" or "transport_fit" or "km_without_car":
                return $"woont op {Dutch.Km(F("distance_km"))}";
            case "years_same_isco" when F("years_same_isco") > 0:
                return $"{Years(F("years_same_isco"))} ervaring als {IscoTitles.Of(v.Isco)}";
            case "years_same_major_group" when F("years_same_major_group") > 0:
                var best = c.Experience.Where(e => IscoGroups.MajorOf(e.Isco) == IscoGroups.MajorOf(v.Isco)).OrderByDescending(e => e.Years).First();
                return $"{Years(best.Years)} ervaring als {IscoTitles.Of(best.Isco)}";
            case "required_skill_coverage" when vacancy.RequiredSkillKeys.Count > 0 && F(feature) > 0:
                var had = v.SkillsRequired.Where(s => candidate.SkillKeys.Contains(s)).Select(s => ComparedLabels.Quote(c, LabelKind.Skill, s)).ToArray();
                return had.Length == v.SkillsRequired.Count
                    ? $"heeft alle gevraagde vaardigheden ({Dutch.List(had)})"
                    : $"heeft {had.Length} van {v.SkillsRequired.Count} gevraagde vaardigheden ({Dutch.List(had)})";
            case "preferred_skill_share" or "task_skill_share" when F(feature) > 0:
                var extra = v.SkillsPreferred.Concat(v.Tasks.SelectMany(t => t.Skills)).Where(s => candidate.SkillKeys.Contains(s))
                    .Distinct(StringComparer.OrdinalIgnoreCase).Take(3).Select(s => ComparedLabels.Quote(c, LabelKind.Skill, s)).ToArray();
                return extra.Length == 0 ? null : $"kan ook {Dutch.List(extra)}";
            case "certificate_coverage" or "missing_certificates" when vacancy.CertificateKeys.Count > 0 && F("certificate_coverage") > 0:
                var certs = v.CertificatesRequired.Where(x => candidate.CertificateKeys.Contains(x)).Select(x => ComparedLabels.Quote(c, LabelKind.Certificate, x)).ToArray();
                return $"heeft {Dutch.List(certs)}";
            case "desired_isco_match" when F(feature) > 0:
                return $"wil graag werken als {IscoTitles.Of(v.Isco)}";
            case "desired_sector_match" when F(feature) > 0:
                return $"wil werken in de sector {v.Sector}";
            case "hours_overlap" when F(feature) > 0:
                return $"beschikbaar voor {c.HoursMin:0}–{c.HoursMax:0} uur per week";
            case "shift_fit" when F(feature) >= 1 && v.Shifts.Count > 0:
                return v.Shifts.Count == 1
                    ? $"kan in {Dutch.Shift(v.Shifts.First())} werken"
                    : $"kan in alle gevraagde diensten werken ({Dutch.List(v.Shifts.Select(Dutch.Shift))})";
            case "education_surplus" or "education_gap" when c.Education >= v.EducationMin && v.EducationMin > EducationLevel.None:
                return $"opleiding {Dutch.Education(c.Education)} (gevraagd {Dutch.Education(v.EducationMin)})";
            case "dutch_gap" when c.Dutch >= v.DutchMin && v.DutchMin > CefrLevel.None:
                return $"taalniveau {Dutch.Language(c.Dutch)} (gevraagd {Dutch.Language(v.DutchMin)})";
            case "weeks_until_available" when F(feature) == 0:
                return "direct beschikbaar";
            case "bm25" when F(feature) > 0:
                return "profiel sluit aan bij de vacaturetekst";
            case "startkwalificatie" when F(feature) > 0:
                return "heeft een startkwalificatie";
            case "doelgroepregister_inclusive_employer" when F(feature) > 0:
                return "in het doelgroepregister, bij een werkgever in het inclusieve netwerk";
            case "employer_inclusive" when F(feature) > 0:
                return "werkgever zit in het inclusieve netwerk";
            case "offers_leerwerk" when F(feature) > 0:
                return "werkgever biedt een leerwerkplek";
            default:
                return null;
        }
    }

    private static string Years(double years) =>
        years < 1 ? "minder dan 1 jaar" : years < 2 ? "1 jaar" : years >= WorkingLife.Years ? $"{WorkingLife.Years} jaar of meer" : $"{Math.Floor(years):0} jaar";
}
