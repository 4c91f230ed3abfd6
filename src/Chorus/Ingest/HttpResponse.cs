using System.IO.Compression;
using System.Text;

namespace Chorus.Ingest;

/// <summary>
/// The HTTP response inside an archive record: status, headers, and the body decoded from chunked transfer
/// coding and gzip or deflate content coding. Archives often hold bodies that other tools already de-chunked or
/// decompressed while keeping the headers, so each decoding is only applied when the bytes fit it.
/// </summary>
internal sealed record HttpResponse(int Status, Dictionary<string, string> Headers, int BodyStart)
{
    public string? ContentType => Headers.GetValueOrDefault("content-type");

    public static HttpResponse? Parse(byte[] block)
    {
        var end = HeaderEnd(block, out var bodyStart);
        if (end < 0)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(block, 0, end).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var status = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase) || !int.TryParse(status[1], out var code))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            ArchiveStream.AddHeader(headers, line);
        }

        return new HttpResponse(code, headers, bodyStart);
    }

    /// <summary>The body with transfer and content codings undone, or null with the reason (a bomb, a body above the page limit).</summary>
    public ReadOnlyMemory<byte>? Body(byte[] block, InputLimits limits, out string? problem)
    {
        problem = null;
        ReadOnlyMemory<byte> body = block.AsMemory(BodyStart);
        if (Headers.GetValueOrDefault("transfer-encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true && Dechunk(body.Span) is { } plain)
        {
            body = plain;
        }

        var coding = Headers.GetValueOrDefault("content-encoding")?.ToLowerInvariant() ?? "";
        if (coding.Contains("gzip", StringComparison.Ordinal) && GzipPayload.LooksGzipped(body.Span))
        {
            var bytes = body.ToArray();
            var pooled = GzipPayload.TryDecompressPooled(bytes, limits, out var length, out problem);
            if (pooled is null)
            {
                return null;
            }

            body = pooled.AsSpan(0, length).ToArray();
            System.Buffers.ArrayPool<byte>.Shared.Return(pooled);
        }
        else if (coding.Contains("deflate", StringComparison.Ordinal) && body.Length > 0)
        {
            body = Inflate(body, limits, out problem) ?? body;
            if (problem is not null)
            {
                return null;
            }
        }

        return body;
    }

    private static int HeaderEnd(byte[] block, out int bodyStart)
    {
        var crlf = block.AsSpan().IndexOf("\r\n\r\n"u8);
        var lf = block.AsSpan().IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            bodyStart = crlf + 4;
            return crlf;
        }

        bodyStart = lf >= 0 ? lf + 2 : block.Length;
        return lf >= 0 ? lf : block.Length > 0 ? block.Length : -1;
    }

    /// <summary>Undoes chunked transfer coding; null when the bytes are not validly chunked (left as they are).</summary>
    private static byte[]? Dechunk(ReadOnlySpan<byte> body)
    {
        var output = new MemoryStream(body.Length);
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = body[at..].IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                return null;
            }

            var sizeText = Encoding.ASCII.GetString(body.Slice(at, lineEnd)).Trim().Split(';')[0];
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size < 0)
            {
                return null;
            }

            at += lineEnd + 1;
            if (size == 0)
            {
                return output.ToArray();
            }

            if (at + size > body.Length)
            {
                return null;
            }

            output.Write(body.Slice(at, size));
            at += size;
            while (at < body.Length && body[at] is (byte)'\r' or (byte)'\n')
            {
                at++;
            }
        }

        return output.ToArray();
    }

    /// <summary>A deflate body, zlib-wrapped as the standard says or raw as many servers send it; null when it is neither.</summary>
    private static byte[]? Inflate(ReadOnlyMemory<byte> body, InputLimits limits, out string? problem)
    {
        problem = null;
        var compressed = body.ToArray();
        foreach (var zlib in new[] { true, false })
        {
            using var input = new MemoryStream(compressed, writable: false);
            using Stream inflater = zlib ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress);
            var read = GzipPayload.ReadBounded(inflater, compressed.Length, compressed.Length * 4, limits, "deflate");
            try
            {
                if (read.Corrupt)
                {
                    continue;
                }

                problem = read.Problem;
                return problem is null ? read.Buffer.AsSpan(0, read.Length).ToArray() : null;
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(read.Buffer);
            }
        }

        return null;
    }
}
