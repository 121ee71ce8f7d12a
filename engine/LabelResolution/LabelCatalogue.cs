using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.LabelResolution;

/// <summary>
/// The canonical labels of a region: the vocabulary file's, then every skill and certificate its vacancies (required,
/// preferred, task skills) and leerwerk routes (skills taught, certificates given) use. Immutable.
/// </summary>
public sealed record LabelCatalogue(IReadOnlyList<string> Skills, IReadOnlyList<string> Certificates)
{
    /// <summary>The catalogue of <paramref name="vocabulary"/>, <paramref name="vacancies"/> and <paramref name="routes"/>.</summary>
    public static LabelCatalogue Of(LabelFile vocabulary, IEnumerable<Vacancy> vacancies, IEnumerable<LeerwerkRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var skills = new List<string>(vocabulary.Section(LabelFile.SectionOf(LabelKind.Skill)));
        var certificates = new List<string>(vocabulary.Section(LabelFile.SectionOf(LabelKind.Certificate)));
        foreach (var v in vacancies)
        {
            skills.AddRange(v.SkillsRequired);
            skills.AddRange(v.SkillsPreferred);
            foreach (var t in v.Tasks) skills.AddRange(t.Skills);
            certificates.AddRange(v.CertificatesRequired);
        }
        foreach (var r in routes)
        {
            skills.AddRange(r.TeachesSkills);
            certificates.AddRange(r.Certifies);
        }
        return new LabelCatalogue(skills.DistinctBy(Domain.Labels.Key).ToArray(), certificates.DistinctBy(Domain.Labels.Key).ToArray());
    }

    /// <summary>The labels of <paramref name="kind"/>.</summary>
    public IReadOnlyList<string> Of(LabelKind kind) => kind == LabelKind.Skill ? Skills : Certificates;
}
