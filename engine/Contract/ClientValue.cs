namespace MatchEngine.Engine.Contract;

/// <summary>
/// How a value a client sent appears in an error message: quoted and cut to its first <see cref="ShownLength"/>
/// characters, so a message (which travels in an HTTP/2 trailer) stays small whatever the client sent.
/// </summary>
public static class ClientValue
{
    /// <summary>The most characters of a client's value an error message shows.</summary>
    public const int ShownLength = 40;

    /// <summary>The longest id the data contract allows, in characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary><paramref name="value"/> in single quotes, cut to <see cref="ShownLength"/> characters with an ellipsis.</summary>
    public static string Quote(string? value) => value is null ? "(geen)"
        : value.Length <= ShownLength ? $"'{value}'"
        : $"'{value[..ShownLength]}…' ({value.Length} tekens)";
}
