using MatchEngine.Engine.Domain;
using MatchEngine.Engine.LabelResolution;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// A candidate with what pair featurization reads computed once and held in this object: label sets and shifts as
/// bits, ISCO codes as ids, and the record's scalar fields copied. A shortlist featurizes a thousand of these against
/// one vacancy; following the record, its lists and their strings for every pair missed the processor's caches
/// several times a pair, where these fields sit in a few adjacent cache lines. Immutable.
/// </summary>
public sealed class PreparedCandidate
{
    public PreparedCandidate(Candidate candidate)
    {
        Candidate = candidate;
        SkillKeys = LabelSet.Of(ComparedLabels.Skills(candidate));
        CertificateKeys = LabelSet.Of(ComparedLabels.Certificates(candidate));
        DesiredSectorKeys = LabelSet.Of(candidate.DesiredSectors);
        ShiftsOk = ShiftBits.Of(candidate.ShiftsOk);
        HasCar = candidate.Transport.Contains(Transport.Car);
        HasCarOrPublicTransport = HasCar || candidate.Transport.Contains(Transport.PublicTransport);
        Location = candidate.Location;
        Place = SpherePoint.Of(candidate.Location);
        HoursMin = candidate.HoursMin;
        HoursMax = candidate.HoursMax;
        MaxDistanceKm = candidate.MaxDistanceKm;
        Education = (int)candidate.Education;
        Dutch = (int)candidate.Dutch;
        PhysicalCapacity = (int)candidate.PhysicalCapacity;
        AvailableFromDay = candidate.AvailableFrom.DayNumber;
        MonthsInBijstand = WorkingLife.CountedMonths(candidate.MonthsInBijstand);
        PriorOutflows = WorkingLife.CountedExits(candidate.PriorOutflows);
        Startkwalificatie = candidate.Startkwalificatie;
        NeedsJobcoach = candidate.NeedsJobcoach;
        Doelgroepregister = candidate.Doelgroepregister;
        // Loops, not LINQ: this runs for every candidate when the pool loads (400,000 at national scale).
        Experience = new IscoYears[candidate.Experience.Count];
        for (var i = 0; i < Experience.Length; i++)
        {
            var e = candidate.Experience[i];
            Experience[i] = new IscoYears(IscoCodes.Of(e.Isco), IscoGroups.MajorOf(e.Isco), e.Years);
        }
        DesiredIsco = new int[candidate.DesiredIsco.Count];
        for (var i = 0; i < DesiredIsco.Length; i++) DesiredIsco[i] = IscoCodes.Of(candidate.DesiredIsco[i]);
    }

    public Candidate Candidate { get; }
    public LabelSet SkillKeys { get; }
    public LabelSet CertificateKeys { get; }
    public LabelSet DesiredSectorKeys { get; }

    /// <summary>The shifts the candidate can work, as <see cref="ShiftBits"/>.</summary>
    public int ShiftsOk { get; }

    /// <summary>True when the candidate can travel by car.</summary>
    public bool HasCar { get; }

    /// <summary>True when distance is no obstacle to getting there: by car or by public transport.</summary>
    public bool HasCarOrPublicTransport { get; }

    /// <summary>The home location.</summary>
    public GeoPoint Location { get; }

    /// <summary>The home location as a point on the unit sphere (<see cref="PairFeatures.DistanceKm"/>).</summary>
    internal SpherePoint Place { get; }

    public double HoursMin { get; }
    public double HoursMax { get; }
    public double MaxDistanceKm { get; }

    /// <summary>The education level, as its enum value.</summary>
    public int Education { get; }

    /// <summary>The Dutch level, as its enum value.</summary>
    public int Dutch { get; }

    /// <summary>The physical capacity, as its enum value.</summary>
    public int PhysicalCapacity { get; }

    /// <summary>The day the candidate is available from, as <see cref="DateOnly.DayNumber"/>.</summary>
    public int AvailableFromDay { get; }

    /// <summary>Months in the current benefit spell, as the models count them (<see cref="WorkingLife.CountedMonths"/>).</summary>
    public int MonthsInBijstand { get; }

    /// <summary>Earlier exits from the bijstand, as the models count them (<see cref="WorkingLife.CountedExits"/>).</summary>
    public int PriorOutflows { get; }
    public bool Startkwalificatie { get; }
    public bool NeedsJobcoach { get; }
    public bool Doelgroepregister { get; }

    /// <summary>The work experience, in the record's order, with ISCO codes as <see cref="IscoCodes"/> ids.</summary>
    internal IscoYears[] Experience { get; }

    /// <summary>The occupations the candidate wants, as <see cref="IscoCodes"/> ids.</summary>
    internal int[] DesiredIsco { get; }

    /// <summary>
    /// Years of experience in the ISCO unit group <paramref name="isco"/> (an <see cref="IscoCodes"/> id), summed as
    /// <see cref="Domain.Candidate.YearsIn"/> sums them and counted up to a working life (<see cref="WorkingLife.CountedYears"/>).
    /// </summary>
    internal double YearsIn(int isco)
    {
        var years = 0.0;
        foreach (var e in Experience)
            if (e.Isco == isco) years += e.Years;
        return WorkingLife.CountedYears(years);
    }

    /// <summary>
    /// Years of experience in the ISCO major group <paramref name="majorGroup"/> (a code's first digit), summed as
    /// <see cref="Domain.Candidate.YearsInMajorGroup"/> sums them and counted up to a working life (<see cref="WorkingLife.CountedYears"/>).
    /// </summary>
    internal double YearsInMajorGroup(char majorGroup)
    {
        var years = 0.0;
        foreach (var e in Experience)
            if (e.MajorGroup == majorGroup) years += e.Years;
        return WorkingLife.CountedYears(years);
    }
}

/// <summary>Years of experience in one ISCO unit group: its <see cref="IscoCodes"/> id and its major group (first digit).</summary>
internal readonly record struct IscoYears(int Isco, char MajorGroup, double Years);
