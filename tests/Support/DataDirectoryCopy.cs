using Microsoft.Data.Sqlite;

namespace MatchEngine.Tests.Support;

/// <summary>
/// Copies a data directory whose SQLite store may still be open elsewhere in the test run. The store is
/// copied through SQLite's backup API, a consistent snapshot including what is still in its WAL; the
/// store's <c>-wal</c> and <c>-shm</c> files are not copied, since SQLite deletes them when the last
/// pooled connection closes, which can happen between listing a file and copying it.
/// </summary>
public static class DataDirectoryCopy
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/>, leaving out files whose relative path <paramref name="skip"/> accepts.</summary>
    public static void Copy(string source, string target, Func<string, bool>? skip = null)
    {
        var store = Path.Combine(source, "store.db");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (file.StartsWith(store, StringComparison.Ordinal) || skip?.Invoke(relative) == true) continue;
            var to = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        if (File.Exists(store)) Snapshot(store, Path.Combine(target, "store.db"));
    }

    private static void Snapshot(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Pooling = false }.ToString());
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }
}
