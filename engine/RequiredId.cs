namespace MatchEngine.Engine;

/// <summary>
/// An id a request must name: blank is INVALID_ARGUMENT ("ontbreekt") on the field, on every surface, rather than the NOT_FOUND of
/// a record called "" (a caller who left the field out is told so, not that their record does not exist).
/// </summary>
public static class RequiredId
{
    /// <summary><paramref name="value"/>, or an <see cref="InvalidRequestException"/> on <paramref name="field"/> when it is blank.</summary>
    public static string Of(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidRequestException(field, "ontbreekt") : value;
}
