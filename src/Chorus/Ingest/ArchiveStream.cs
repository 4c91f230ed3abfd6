using System.Text;

namespace Chorus.Ingest;

/// <summary>
/// A forward-only reader over an (uncompressed) archive stream: header lines as Latin-1 text, blocks as bytes,
/// skips without buffering, and the byte position of everything read.
/// </summary>
internal sealed class ArchiveStream(Stream stream) : IDisposable
{
    private const int MaxLine = 64 * 1024;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>Bytes consumed so far.</summary>
    public long Position { get; private set; }

    /// <summary>Where the last line read began.</summary>
    public long LineStart { get; private set; }

    public void Dispose() => stream.Dispose();

    /// <summary>The next line without its CR LF (cut at 64 KB), or null at the end of the stream.</summary>
    public string? ReadLine()
    {
        LineStart = Position;
        var line = new List<byte>(128);
        while (true)
        {
            if (_start == _end && !Fill())
            {
                return line.Count == 0 ? null : Text(line);
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            var take = newline >= 0 ? newline : span.Length;
            if (line.Count < MaxLine)
            {
                line.AddRange(span[..Math.Min(take, MaxLine - line.Count)]);
            }

            var consumed = newline >= 0 ? newline + 1 : take;
            _start += consumed;
            Position += consumed;
            if (newline >= 0)
            {
                return Text(line);
            }
        }
    }

    /// <summary>The first line that is not blank, or null at the end.</summary>
    public string? SkipBlankLines()
    {
        string? line;
        do
        {
            line = ReadLine();
        }
        while (line is not null && line.Trim().Length == 0);

        return line;
    }

    /// <summary>Reads on to the next line that starts with <paramref name="prefix"/> (resynchronising after a broken record).</summary>
    public string? SkipToLineStartingWith(string prefix)
    {
        string? line;
        do
        {
            line = ReadLine();
        }
        while (line is not null && !line.StartsWith(prefix, StringComparison.Ordinal));

        return line;
    }

    /// <summary>Reads on to the next line that looks like an ARC record header (a URL and four fields).</summary>
    public string? SkipToArcHeader()
    {
        string? line;
        do
        {
            line = ReadLine();
        }
        while (line is not null && !(line.Contains("://", StringComparison.Ordinal) && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 5));

        return line;
    }

    /// <summary>"Name: value" lines up to a blank line, names in lower case; null when the stream ends first.</summary>
    public Dictionary<string, string>? ReadHeaders()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var line = ReadLine();
            if (line is null)
            {
                return null;
            }

            if (line.Trim().Length == 0)
            {
                return headers;
            }

            AddHeader(headers, line);
        }
    }

    /// <summary>Adds a "Name: value" line (WARC or HTTP) under its lower-case name; the first of repeated names wins.</summary>
    public static void AddHeader(Dictionary<string, string> headers, string line)
    {
        var colon = line.IndexOf(':');
        if (colon > 0)
        {
            headers.TryAdd(line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim());
        }
    }

    /// <summary>The next <paramref name="length"/> bytes, or as many as there are when the stream ends first (<paramref name="complete"/> false).</summary>
    public byte[] ReadBlock(long length, out bool complete)
    {
        var block = new byte[length];
        var filled = 0;
        complete = true;
        while (filled < length)
        {
            if (_start == _end && !Fill())
            {
                complete = false;
                return block[..filled];
            }

            var take = (int)Math.Min(length - filled, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(block.AsSpan(filled));
            _start += take;
            filled += take;
            Position += take;
        }

        return block;
    }

    /// <summary>Passes over <paramref name="length"/> bytes without keeping them; false when the stream ends first.</summary>
    public bool Skip(long length)
    {
        while (length > 0)
        {
            if (_start == _end && !Fill())
            {
                return false;
            }

            var take = (int)Math.Min(length, _end - _start);
            _start += take;
            length -= take;
            Position += take;
        }

        return true;
    }

    private bool Fill()
    {
        _start = 0;
        _end = stream.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }

    private static string Text(List<byte> line)
    {
        var count = line.Count;
        if (count > 0 && line[count - 1] == '\r')
        {
            count--;
        }

        return Encoding.Latin1.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(line)[..count]);
    }
}
