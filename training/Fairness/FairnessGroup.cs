namespace MatchEngine.Training.Fairness;

/// <summary>
/// One group of a protected attribute in a ranker's shortlists: its share of the eligible pool (the
/// candidates retrieval found), its share of the top-10 exposure, its selection rate (top-10 places per
/// eligible candidate) and that rate as a ratio of the best-selected group's (1 = parity; below 0.8 fails
/// the four-fifths rule).
/// </summary>
public sealed record FairnessGroup(string Attribute, string Group, double PoolShare, double ExposureShare, double SelectionRate, double SelectionRatio);

/// <summary>The fairness table of one model, the lowest selection ratio, and whether it passes the threshold.</summary>
public sealed record FairnessReport(IReadOnlyList<FairnessGroup> Groups, int Vacancies, double MinSelectionRatio, double Threshold)
{
    /// <summary>True when every group with enough candidates keeps at least <see cref="Threshold"/> of the best group's selection rate.</summary>
    public bool Passes => MinSelectionRatio >= Threshold;
}
