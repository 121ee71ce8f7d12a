using System.Globalization;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// Turns a pair's feature contributions into Dutch reasons an accountmanager can defend, and the
/// records into gaps ("mist heftruckcertificaat", "taalniveau A2, vraagt B1"). Reasons come from the
/// features that pushed the score up most; gaps are read from the records, so they hold whatever the
/// model thinks. Health and debt details are never put into words. Thread-safe.
/// </summary>
public static class Explainer
{
    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>Explains one pair; <paramref name="contributions"/> are per-feature score contributions (same order as <see cref="PairFeatures.Names"/>).</summary>
    public static Explanation Explain(PreparedVacancy vacancy, PreparedCandidate candidate, float[] features, float[] contributions, int maxReasons = 3)
    {
        var reasons = new List<string>();
        foreach (var i in Enumerable.Range(0, contributions.Length).Where(i => contributions[i] > 0).OrderByDescending(i => contributions[i]))
        {
            var reason = Reason(PairFeatures.Names[i], vacancy, candidate, features);
            if (reason is not null && !reasons.Contains(reason)) reasons.Add(reason);
            if (reasons.Count == maxReasons) break;
        }
        return new Explanation(reasons, Gaps(vacancy, candidate, features));
    }

    /// <summary>What stands between the candidate and the vacancy as written.</summary>
    public static IReadOnlyList<string> Gaps(PreparedVacancy vacancy, PreparedCandidate candidate, float[] features)
    {
        var v = vacancy.Vacancy;
        var c = candidate.Candidate;
        var gaps = new List<string>();
        foreach (var cert in v.CertificatesRequired.Where(x => !candidate.CertificateKeys.Contains(x)))
            gaps.Add($"mist {cert}");
        foreach (var skill in v.SkillsRequired.Where(x => !candidate.SkillKeys.Contains(x)))
            gaps.Add($"mist vaardigheid {skill}");
        if (c.Dutch < v.DutchMin) gaps.Add($"taalniveau {Vocabulary.Name(c.Dutch)}, vraagt {Vocabulary.Name(v.DutchMin)}");
        if (c.Education < v.EducationMin) gaps.Add($"opleiding {Vocabulary.Name(c.Education)}, vraagt {Vocabulary.Name(v.EducationMin)}");
        if (c.HoursMax < v.HoursMin) gaps.Add($"wil max {c.HoursMax:0} uur, vraagt min {v.HoursMin:0}");
        var distance = features[PairFeatures.IndexOf("distance_km")];
        if (distance > c.MaxDistanceKm) gaps.Add($"woont op {distance:0} km, wil max {c.MaxDistanceKm:0} km reizen");
        var missingShifts = v.Shifts.Where(s => !c.ShiftsOk.Contains(s)).Select(ShiftWord).ToArray();
        if (missingShifts.Length > 0) gaps.Add($"kan geen {string.Join("/", missingShifts)}");
        if (c.PhysicalCapacity < v.PhysicalLoad) gaps.Add("fysiek zwaardere functie dan passend");
        if (c.AvailableFrom > v.PostedAt && (v.ClosesAt is null || c.AvailableFrom > v.ClosesAt))
            gaps.Add($"beschikbaar vanaf {c.AvailableFrom.Day} {Months[c.AvailableFrom.Month - 1]} {c.AvailableFrom.Year}");
        return gaps;
    }

    private static string? Reason(string feature, PreparedVacancy vacancy, PreparedCandidate candidate, float[] f)
    {
        var v = vacancy.Vacancy;
        var c = candidate.Candidate;
        double F(string name) => f[PairFeatures.IndexOf(name)];
        switch (feature)
        {
            case "distance_km" or "distance_ratio" or "transport_fit":
                return $"woont op {F("distance_km").ToString("0", CultureInfo.InvariantCulture)} km";
            case "years_same_isco" when F("years_same_isco") > 0:
                return $"{Years(F("years_same_isco"))} ervaring als {IscoTitles.Of(v.Isco)}";
            case "years_same_major_group" when F("years_same_major_group") > 0:
                var best = c.Experience.Where(e => IscoGroups.MajorOf(e.Isco) == IscoGroups.MajorOf(v.Isco)).OrderByDescending(e => e.Years).First();
                return $"{Years(best.Years)} ervaring als {IscoTitles.Of(best.Isco)}";
            case "required_skill_coverage" when vacancy.RequiredSkillKeys.Count > 0 && F(feature) > 0:
                var had = v.SkillsRequired.Where(s => candidate.SkillKeys.Contains(s)).ToArray();
                return had.Length == v.SkillsRequired.Count
                    ? $"heeft alle gevraagde vaardigheden ({string.Join(", ", had)})"
                    : $"heeft {had.Length} van {v.SkillsRequired.Count} gevraagde vaardigheden ({string.Join(", ", had)})";
            case "preferred_skill_coverage" or "task_skill_coverage" when F(feature) > 0:
                var extra = v.SkillsPreferred.Concat(v.Tasks.SelectMany(t => t.Skills)).Where(s => candidate.SkillKeys.Contains(s))
                    .Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToArray();
                return extra.Length == 0 ? null : $"kan ook {string.Join(", ", extra)}";
            case "certificate_coverage" or "missing_certificates" when vacancy.CertificateKeys.Count > 0 && F("certificate_coverage") > 0:
                var certs = v.CertificatesRequired.Where(x => candidate.CertificateKeys.Contains(x)).ToArray();
                return $"heeft {string.Join(", ", certs)}";
            case "desired_isco_match" when F(feature) > 0:
                return $"wil graag werken als {IscoTitles.Of(v.Isco)}";
            case "desired_sector_match" when F(feature) > 0:
                return $"wil werken in de sector {v.Sector}";
            case "hours_overlap" when F(feature) > 0:
                return $"beschikbaar voor {c.HoursMin:0}–{c.HoursMax:0} uur per week";
            case "shift_fit" when F(feature) >= 1:
                return $"kan alle diensten ({string.Join(", ", v.Shifts.Select(ShiftWord))})";
            case "education_surplus" or "education_gap" when c.Education >= v.EducationMin && v.EducationMin > EducationLevel.None:
                return $"opleiding {Vocabulary.Name(c.Education)} (gevraagd {Vocabulary.Name(v.EducationMin)})";
            case "dutch_gap" when c.Dutch >= v.DutchMin && v.DutchMin > CefrLevel.None:
                return $"taalniveau {Vocabulary.Name(c.Dutch)} (gevraagd {Vocabulary.Name(v.DutchMin)})";
            case "days_until_available" when F(feature) == 0:
                return "direct beschikbaar";
            case "bm25" when F(feature) > 0:
                return "profiel sluit aan bij de vacaturetekst";
            case "startkwalificatie" when F(feature) > 0:
                return "heeft een startkwalificatie";
            case "employer_inclusive" when F(feature) > 0:
                return "werkgever zit in het inclusieve netwerk";
            case "offers_leerwerk" when F(feature) > 0:
                return "werkgever biedt een leerwerkplek";
            default:
                return null;
        }
    }

    private static string Years(double years) => years < 1 ? "minder dan 1 jaar" : years < 2 ? "1 jaar" : $"{Math.Floor(years):0} jaar";

    /// <summary>The Dutch word for a shift ("nachtdienst"), as gaps and reasons say it.</summary>
    internal static string ShiftWord(Shift s) => s switch
    {
        Shift.Day => "dagdienst",
        Shift.Evening => "avonddienst",
        Shift.Night => "nachtdienst",
        _ => "weekenddienst",
    };
}
