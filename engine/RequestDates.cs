using System.Globalization;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine;

/// <summary>
/// The dates a request may name (a day to answer for, a date to be available by, a search's date), read alike by gRPC and the CLI:
/// YYYY-MM-DD as in the data contract, from <see cref="Earliest"/> to <see cref="Latest"/>.
/// </summary>
public static class RequestDates
{
    /// <summary>The earliest date a request may name: no data of the engine's users lies before it.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The latest date a request may name.</summary>
    public static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>
    /// Parses a date; an <see cref="InvalidRequestException"/> naming <paramref name="field"/> when malformed or outside
    /// <see cref="Earliest"/>–<see cref="Latest"/>, where no answer means anything (months since a placement's start counted to the year 9999).
    /// </summary>
    public static DateOnly Parse(string value, string field)
    {
        var d = ParseDay(value, field);
        if (d < Earliest || d > Latest)
            throw new InvalidRequestException(field, $"moet tussen {Dutch.Date(Earliest)} en {Dutch.Date(Latest)} liggen, niet {value}");
        return d;
    }

    /// <summary>
    /// Parses any day written YYYY-MM-DD, for a setting with a range of its own (the day a synthetic region is made for); an
    /// <see cref="InvalidRequestException"/> naming <paramref name="field"/> when malformed.
    /// </summary>
    public static DateOnly ParseDay(string value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidRequestException(field, $"moet een datum (JJJJ-MM-DD) zijn, niet {ClientValue.Quote(value)}");
}
