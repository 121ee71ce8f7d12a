using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>A vacancy with its employer, label sets and shifts computed once for featurizing it against many candidates. Immutable.</summary>
public sealed class PreparedVacancy
{
    public PreparedVacancy(Vacancy vacancy, Employer? employer)
    {
        Vacancy = vacancy;
        Employer = employer;
        RequiredSkillKeys = LabelSet.Of(vacancy.SkillsRequired);
        PreferredSkillKeys = LabelSet.Of(vacancy.SkillsPreferred);
        CertificateKeys = LabelSet.Of(vacancy.CertificatesRequired);
        TaskSkillKeys = LabelSet.Of(vacancy.Tasks.SelectMany(t => t.Skills));
        Sector = LabelSet.Of([vacancy.Sector]);
        Shifts = ShiftBits.Of(vacancy.Shifts);
        Place = SpherePoint.Of(vacancy.Location);
        Isco = IscoCodes.Of(vacancy.Isco);
        IscoMajorGroup = IscoGroups.MajorOf(vacancy.Isco);
        StartDay = Index.CandidateQuery.StartOf(vacancy).DayNumber;
    }

    /// <summary>The day the work starts (<see cref="Index.CandidateQuery.StartOf"/>), as <see cref="DateOnly.DayNumber"/>.</summary>
    public int StartDay { get; }

    public Vacancy Vacancy { get; }
    public Employer? Employer { get; }
    public LabelSet RequiredSkillKeys { get; }
    public LabelSet PreferredSkillKeys { get; }
    public LabelSet CertificateKeys { get; }
    public LabelSet TaskSkillKeys { get; }

    /// <summary>The sector as a one-label set, to test against a candidate's desired sectors.</summary>
    public LabelSet Sector { get; }

    /// <summary>The vacancy's shifts, as <see cref="ShiftBits"/>.</summary>
    public int Shifts { get; }

    /// <summary>The work location as a point on the unit sphere (<see cref="PairFeatures.DistanceKm"/>).</summary>
    internal SpherePoint Place { get; }

    /// <summary>The vacancy's ISCO unit group, as an <see cref="IscoCodes"/> id.</summary>
    internal int Isco { get; }

    /// <summary>The vacancy's ISCO major group (the code's first digit).</summary>
    internal char IscoMajorGroup { get; }
}
