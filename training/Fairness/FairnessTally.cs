namespace MatchEngine.Training.Fairness;

/// <summary>What a <see cref="FairnessTally"/> counts per unit and group.</summary>
public enum Tallied
{
    /// <summary>Members of the pool the model ranks or scores.</summary>
    Pool,
    /// <summary>Members who meet the stated requirements (ranker: required skills and certificates, within reach).</summary>
    Qualified,
    /// <summary>
    /// The top places the group would hold in proportion to its share of each unit's pool: per member, the unit's top places over its
    /// pool size. Summed over units, so every vacancy weighs by its top places (10), not by its pool size.
    /// </summary>
    PoolExpected,
    /// <summary>The same in proportion to its share of each unit's qualified pool.</summary>
    QualifiedExpected,
    /// <summary>Members at the top in units with at least one qualified member (the places <see cref="QualifiedExpected"/> shares out).</summary>
    ExposedWhereQualified,
    /// <summary>Members the model puts at the top (ranker: top 10; herinstroom and leerwerk: the top share of predictions).</summary>
    Exposed,
    /// <summary>Members who in fact succeeded (invited or hired; returned within 12 months; completed the route and worked).</summary>
    Succeeded,
    /// <summary>Of those who succeeded, the ones at the top.</summary>
    SucceededExposed,
    /// <summary>Cases with an observed outcome and a predicted chance, for calibration.</summary>
    Cases,
    /// <summary>Sum of the predicted chances of those cases.</summary>
    Predicted,
    /// <summary>Sum of their observed outcomes (0 or 1).</summary>
    Observed,
    /// <summary>Members at the top, in units with a qualified member, when the features that grow with age are the same for everyone (age bands only).</summary>
    ExposedAtEqualExperience,
    /// <summary>Of those who succeeded, the ones at the top when the features that grow with age are the same for everyone (age bands only).</summary>
    SucceededExposedAtEqualExperience,
    /// <summary>Members at the top when the Dutch language level is the same for everyone (leerwerk, migration background only).</summary>
    ExposedAtEqualDutch,
    /// <summary>Of those who succeeded, the ones at the top when the Dutch language level is the same for everyone (leerwerk, migration background only).</summary>
    SucceededExposedAtEqualDutch,
}

/// <summary>
/// Counts per resampling unit (a vacancy, a placement) and per protected group, so the audit's lenses can be computed on the
/// whole sample and on bootstrap resamples of the units alike. Mutable while filled, from one thread; once filled, read through <see cref="Dense"/>.
/// </summary>
public sealed class FairnessTally
{
    private static readonly int Measures = Enum.GetValues<Tallied>().Length;
    private readonly List<Dictionary<(string Attribute, string Group), double[]>> _units = [];
    private readonly Dictionary<((string Attribute, string Group) Group, Tallied What), int> _people = [];

    /// <summary>Number of units so far.</summary>
    public int Units => _units.Count;

    /// <summary>Starts a new unit; later <see cref="Add"/> calls count toward it.</summary>
    public void NextUnit() => _units.Add([]);

    /// <summary>Adds <paramref name="value"/> to <paramref name="what"/> of <paramref name="group"/> in the current unit.</summary>
    public void Add((string Attribute, string Group) group, Tallied what, double value = 1)
    {
        if (_units.Count == 0) NextUnit();
        var unit = _units[^1];
        if (!unit.TryGetValue(group, out var sums)) unit[group] = sums = new double[Measures];
        sums[(int)what] += value;
    }

    /// <summary>
    /// Records that <paramref name="people"/> distinct people stand behind <paramref name="group"/>'s count of <paramref name="what"/>
    /// over all units. Units can share people (a candidate is in the pool of every held-out vacancy), and a group is too small when
    /// too few people stand behind it, however many pairs they make.
    /// </summary>
    public void SetPeople((string Attribute, string Group) group, Tallied what, int people) => _people[(group, what)] = people;

    /// <summary>The people recorded by <see cref="SetPeople"/> behind <paramref name="group"/>'s count of <paramref name="what"/>; null when none were.</summary>
    public int? People((string Attribute, string Group) group, Tallied what) => _people.TryGetValue((group, what), out var n) ? n : null;

    /// <summary>Every group seen, by attribute then group (ordinal).</summary>
    public IReadOnlyList<(string Attribute, string Group)> Groups() =>
        [.. _units.SelectMany(u => u.Keys).Distinct().OrderBy(g => g.Attribute, StringComparer.Ordinal).ThenBy(g => g.Group, StringComparer.Ordinal)];

    /// <summary>
    /// The counts as one array per unit, in <paramref name="groups"/> order, for summing many times over (a bootstrap sums each
    /// audit a thousand times).
    /// </summary>
    public DenseTally Dense(IReadOnlyList<(string Attribute, string Group)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var index = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        var units = new (int Group, double[] Values)[_units.Count][];
        for (var u = 0; u < _units.Count; u++) units[u] = [.. _units[u].Select(kv => (index[kv.Key], kv.Value))];
        return new DenseTally(groups.Count, Measures, units);
    }
}

/// <summary>A filled <see cref="FairnessTally"/> indexed by group position; read-only, so <see cref="Sums"/> may run on several threads.</summary>
public sealed class DenseTally(int groups, int measures, (int Group, double[] Values)[][] units)
{
    /// <summary>Per group and measure, the sum over units each weighted by <paramref name="weights"/> (null: 1 each).</summary>
    public double[][] Sums(double[]? weights = null)
    {
        var sums = new double[groups][];
        for (var g = 0; g < groups; g++) sums[g] = new double[measures];
        for (var u = 0; u < units.Length; u++)
        {
            var w = weights?[u] ?? 1;
            if (w == 0) continue;
            foreach (var (group, values) in units[u])
            {
                var row = sums[group];
                for (var m = 0; m < values.Length; m++) row[m] += w * values[m];
            }
        }
        return sums;
    }
}
