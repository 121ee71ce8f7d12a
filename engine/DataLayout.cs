namespace MatchEngine.Engine;

/// <summary>Where the store, the index and the models live under one data directory (default <c>./data</c>).</summary>
public sealed record DataLayout(string Root)
{
    /// <summary>The SQLite store file.</summary>
    public string StorePath => Path.Combine(Root, "store.db");

    /// <summary>The Lucene index directory (derived from the store, rebuildable).</summary>
    public string IndexPath => Path.Combine(Root, "index");

    /// <summary>The model registry directory.</summary>
    public string ModelsPath => Path.Combine(Root, "models");
}
