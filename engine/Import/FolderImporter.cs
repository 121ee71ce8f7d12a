using MatchEngine.Engine.Contract;
using MatchEngine.Engine.LabelResolution;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Import;

/// <summary>
/// Imports a contract folder (see the data contract), or the same files uploaded one by one: every line is validated, every valid line is
/// written, every invalid line becomes a <see cref="Rejection"/> per broken rule. References are resolved
/// against the valid records of the whole folder and the store, in <see cref="EntityKinds.ImportOrder"/>,
/// so a record that refers to a rejected one is rejected too. All valid records are written in one
/// transaction; re-importing the same folder changes nothing. Candidates' skills and certificates are resolved to the
/// catalogue's labels (<see cref="BatchLabels"/>) and stored beside the labels as typed, so importing again after a
/// synonym was added applies it.
/// </summary>
public sealed class FolderImporter(ICatalogStore store, ContractValidator validator, LabelSources? labels = null)
{
    /// <summary>Reads and imports <paramref name="folder"/>; throws <see cref="DirectoryNotFoundException"/> when it does not exist.</summary>
    public ImportResult Import(string folder, CancellationToken cancellationToken = default) => Import(ContractFiles(folder), cancellationToken);

    /// <summary>
    /// The contract files of <paramref name="folder"/> by kind, as <see cref="Import(IReadOnlyDictionary{EntityKind, Func{Stream}}, CancellationToken)"/>
    /// reads them; throws <see cref="DirectoryNotFoundException"/> when the folder does not exist.
    /// </summary>
    public static IReadOnlyDictionary<EntityKind, Func<Stream>> ContractFiles(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"map bestaat niet: {folder}");
        return EntityKinds.ImportOrder.Select(k => (Kind: k, Path: Path.Combine(folder, k.FileName()))).Where(f => File.Exists(f.Path))
            .ToDictionary(f => f.Kind, f => (Func<Stream>)(() => new FileStream(f.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16)));
    }

    /// <summary>
    /// Imports the contract files in <paramref name="files"/>, one per kind (each opened once, read to its end and disposed), as
    /// a folder that holds them.
    /// </summary>
    public ImportResult Import(IReadOnlyDictionary<EntityKind, Func<Stream>> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var batch = new CatalogBatch();
        var known = EntityKinds.ImportOrder.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal));
        var imported = new Dictionary<EntityKind, int>();
        var rejections = new List<Rejection>();
        var rejectedLines = 0;
        bool Exists(EntityKind kind, string id) => known[kind].Contains(id) || store.Exists(kind, id);

        foreach (var kind in EntityKinds.ImportOrder)
        {
            if (!files.TryGetValue(kind, out var open)) continue;
            var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
            using var stream = open();
            foreach (var (lineNumber, line, invalidAt) in ContractLines.Read(stream))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (line is null)
                {
                    rejectedLines++;
                    rejections.Add(new Rejection(kind.FileName(), lineNumber, null, new FieldViolation("(line)", $"is geen geldige UTF-8 (byte {invalidAt})")));
                    continue;
                }
                if (string.IsNullOrWhiteSpace(line)) continue;
                var parsed = validator.Parse(kind, line);
                var violations = parsed.Violations.ToList();
                if (parsed.Record is not null)
                {
                    violations.AddRange(ReferenceCheck.Check(parsed.Record, Exists));
                    if (parsed.Id is not null && !firstLineOfId.TryAdd(parsed.Id, lineNumber))
                        violations.Add(new FieldViolation("id", $"{ClientValue.Quote(parsed.Id)} staat al op regel {firstLineOfId[parsed.Id]}"));
                }
                if (violations.Count > 0 || parsed.Record is null)
                {
                    rejectedLines++;
                    rejections.AddRange(violations.Select(v => new Rejection(kind.FileName(), lineNumber, parsed.Id, v)));
                    continue;
                }
                batch.Add(parsed.Record);
                if (parsed.Id is not null) known[kind].Add(parsed.Id);
                imported[kind] = imported.GetValueOrDefault(kind) + 1;
            }
        }
        var resolving = BatchLabels.Resolve(batch, store, labels ?? LabelSources.Bundled);
        var revision = batch.Count > 0 ? store.Upsert(batch) : store.Revision;
        return new ImportResult(imported, rejectedLines, rejections, revision) { LabelResolution = resolving, CandidateIds = known[EntityKind.Candidate] };
    }
}
