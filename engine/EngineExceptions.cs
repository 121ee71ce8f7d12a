using MatchEngine.Engine.Contract;

namespace MatchEngine.Engine;

/// <summary>A record that does not exist, or that the caller may not know exists (a candidate without consent).</summary>
public sealed class RecordNotFoundException(EntityKind kind, string id)
    : Exception($"{kind.DutchName()} {ClientValue.Quote(id)} bestaat niet")
{
    public EntityKind Kind { get; } = kind;
    public string Id { get; } = id;
}

/// <summary>The engine is not ready for the request (e.g. no trained model); the message says how to fix it.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>A request argument outside its allowed range; names the field.</summary>
public sealed class InvalidRequestException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}

/// <summary>The caller is known but not allowed this; maps to PERMISSION_DENIED.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
