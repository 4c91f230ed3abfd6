using System.Text;

namespace Chorus.Ingest;

/// <summary>
/// Reads web archives, WARC/1.0 and 1.1 and ARC v1, plain or gzipped (one gzip member per record or the whole
/// file), in constant memory: one record at a time, and a record's block is only held when it is a page to keep.
/// Response and resource records holding HTML or text become documents whose url is the record's target URI and
/// whose source is <c>file#offset</c> (the offset in the uncompressed archive). Other records (request, revisit,
/// metadata, warcinfo), non-2xx responses and other media are skipped and counted. A broken record is skipped
/// with its offset and the reading goes on at the next record; nothing in the file aborts the rest.
/// </summary>
public sealed class ArchiveReader(InputLimits limits)
{
    /// <summary>Whether a file name says it is an archive: .warc, .arc, optionally .gz.</summary>
    public static bool IsArchive(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return name.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".arc", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a file's first bytes (gunzipped when gzipped) open a WARC or ARC archive, whatever its name.</summary>
    public static bool LooksLikeArchive(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var head = new byte[4096];
            return LooksLikeArchive(head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether these first bytes of an input (gunzipped when gzipped) open a WARC or ARC archive.</summary>
    public static bool LooksLikeArchive(byte[] head)
    {
        try
        {
            using var stream = Decompressed(new MemoryStream(head, writable: false));
            Span<byte> start = stackalloc byte[11];
            var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            return start[..read].StartsWith("WARC/"u8) || start[..read].StartsWith("filedesc://"u8);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return false; // a gzip head cut short may not decode; such an input is read as a page
        }
    }

    public IEnumerable<InputItem> Read(string path, Func<Stream> open)
    {
        Stream? raw = null;
        string? failure = null;
        try
        {
            raw = open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = $"cannot read file: {e.Message}";
        }

        if (raw is null)
        {
            yield return new RejectedInput(path, failure ?? "cannot read file");
            yield break;
        }

        var decompressed = Decompressed(raw);
        using var input = new ArchiveStream(decompressed);
        string? first;
        try
        {
            first = input.SkipBlankLines();
        }
        catch (InvalidDataException e)
        {
            first = null;
            failure = $"not a readable gzip stream: {e.Message}";
        }

        if (first is null)
        {
            yield return new RejectedInput(path, failure ?? "empty archive");
            yield break;
        }

        var records = first.StartsWith("filedesc://", StringComparison.Ordinal) ? ReadArc(path, input, first)
            : first.StartsWith("WARC/", StringComparison.Ordinal) ? ReadWarc(path, input, first)
            : [new RejectedInput(path, "not a WARC or ARC file (it does not start with a WARC/ version line or an ARC filedesc record)")];
        using var items = records.GetEnumerator();
        var damaged = false;
        while (!damaged)
        {
            InputItem? item;
            try
            {
                if (!items.MoveNext())
                {
                    break;
                }

                item = items.Current;
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                item = new RejectedInput(path, $"the archive is damaged from here on ({e.Message}); the records before were read", input.Position);
                damaged = true;
            }

            damaged |= item is RejectedInput { Reason: var reason } && reason.StartsWith("truncated at offset", StringComparison.Ordinal);
            yield return item;
        }

        if (!damaged && decompressed is GzipMemberStream { End: { Kind: not GzipEndKind.Clean } end })
        {
            yield return DamagedEnd(path, end);
        }
    }

    /// <summary>
    /// What the gzip layer found after the last record was read: data appended to the file, or a last member cut
    /// short or not matching its checksum. The records were all read, so this is a warning, counted as skipped.
    /// </summary>
    private static SkippedInput DamagedEnd(string path, GzipEnd end)
    {
        var (reason, message) = end.Kind switch
        {
            GzipEndKind.TrailingData => ("trailing data after the last record", $"trailing data after the last record at offset {end.Offset} of the file ({end.Length} bytes ignored)"),
            GzipEndKind.Truncated => ("truncated gzip member", $"truncated at offset {end.Offset} of the file: the last gzip member is cut short after its last whole record"),
            _ => ("corrupt gzip member", $"corrupt gzip member at offset {end.Offset} of the file: its checksum does not match its data; reading stopped there"),
        };
        return new SkippedInput(path, reason) { Warning = Diagnostic.Warning(path, message) };
    }

    /// <summary>The stream gunzipped when it starts with the gzip magic; works on streams that cannot seek (stdin).</summary>
    private static Stream Decompressed(Stream raw)
    {
        var buffered = new BufferedStream(raw, 64 * 1024);
        var magic = new byte[2];
        var read = buffered.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        var stream = new PrefixedStream(magic[..read], buffered);
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GzipMemberStream(stream) : stream;
    }

    private IEnumerable<InputItem> ReadWarc(string path, ArchiveStream input, string firstLine)
    {
        var line = firstLine;
        while (line is not null)
        {
            var offset = input.LineStart;
            if (!line.StartsWith("WARC/", StringComparison.Ordinal))
            {
                yield return new RejectedInput(path, "broken record: expected a WARC/ version line; skipped to the next record", offset);
                line = input.SkipToLineStartingWith("WARC/");
                continue;
            }

            var headers = input.ReadHeaders();
            if (headers is null)
            {
                yield return new RejectedInput(path, $"truncated at offset {offset}: the archive ends inside the record's headers");
                yield break;
            }

            if (!long.TryParse(headers.GetValueOrDefault("content-length"), out var length) || length < 0)
            {
                yield return new RejectedInput(path, "broken record: no valid Content-Length; skipped to the next record", offset);
                line = input.SkipToLineStartingWith("WARC/");
                continue;
            }

            var type = headers.GetValueOrDefault("warc-type")?.ToLowerInvariant() ?? "";
            var source = $"{path}#{offset}";
            var keep = type is "response" or "resource" && length <= limits.MaxPageBytes;
            var complete = true;
            var block = keep ? input.ReadBlock(length, out complete) : null;
            if (!keep && !input.Skip(length))
            {
                yield return new RejectedInput(path, $"truncated at offset {offset}: the archive ends inside the block of this {(type.Length == 0 ? "untyped" : type)} record");
                yield break;
            }

            var url = headers.GetValueOrDefault("warc-target-uri")?.Trim('<', '>', ' ');
            var date = DateTimeOffset.TryParse(headers.GetValueOrDefault("warc-date"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var when) ? when : (DateTimeOffset?)null;
            if (type is not ("response" or "resource"))
            {
                yield return new SkippedInput(source, $"{(type.Length == 0 ? "untyped" : type)} record");
            }
            else if (block is null)
            {
                yield return new RejectedInput(source, $"record is {Bytes.Describe(length)}, above the page limit of {Bytes.Describe(limits.MaxPageBytes)}");
            }
            else
            {
                yield return complete ? Page(source, url, date, block, http: type == "response" && IsHttp(headers), headers.GetValueOrDefault("content-type")) : Truncated(path, offset, block.Length, length);
            }

            if (!complete)
            {
                yield break;
            }

            line = input.SkipBlankLines();
        }
    }

    private static bool IsHttp(Dictionary<string, string> headers) =>
        headers.GetValueOrDefault("content-type")?.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) ?? true;

    private IEnumerable<InputItem> ReadArc(string path, ArchiveStream input, string firstLine)
    {
        var line = firstLine;
        while (line is not null)
        {
            var offset = input.LineStart;
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5 || !long.TryParse(fields[^1], out var length) || length < 0)
            {
                yield return new RejectedInput(path, "broken ARC record header (it needs URL, IP address, date, content type and a length); skipped to the next record", offset);
                line = input.SkipToArcHeader();
                continue;
            }

            var url = string.Join(' ', fields[..^4]); // a URL with spaces in it keeps them
            var isFileHeader = url.StartsWith("filedesc://", StringComparison.Ordinal);
            var keep = !isFileHeader && length <= limits.MaxPageBytes;
            var complete = true;
            var block = keep ? input.ReadBlock(length, out complete) : null;
            if (!keep && !input.Skip(length))
            {
                yield return new RejectedInput(path, $"truncated at offset {offset}: the archive ends inside the block of this ARC record");
                yield break;
            }

            var date = DateTimeOffset.TryParseExact(fields[^3], "yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var when) ? when : (DateTimeOffset?)null;
            var source = $"{path}#{offset}";
            yield return isFileHeader ? new SkippedInput(source, "ARC file header")
                : length > limits.MaxPageBytes ? new RejectedInput(source, $"record is {Bytes.Describe(length)}, above the page limit of {Bytes.Describe(limits.MaxPageBytes)}")
                : !complete ? Truncated(path, offset, block!.Length, length)
                : Page(source, url, date, block!, http: url.StartsWith("http", StringComparison.OrdinalIgnoreCase) && StartsWithHttpStatus(block!), fields[^2]);
            if (!complete)
            {
                yield break;
            }

            line = input.SkipBlankLines();
        }
    }

    /// <summary>
    /// A record cut short by the end of the archive (its Content-Length is more than the bytes left) is rejected: a
    /// page missing its end would be stored as if whole.
    /// </summary>
    private static RejectedInput Truncated(string path, long offset, long read, long declared) =>
        new(path, $"truncated at offset {offset}: the archive ends after {read} of the {declared} bytes the record declares");

    private static bool StartsWithHttpStatus(byte[] block) => block.Length >= 5 && block.AsSpan(0, 5).SequenceEqual("HTTP/"u8);

    /// <summary>A record's block as a document: the HTTP status and headers read, the body decoded; or why it is skipped.</summary>
    private InputItem Page(string source, string? url, DateTimeOffset? fetched, byte[] block, bool http, string? contentType)
    {
        ReadOnlyMemory<byte> body = block;
        if (http)
        {
            var response = HttpResponse.Parse(block);
            if (response is null)
            {
                return new RejectedInput(source, "the response holds no readable HTTP status line and headers");
            }

            if (response.Status is < 200 or >= 300)
            {
                return new SkippedInput(source, $"HTTP {response.Status} response");
            }

            contentType = response.ContentType;
            var decoded = response.Body(block, limits, out var problem);
            if (decoded is null)
            {
                return new RejectedInput(source, problem!);
            }

            body = decoded.Value;
        }

        var media = MediaOf(contentType);
        if (media is null)
        {
            return new SkippedInput(source, $"not a page ({(string.IsNullOrWhiteSpace(contentType) ? "no content type" : contentType.Split(';')[0].Trim())})");
        }

        if (body.Length == 0)
        {
            return new SkippedInput(source, "empty body");
        }

        var diagnostics = new List<Diagnostic>();
        var charset = CharsetOf(contentType);
        var text = TextDecoder.Decode(body.Span, source, diagnostics, charset);
        return new RawDocument(IdOf(url, source), source, media.Value, text, url, fetched) { Diagnostics = diagnostics };
    }

    private static MediaKind? MediaOf(string? contentType)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        return type switch
        {
            "text/html" or "application/xhtml+xml" or "" or "unk" or "unknown" => MediaKind.Html,
            "text/plain" => MediaKind.Text,
            _ => null,
        };
    }

    private static string? CharsetOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : contentType[(at + 8)..].Split(';')[0].Trim().Trim('"', '\'');
    }

    /// <summary>An id from the URL's last path part, else the source.</summary>
    private static string IdOf(string? url, string source)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var last = uri.Segments.LastOrDefault(s => s.Trim('/').Length > 0)?.Trim('/');
            return string.IsNullOrEmpty(last) ? uri.Host : $"{uri.Host}-{last}";
        }

        return source;
    }
}

/// <summary>A skipped input (an archive's request or metadata record, a non-HTML response): not an article, not a failure.</summary>
public sealed record SkippedInput(string Source, string Reason) : InputItem(Source)
{
    /// <summary>A warning that goes with the skip, e.g. data after an archive's last record that was ignored.</summary>
    public Diagnostic? Warning { get; init; }
}
