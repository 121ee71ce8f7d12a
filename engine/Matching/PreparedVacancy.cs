using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>A vacancy with its employer and label keys computed once. Immutable.</summary>
public sealed class PreparedVacancy
{
    public PreparedVacancy(Vacancy vacancy, Employer? employer)
    {
        Vacancy = vacancy;
        Employer = employer;
        RequiredSkillKeys = Labels.Keys(vacancy.SkillsRequired);
        PreferredSkillKeys = Labels.Keys(vacancy.SkillsPreferred);
        CertificateKeys = Labels.Keys(vacancy.CertificatesRequired);
        TaskSkillKeys = Labels.Keys(vacancy.Tasks.SelectMany(t => t.Skills));
        SectorKey = Labels.Key(vacancy.Sector);
    }

    public Vacancy Vacancy { get; }
    public Employer? Employer { get; }
    public HashSet<string> RequiredSkillKeys { get; }
    public HashSet<string> PreferredSkillKeys { get; }
    public HashSet<string> CertificateKeys { get; }
    public HashSet<string> TaskSkillKeys { get; }
    public string SectorKey { get; }
}
