namespace MatchEngine.Models;

/// <summary>Marker for the models assembly: ML schemas, pipelines, survival statistics, the registry.</summary>
public static class ModelsAssembly;
