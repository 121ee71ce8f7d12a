namespace MatchEngine.Models.Registry;

/// <summary>No model version of that name is in the registry (the api answers NOT_FOUND, the CLI exits 1).</summary>
public sealed class ModelVersionNotFoundException(string version) : KeyNotFoundException($"modelversie '{version}' bestaat niet")
{
    public string Version { get; } = version;
}
