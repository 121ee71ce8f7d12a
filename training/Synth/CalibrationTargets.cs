namespace MatchEngine.Training.Synth;

/// <summary>The published figures the generator is calibrated to (sources in docs/synthetic-region.md).</summary>
public static class CalibrationTargets
{
    /// <summary>CBS 2022: share of bijstand recipients by age band (&lt;25, 25–35, 35–45, 45–55, 55–AOW).</summary>
    public static readonly double[] AgeBandShare = [0.07, 0.17, 0.21, 0.25, 0.29];

    /// <summary>Age range per band, inclusive.</summary>
    public static readonly (int Min, int Max)[] AgeBandRange = [(18, 24), (25, 34), (35, 44), (45, 54), (55, 66)];

    /// <summary>CBS 2022: share of each age band 2–5 years in the bijstand.</summary>
    public static readonly double[] TwoToFiveYearsShare = [0.20, 0.32, 0.28, 0.24, 0.20];

    /// <summary>CBS 2022: share of each age band 5 years or longer in the bijstand.</summary>
    public static readonly double[] FivePlusYearsShare = [0.01, 0.18, 0.41, 0.54, 0.64];

    /// <summary>Share single without children.</summary>
    public const double SingleWithoutChildren = 0.71;

    /// <summary>Share without a realistic prospect of work soon (stacked problems).</summary>
    public const double StackedProblems = 0.40;

    /// <summary>Share with a psychological vulnerability.</summary>
    public const double PsychologicalVulnerability = 0.50;

    /// <summary>Divosa: cumulative herinstroom after leaving for work, by months since the start: 6, 12, 24, 60.</summary>
    public static readonly (double Months, double Share)[] Herinstroom = [(6, 0.14), (12, 0.20), (24, 0.285), (60, 0.35), (96, 0.37)];
}
