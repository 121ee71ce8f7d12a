using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Import;
using MatchEngine.Training.Synth;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// Seeded synthetic regions for the benchmarks, written into temp folders. A "catalog" folder holds what a
/// WSP imports day to day (employers, SROI contracts, open vacancies, candidates, routes) and no history.
/// </summary>
internal static class SyntheticRegion
{
    public const int Seed = 42;

    /// <summary>A fresh, empty temp directory whose name says which benchmark owns it.</summary>
    public static string TempDir(string owner)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"matchengine-bench-{owner}-{Environment.ProcessId}");
        Delete(dir);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Deletes a temp directory and everything in it, if it exists.</summary>
    public static void Delete(string? dir)
    {
        if (dir is not null && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    /// <summary>Generates the whole region (including past vacancies and match history).</summary>
    public static World Generate(int candidates, int vacancies) =>
        new WorldGenerator(new SynthOptions(Seed, candidates, vacancies)).Generate();

    /// <summary>The catalog part of <paramref name="world"/>: the open vacancies only, no match events or placements.</summary>
    public static World CatalogOnly(World world, int openVacancies) =>
        world with { Vacancies = world.Vacancies.Take(openVacancies).ToArray(), MatchEvents = [], Placements = [] };

    /// <summary>Writes <paramref name="world"/> as a contract folder and returns the number of records written.</summary>
    public static int Write(World world, string folder) => WorldWriter.Write(world, folder).Values.Sum();

    /// <summary>Imports <paramref name="folder"/> into a new store and index under <paramref name="dataDir"/>, both committed.</summary>
    public static CatalogService ImportAndIndex(string folder, string dataDir)
    {
        var catalog = CatalogService.Open(new DataLayout(dataDir), TimeProvider.System);
        var result = new FolderImporter(catalog.Store, catalog.Validator).Import(folder);
        if (result.RejectedLines > 0)
            throw new InvalidOperationException($"the synthetic folder should import cleanly, but {result.RejectedLines} lines were rejected: {result.Rejections[0]}");
        catalog.SyncIndex();
        return catalog;
    }
}
