namespace MatchEngine.Models.Registry;

/// <summary>A registry change that only an admin may make (a fairness override, the fairness policy); maps to PERMISSION_DENIED.</summary>
public sealed class AdminOnlyException(string message) : Exception(message);
