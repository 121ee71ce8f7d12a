using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// Imported seeded catalogs (the open vacancies and candidates of <see cref="SyntheticRegion.Generate"/>, no
/// history), built once per machine in <see cref="BenchmarkCache"/>. Opening a catalog takes the index's writer
/// lock, so one process at a time; a benchmark that needs a second copy (a cold open next to a warm one) copies
/// the returned folder.
/// </summary>
internal static class CachedRegion
{
    /// <summary>The data directory (store + index) of a region of <paramref name="candidates"/> and <paramref name="vacancies"/> open vacancies.</summary>
    public static DataLayout Catalog(int candidates, int vacancies)
    {
        var dir = BenchmarkCache.GetOrBuild($"catalog-{candidates}-{vacancies}-seed{SyntheticRegion.Seed}", root =>
        {
            var folder = Path.Combine(root, "folder");
            SyntheticRegion.Write(SyntheticRegion.CatalogOnly(SyntheticRegion.Generate(candidates, vacancies), vacancies), folder);
            using (SyntheticRegion.ImportAndIndex(folder, Path.Combine(root, "data")))
            {
            }
            SyntheticRegion.Delete(folder);
        });
        return new DataLayout(Path.Combine(dir, "data"));
    }

    /// <summary>The first <paramref name="count"/> vacancies of <paramref name="catalog"/> by id, prepared as a shortlist prepares them.</summary>
    public static PreparedVacancy[] FirstVacancies(CatalogService catalog, int count) =>
        [.. catalog.Store.Vacancies().OrderBy(v => v.Id, StringComparer.Ordinal).Take(count)
            .Select(v => new PreparedVacancy(v, catalog.Store.GetEmployer(v.EmployerId)))];
}
