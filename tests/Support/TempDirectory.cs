namespace MatchEngine.Tests.Support;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "matchengine-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Only the pools of this directory's stores: clearing every pool would close connections other tests are using.
        if (Directory.Exists(Path))
            foreach (var store in Directory.EnumerateFiles(Path, "*.db", SearchOption.AllDirectories))
            {
                using var connection = new Microsoft.Data.Sqlite.SqliteConnection(Engine.Persistence.StoreConnections.For(store));
                Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
            }
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
