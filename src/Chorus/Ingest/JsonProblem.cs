using System.Text;
using System.Text.Json;

namespace Chorus.Ingest;

/// <summary>
/// A JSON parse error in our own words: where it is (line, and character within the line, both counted from 1) and
/// the parser's reason without its internal counters ("LineNumber: 0 | BytePositionInLine: 53").
/// </summary>
internal static class JsonProblem
{
    /// <param name="e">The parser's exception.</param>
    /// <param name="text">The text that was parsed.</param>
    /// <param name="firstLine">The number of the text's first line in its file (a JSONL line is parsed alone).</param>
    public static string Describe(JsonException e, string text, long firstLine = 1)
    {
        var reason = Reason(e.Message);
        if (e.LineNumber is not { } line || e.BytePositionInLine is not { } bytes)
        {
            return $"not valid JSON: {reason}";
        }

        return $"not valid JSON at line {firstLine + line}, character {Character(text, line, bytes)}: {reason}";
    }

    /// <summary>The parser's message up to its position details, e.g. "'x' is invalid after a property value."</summary>
    private static string Reason(string message)
    {
        foreach (var marker in new[] { " Path: ", " LineNumber: ", " | " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
        }

        return message.Trim();
    }

    /// <summary>The 1-based character of a 0-based UTF-8 byte position within a 0-based line of the text.</summary>
    private static long Character(string text, long line, long bytes)
    {
        var start = 0;
        for (var i = 0L; i < line && start >= 0; i++)
        {
            start = text.IndexOf('\n', start);
            start = start < 0 ? -1 : start + 1;
        }

        if (start < 0)
        {
            return bytes + 1;
        }

        var end = text.IndexOf('\n', start);
        var content = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
        var utf8 = Encoding.UTF8.GetBytes(content.ToString());
        return Encoding.UTF8.GetCharCount(utf8, 0, (int)Math.Min(bytes, utf8.Length)) + 1;
    }
}
