using System.Globalization;
using MatchEngine.Engine;
using MatchEngine.Engine.Contract;

namespace MatchEngine.Api.Grpc;

/// <summary>Dates in requests are strings YYYY-MM-DD, as in the data contract.</summary>
public static class ProtoDates
{
    /// <summary>Parses a date; INVALID_ARGUMENT naming <paramref name="field"/> when malformed.</summary>
    public static DateOnly Parse(string value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidRequestException(field, $"moet een datum (JJJJ-MM-DD) zijn, niet {ClientValue.Quote(value)}");
}
