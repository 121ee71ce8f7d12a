using MatchEngine.Engine.Domain;
using MatchEngine.Engine.LabelResolution;

namespace MatchEngine.Engine.Leerwerk;

/// <summary>Kinds of gap between a candidate and a job that a route can close.</summary>
public enum GapKind
{
    Skill,
    Certificate,
    Education,
    Dutch,
}

/// <summary>One gap: a missing skill or certificate (<see cref="Label"/>), or a level to reach.</summary>
public sealed record Gap(GapKind Kind, string? Label, EducationLevel? Education, CefrLevel? Dutch)
{
    /// <summary>The gap in Dutch, e.g. "mist heftruckcertificaat" or "taalniveau B1 nodig".</summary>
    public string Describe() => Kind switch
    {
        GapKind.Skill => $"mist vaardigheid {Label}",
        GapKind.Certificate => $"mist {Label}",
        GapKind.Education => $"opleiding {Domain.Dutch.Education(Education!.Value)} nodig",
        _ => $"taalniveau {Domain.Dutch.Language(Dutch!.Value)} nodig",
    };

    /// <summary>The gaps between <paramref name="candidate"/> and <paramref name="vacancy"/> as written.</summary>
    public static IReadOnlyList<Gap> Between(Candidate candidate, Vacancy vacancy)
    {
        var skills = Domain.Labels.Keys(ComparedLabels.Skills(candidate));
        var certificates = Domain.Labels.Keys(ComparedLabels.Certificates(candidate));
        var gaps = new List<Gap>();
        gaps.AddRange(vacancy.SkillsRequired.Where(s => !skills.Contains(Labels.Key(s))).DistinctBy(Labels.Key).Select(s => new Gap(GapKind.Skill, s, null, null)));
        gaps.AddRange(vacancy.CertificatesRequired.Where(c => !certificates.Contains(Labels.Key(c))).DistinctBy(Labels.Key).Select(c => new Gap(GapKind.Certificate, c, null, null)));
        if (candidate.Education < vacancy.EducationMin) gaps.Add(new Gap(GapKind.Education, null, vacancy.EducationMin, null));
        if (candidate.Dutch < vacancy.DutchMin) gaps.Add(new Gap(GapKind.Dutch, null, null, vacancy.DutchMin));
        return gaps;
    }
}
