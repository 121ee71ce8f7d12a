using System.Text.RegularExpressions;

namespace MatchEngine.Engine.Contract;

/// <summary>
/// Detects a burgerservicenummer: 9 digits passing the elfproef
/// (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11, not all zero). BSNs must never be stored.
/// </summary>
public static partial class Bsn
{
    /// <summary>True when <paramref name="digits"/> is exactly 9 digits passing the elfproef.</summary>
    public static bool IsBsn(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 9) return false;
        var sum = 0;
        var allZero = true;
        for (var i = 0; i < 9; i++)
        {
            var c = digits[i];
            if (c is < '0' or > '9') return false;
            var d = c - '0';
            allZero &= d == 0;
            sum += i < 8 ? d * (9 - i) : -d;
        }
        return !allZero && sum % 11 == 0;
    }

    /// <summary>
    /// True when free text contains a BSN: 9 digits in a row, or written in groups with dots, spaces or
    /// dashes (<c>1234.56.782</c>, <c>123 456 782</c>), not part of a longer number.
    /// </summary>
    public static bool OccursIn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        Span<char> digits = stackalloc char[9];
        foreach (Match m in Candidates().Matches(text))
        {
            var n = 0;
            foreach (var c in m.Value)
            {
                if (char.IsAsciiDigit(c))
                {
                    if (n == 9) { n = 10; break; }
                    digits[n++] = c;
                }
            }
            if (n == 9 && IsBsn(digits)) return true;
        }
        return false;
    }

    [GeneratedRegex(@"(?<![\d.\-])\d(?:[ .\-]?\d){8}(?![\d]|[.\-]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidates();
}
