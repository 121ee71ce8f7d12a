using MatchEngine.Engine.Contract;

namespace MatchEngine.Engine.Import;

/// <summary>What an import did: valid records per kind (written, or already identical) and the rejected lines.</summary>
public sealed record ImportResult(IReadOnlyDictionary<EntityKind, int> Imported, int RejectedLines, IReadOnlyList<Rejection> Rejections, long StoreRevision)
{
    /// <summary>The ids of the candidates written, for the audit trail (<see cref="Access.CatalogWrites.ImportAsync"/>).</summary>
    public IReadOnlyCollection<string> CandidateIds { get; init; } = [];

    /// <summary>Time spent resolving the candidates' labels, part of the import's time.</summary>
    public TimeSpan LabelResolution { get; init; }

    /// <summary>The summary line of <c>matchengine import</c>, in the documented JSON form.</summary>
    public string ToJson()
    {
        var counts = string.Join(",", EntityKinds.ImportOrder.Select(k => $"\"{k.PluralName()}\":{Imported.GetValueOrDefault(k)}"));
        return $"{{\"imported\":{{{counts}}},\"rejected\":{RejectedLines}}}";
    }
}
