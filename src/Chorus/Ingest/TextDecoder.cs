using System.Text;
using System.Text.RegularExpressions;

namespace Chorus.Ingest;

/// <summary>
/// Turns page bytes into text: BOM first, then strict UTF-8, then a charset the page declares,
/// then Windows-1252 with a warning. Rejects content that is plainly binary.
/// </summary>
internal static partial class TextDecoder
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>True when the bytes look like binary data rather than text or markup.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return false; // UTF-16 with a BOM is text.
        }

        if (Utf16WithoutBom(bytes) is not null)
        {
            return false;
        }

        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                control++;
            }
        }

        return control > sample.Length / 50;
    }

    /// <summary>Text from bytes; <paramref name="httpCharset"/> is the charset an HTTP header declared, used when the bytes are not valid UTF-8.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string input, List<Diagnostic> diagnostics, string? httpCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes[3..], input, diagnostics);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (Utf16WithoutBom(bytes) is { } utf16)
        {
            return utf16.GetString(bytes);
        }

        return DecodeUtf8(bytes, input, diagnostics, httpCharset);
    }

    /// <summary>
    /// UTF-16 without a byte-order mark: Latin-script text then has a zero in every other byte, the odd bytes
    /// for little-endian and the even ones for big-endian. Returns the encoding, or null.
    /// </summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (sample.Length < 8)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        if (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.05)
        {
            return Encoding.Unicode;
        }

        return evenZeros > pairs * 0.7 && oddZeros < pairs * 0.05 ? Encoding.BigEndianUnicode : null;
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, string input, List<Diagnostic> diagnostics, string? httpCharset = null)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
        }

        var declared = Named(httpCharset) ?? DeclaredEncoding(bytes);
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return declared.GetString(bytes);
        }

        diagnostics.Add(Diagnostic.Warning(input, "not valid UTF-8 and no other charset declared; decoded as Windows-1252"));
        return Encoding.GetEncoding(1252).GetString(bytes);
    }

    private static Encoding? Named(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var match = CharsetPattern().Match(head);
        if (!match.Success)
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(match.Groups[1].Value);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
