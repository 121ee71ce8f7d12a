using System.Text;
using MatchEngine.Engine.Contract;

namespace MatchEngine.Training.Synth;

/// <summary>Writes a world as a contract folder: one JSON line per record, UTF-8 without BOM, "\n" line ends.</summary>
public static class WorldWriter
{
    /// <summary>Writes every file into <paramref name="folder"/> and returns the line count per file.</summary>
    public static IReadOnlyDictionary<EntityKind, int> Write(World world, string folder)
    {
        Directory.CreateDirectory(folder);
        return new Dictionary<EntityKind, int>
        {
            [EntityKind.Employer] = Write(folder, EntityKind.Employer, world.Employers),
            [EntityKind.SroiContract] = Write(folder, EntityKind.SroiContract, world.SroiContracts),
            [EntityKind.Vacancy] = Write(folder, EntityKind.Vacancy, world.Vacancies),
            [EntityKind.Candidate] = Write(folder, EntityKind.Candidate, world.Candidates),
            [EntityKind.Route] = Write(folder, EntityKind.Route, world.Routes),
            [EntityKind.MatchEvent] = Write(folder, EntityKind.MatchEvent, world.MatchEvents),
            [EntityKind.Placement] = Write(folder, EntityKind.Placement, world.Placements),
        };
    }

    private static int Write<T>(string folder, EntityKind kind, IReadOnlyList<T> records)
    {
        using var writer = new StreamWriter(Path.Combine(folder, kind.FileName()), append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        foreach (var r in records) writer.WriteLine(ContractJson.Serialize(r));
        return records.Count;
    }
}
