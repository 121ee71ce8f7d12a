using System.Buffers;
using System.Text;

namespace MatchEngine.Engine.Import;

/// <summary>
/// The lines of a contract file (UTF-8, one JSON object per line), each decoded strictly: a line that is not valid UTF-8
/// comes back without text and with the position of its first bad byte, instead of with replacement characters the store
/// would keep. A byte order mark at the start is skipped; "\r\n" line ends are accepted.
/// </summary>
public static class ContractLines
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>One line: its number (from 1) and text, or null text and the 1-based byte position of the first invalid byte.</summary>
    public readonly record struct Line(int Number, string? Text, int InvalidAt);

    /// <summary>Reads <paramref name="stream"/> line by line, from where it stands to its end; the caller disposes it.</summary>
    public static IEnumerable<Line> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var line = new ArrayBufferWriter<byte>(4096);
        var buffer = new byte[1 << 16];
        var number = 0;
        var first = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            if (first)
            {
                first = false;
                if (buffer.AsSpan(0, read).StartsWith("\uFEFF"u8)) start = 3;
            }
            int end;
            while ((end = Array.IndexOf(buffer, (byte)'\n', start, read - start)) >= 0)
            {
                line.Write(buffer.AsSpan(start, end - start));
                start = end + 1;
                yield return Decode(++number, line.WrittenSpan);
                line.ResetWrittenCount();
            }
            line.Write(buffer.AsSpan(start, read - start));
        }
        if (line.WrittenCount > 0) yield return Decode(++number, line.WrittenSpan);
    }

    private static Line Decode(int number, ReadOnlySpan<byte> bytes)
    {
        if (bytes.EndsWith("\r"u8)) bytes = bytes[..^1];
        try
        {
            return new Line(number, Strict.GetString(bytes), 0);
        }
        catch (DecoderFallbackException e)
        {
            return new Line(number, null, e.Index + 1);
        }
    }
}
