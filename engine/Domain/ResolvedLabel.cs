namespace MatchEngine.Engine.Domain;

/// <summary>
/// A skill or certificate as a person typed it, with the catalogue label it was resolved to when it was imported.
/// </summary>
/// <param name="Text">The label exactly as it came in.</param>
/// <param name="Canonical">The catalogue's label it stands for ("heftruckrijden" → "heftruck rijden"), or null when no catalogue label matched.</param>
/// <param name="Confidence">How sure the resolver is, 0–1: 1 for the catalogue's own spelling; for an unresolved label, the best score it reached.</param>
public sealed record ResolvedLabel(string Text, string? Canonical, double Confidence)
{
    /// <summary>The label to compare with a vacancy's: the canonical one when resolved, else the text as typed.</summary>
    public string Compared => Canonical ?? Text;
}
