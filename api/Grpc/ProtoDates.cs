using System.Globalization;
using MatchEngine.Engine;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Api.Grpc;

/// <summary>Dates in requests are strings YYYY-MM-DD, as in the data contract.</summary>
public static class ProtoDates
{
    /// <summary>The earliest date a request may name: no data of the engine's users lies before it.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The latest date a request may name.</summary>
    public static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>
    /// Parses a date; INVALID_ARGUMENT naming <paramref name="field"/> when malformed or outside <see cref="Earliest"/>–<see cref="Latest"/>,
    /// where no answer means anything (months since a placement's start counted to the year 9999).
    /// </summary>
    public static DateOnly Parse(string value, string field)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new InvalidRequestException(field, $"moet een datum (JJJJ-MM-DD) zijn, niet {ClientValue.Quote(value)}");
        if (d < Earliest || d > Latest)
            throw new InvalidRequestException(field, $"moet tussen {Dutch.Date(Earliest)} en {Dutch.Date(Latest)} liggen, niet {value}");
        return d;
    }
}
