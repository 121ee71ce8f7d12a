namespace MatchEngine.Engine.Contract;

/// <summary>One broken rule of the contract: the field (dotted path, e.g. <c>tasks[2].hours_per_week</c>) and why.</summary>
public sealed record FieldViolation(string Field, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Reason}";
}

/// <summary>A rejected contract line: <c>file:line: field: reason</c>.</summary>
public sealed record Rejection(string File, int Line, string? RecordId, FieldViolation Violation)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Violation.Field}: {Violation.Reason}";
}

/// <summary>Thrown when a single record breaks the contract; carries every violation.</summary>
public sealed class ContractViolationException(string entity, string? id, IReadOnlyList<FieldViolation> violations)
    : Exception($"{entity} {(id is null ? "(zonder id)" : ClientValue.Quote(id))} voldoet niet aan het contract: {string.Join("; ", violations)}")
{
    /// <summary>The entity kind, e.g. <c>candidate</c>.</summary>
    public string Entity { get; } = entity;

    /// <summary>The record's id when it had one.</summary>
    public string? RecordId { get; } = id;

    /// <summary>Every broken rule.</summary>
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}
