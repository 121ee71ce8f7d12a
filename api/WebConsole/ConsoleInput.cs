using System.Globalization;
using MatchEngine.Engine;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Api.WebConsole;

/// <summary>
/// Numbers typed into a console form, read the Dutch way (a decimal comma; a dot is read as one too, as a number field of the
/// browser sends it) and checked against the field's range. A value that is no number or out of range is refused with the
/// field's Dutch label (<see cref="InvalidRequestException.Field"/>), never clamped or dropped; empty is null.
/// </summary>
public static class ConsoleInput
{
    /// <summary>The number in <paramref name="text"/>, between <paramref name="min"/> and <paramref name="max"/> (both included); null when empty.</summary>
    public static double? Number(string? text, string label, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var typed = text.Trim();
        if (!double.TryParse(typed.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
            throw new InvalidRequestException(label, $"'{typed}' is geen getal");
        if (value < min || value > max)
            throw new InvalidRequestException(label, $"moet tussen {Dutch.Exact(min)} en {Dutch.Exact(max)} liggen, niet {Dutch.Exact(value)}");
        return value;
    }

    /// <summary>The whole number in <paramref name="text"/>, <paramref name="min"/> to <paramref name="max"/>; null when empty.</summary>
    public static int? Whole(string? text, string label, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var typed = text.Trim();
        if (!int.TryParse(typed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw new InvalidRequestException(label, $"'{typed}' is geen heel getal");
        if (value < min || value > max) throw new InvalidRequestException(label, $"moet {Dutch.Whole(min)}–{Dutch.Whole(max)} zijn, niet {Dutch.Whole(value)}");
        return value;
    }
}
