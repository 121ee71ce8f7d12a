using System.Globalization;

namespace MatchEngine.Engine.Contract;

/// <summary>
/// Whether a JSON number is a whole number, decided on its text so that no rounding decides it. JSON has one number type, and
/// tools such as pandas write a whole number with a fraction of zeros or an exponent (JSON Schema's "integer" takes 1.0 too):
/// 2, 2.0, 2e0 and 20e-1 are the whole number 2; 2.5, 2.0000000000000000000001 and 1e-30 are not whole. Stateless and thread-safe.
/// </summary>
internal static class WholeNumber
{
    /// <summary>What the text of a JSON number holds.</summary>
    public enum Kind
    {
        /// <summary>A whole number an int holds.</summary>
        Int,

        /// <summary>A whole number below <see cref="int.MinValue"/> or above <see cref="int.MaxValue"/>.</summary>
        BeyondInt,

        /// <summary>A number with a fraction.</summary>
        Fraction,
    }

    /// <summary>
    /// Reads <paramref name="json"/>, the text of a JSON number (as <see cref="System.Text.Json.JsonElement.GetRawText"/> gives it);
    /// <paramref name="value"/> is the number when it is <see cref="Kind.Int"/>, else 0.
    /// </summary>
    public static Kind Read(string json, out int value)
    {
        ArgumentNullException.ThrowIfNull(json);
        value = 0;
        var text = json.AsSpan();
        var negative = text.Length > 0 && text[0] == '-';
        if (negative) text = text[1..];
        var e = text.IndexOfAny('e', 'E');
        var mantissa = e < 0 ? text : text[..e];
        long exponent = 0;
        // An exponent of more digits than a long holds makes the number as good as infinitely large or small.
        if (e >= 0 && !long.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            exponent = text[e + 1] == '-' ? long.MinValue / 2 : long.MaxValue / 2;
        var point = mantissa.IndexOf('.');
        var fractionLength = point < 0 ? 0 : mantissa.Length - point - 1;
        var digits = (point < 0 ? mantissa.ToString() : string.Concat(mantissa[..point], mantissa[(point + 1)..])).TrimStart('0');
        var significant = digits.TrimEnd('0');
        if (significant.Length == 0) return Kind.Int;
        // The number is significant × 10^power: whole when power is not negative, and then of significant.Length + power digits.
        var power = exponent - fractionLength + (digits.Length - significant.Length);
        if (power < 0) return Kind.Fraction;
        if (significant.Length + power > 10) return Kind.BeyondInt;
        var whole = long.Parse(significant, CultureInfo.InvariantCulture);
        for (var i = 0; i < power; i++) whole *= 10;
        if (negative) whole = -whole;
        if (whole is < int.MinValue or > int.MaxValue) return Kind.BeyondInt;
        value = (int)whole;
        return Kind.Int;
    }
}
