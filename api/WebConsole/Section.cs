namespace MatchEngine.Api.WebConsole;

/// <summary>
/// One part of a page that may fail on its own (a model not yet trained, say) while the rest still shows: its value,
/// or the Dutch sentence of a failure the user can act on. Other failures fail the whole page.
/// </summary>
public sealed record Section<T>(T? Value, string? Error)
{
    public static async Task<Section<T>> LoadAsync(Func<Task<T>> load)
    {
        try
        {
            return new Section<T>(await load(), null);
        }
        catch (Exception e) when (ConsoleErrors.Known(e) is { } known)
        {
            return new Section<T>(default, known.Sentence);
        }
    }
}
