namespace Chorus.Text;

/// <summary>A text reduced to its letters and digits in lower case: equal for the same words under other spacing, case and punctuation.</summary>
public static class TextKey
{
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }

    /// <summary>
    /// A 64-bit hash of <see cref="Of"/>'s key, without building it (FNV-1a over the kept characters): for telling
    /// repeated blocks apart on the hot path. 0 when the text has no letters or digits.
    /// </summary>
    public static ulong Hash(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        var hash = 14695981039346656037UL;
        var any = false;
        foreach (var c in text)
        {
            // ASCII, the common case, without the Unicode tables.
            var kept = c < 128 ? (char.IsAsciiLetterOrDigit(c) ? (char)(c | (char.IsAsciiLetterUpper(c) ? 0x20 : 0)) : '\0')
                : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
            if (kept != '\0')
            {
                hash = (hash ^ kept) * 1099511628211UL;
                any = true;
            }
        }

        return any ? hash | 1 : 0;
    }
}
