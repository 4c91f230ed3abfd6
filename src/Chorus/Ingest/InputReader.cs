using System.Text.Json;

namespace Chorus.Ingest;

/// <summary>
/// Reads the paths a user names (files, directories recursively, or "-" for stdin) into input items.
/// Never throws for bad input: every problem becomes a <see cref="RejectedInput"/> naming the input and the reason.
/// </summary>
/// <param name="openStdin">Opens what "-" reads: standard input unless given (e.g. an uploaded body).</param>
/// <param name="stdinName">
/// A name for what "-" reads, e.g. "ferry.html" for an upload: the ledger and errors name it, the article's id comes
/// from it, and so does its kind when the extension is known. Without one, "-" is named "-" and its kind is sniffed.
/// </param>
public sealed class InputReader(InputLimits limits, Func<Stream>? openStdin = null, string? stdinName = null)
{
    private static readonly string[] s_knownExtensions = [".gz", ".html", ".htm", ".xhtml", ".txt", ".text", ".jsonl", ".ndjson", ".json", ".xml", ".rss", ".atom"];
    private readonly Func<Stream> _openStdin = openStdin ?? Console.OpenStandardInput;

    public InputReader() : this(InputLimits.Default)
    {
    }

    /// <summary>Every input item under the given paths, in a stable order (directories sorted by path).</summary>
    public IEnumerable<InputItem> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            foreach (var item in ReadPath(path))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// The id a file gets: its name without the extensions Chorus knows, e.g. a1b2.html.gz gives a1b2. Standard input
    /// ("-") gives "stdin", so its records are stdin-1, stdin-2, ...
    /// </summary>
    public static string IdFromPath(string path)
    {
        if (path == "-")
        {
            return "stdin";
        }

        var name = Path.GetFileName(path);
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var ext in s_knownExtensions)
            {
                if (name.Length > ext.Length && name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                {
                    name = name[..^ext.Length];
                    stripped = true;
                }
            }
        }

        return name;
    }

    private IEnumerable<InputItem> ReadPath(string path)
    {
        if (path == "-")
        {
            return ReadStdin();
        }

        if (Directory.Exists(path))
        {
            return ReadDirectory(path);
        }

        if (File.Exists(path))
        {
            return ReadFile(path);
        }

        return [new RejectedInput(path, "no such file or directory")];
    }

    /// <summary>The reason a directory's file of no kind Chorus reads is skipped.</summary>
    public const string UnknownKind = "file of unknown kind";

    private IEnumerable<InputItem> ReadDirectory(string directory)
    {
        List<string> files;
        try
        {
            files = FilesUnder(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new RejectedInput(directory, $"cannot list directory: {e.Message}")];
        }

        // A file of a kind Chorus does not read is passed over by name, so the counts say it was seen.
        return files.Any(IsSupported)
            ? files.SelectMany(f => IsSupported(f) ? ReadFile(f) : [new SkippedInput(f, UnknownKind)])
            : [new RejectedInput(directory, NoArticleFiles(files))];
    }

    /// <summary>
    /// Why a path gives no input at all: it does not exist, or it is a directory without a file of a kind Chorus reads
    /// (and what it holds instead). Null when it has something to read; standard input always may.
    /// </summary>
    public static string? NothingToRead(string path)
    {
        if (path == "-" || File.Exists(path))
        {
            return null;
        }

        if (!Directory.Exists(path))
        {
            return "no such file or directory";
        }

        try
        {
            var files = FilesUnder(directory: path);
            return files.Any(IsSupported) ? null : NoArticleFiles(files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot list directory: {e.Message}";
        }
    }

    /// <summary>The files a directory holds, recursively and in a stable order, without hidden ones (".DS_Store").</summary>
    public static List<string> FilesUnder(string directory) =>
        Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false })
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Whether a directory's file is one Chorus reads, by its name.</summary>
    public static bool IsSupported(string file) => KindFromName(file) is not null || ArchiveReader.IsArchive(file);

    private static string NoArticleFiles(List<string> files)
    {
        if (files.Count == 0)
        {
            return "no article files: the directory is empty";
        }

        var kinds = files.Select(f => Path.GetExtension(f) is { Length: > 0 } e ? e.ToLowerInvariant() : "no extension").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(5);
        var count = files.Count == 1 ? "1 file" : $"{files.Count} files";
        return $"no article files: {count} of unknown kind skipped ({string.Join(", ", kinds)}); Chorus reads .html, .htm, .txt, .json, .jsonl, .xml, .rss, .atom, .warc and .arc files, each optionally .gz";
    }

    private IEnumerable<InputItem> ReadFile(string path)
    {
        var kind = KindFromName(path);
        if (ArchiveReader.IsArchive(path) || (kind is null && ArchiveReader.LooksLikeArchive(path)))
        {
            return new ArchiveReader(limits).Read(path, () => File.OpenRead(path));
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (kind == InputKind.Json && length > limits.MaxJsonBytes)
            {
                return [new RejectedInput(path, $"JSON file is {Bytes.Describe(length)}, above the limit of {Bytes.Describe(limits.MaxJsonBytes)} for a JSON document (use JSONL, one article per line, for larger sets)")];
            }

            if (length > limits.MaxPageBytes && kind is not (InputKind.Jsonl or InputKind.Json))
            {
                return [new RejectedInput(path, $"file is {Bytes.Describe(length)}, above the page limit of {Bytes.Describe(limits.MaxPageBytes)}")];
            }

            if (kind == InputKind.Jsonl && !path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                return ReadJsonl(path, () => File.OpenRead(path));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new RejectedInput(path, $"cannot read file: {e.Message}")];
        }

        return FromBytes(path, IdFromPath(path), bytes, kind);
    }

    private string StdinSource => stdinName ?? "-";

    private IEnumerable<InputItem> ReadStdin()
    {
        // An archive on standard input is streamed like a file: its first bytes are read to recognise it, then
        // handed to the archive reader together with the rest of the stream.
        Stream stdin;
        byte[] head;
        try
        {
            stdin = _openStdin();
            head = new byte[4096];
            head = head[..stdin.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        }
        catch (IOException e)
        {
            return [new RejectedInput(StdinSource, $"cannot read standard input: {e.Message}")];
        }

        if (ArchiveReader.LooksLikeArchive(head))
        {
            return new ArchiveReader(limits).Read(StdinSource, () => new PrefixedStream(head, stdin));
        }

        return ReadWholeStdin(head, stdin);
    }

    private IEnumerable<InputItem> ReadWholeStdin(byte[] head, Stream stdin)
    {
        byte[] bytes;
        try
        {
            using var owned = stdin;
            using var buffer = new MemoryStream();
            buffer.Write(head);
            var chunk = new byte[81920];
            int read;
            while ((read = owned.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limits.MaxStreamBytes)
                {
                    return [new RejectedInput(StdinSource, $"standard input is larger than {Bytes.Describe(limits.MaxStreamBytes)}")];
                }
            }

            bytes = buffer.ToArray();
        }
        catch (IOException e)
        {
            return [new RejectedInput(StdinSource, $"cannot read standard input: {e.Message}")];
        }

        if (bytes.Length == 0 && stdinName is null)
        {
            return [new RejectedInput(StdinSource, "standard input is empty")];
        }

        return stdinName is null ? FromBytes("-", "stdin", bytes, kind: null) : FromBytes(stdinName, IdFromPath(stdinName), bytes, KindFromName(stdinName));
    }

    /// <summary>Reads one input given as bytes (e.g. a record of an archive), its kind taken from the source's extension.</summary>
    internal IEnumerable<InputItem> FromBytes(string source, string id, byte[] bytes) => FromBytes(source, id, bytes, KindFromName(source));

    private IEnumerable<InputItem> FromBytes(string source, string id, byte[] bytes, InputKind? kind)
    {
        if (bytes.Length == 0)
        {
            return [new RejectedInput(source, "empty file")];
        }

        byte[]? pooled = null;
        var length = bytes.Length;
        if (GzipPayload.LooksGzipped(bytes))
        {
            pooled = GzipPayload.TryDecompressPooled(bytes, limits, out length, out var problem);
            if (pooled is null)
            {
                return [new RejectedInput(source, problem!)];
            }

            bytes = pooled;
        }

        string text;
        var diagnostics = new List<Diagnostic>();
        try
        {
            var content = bytes.AsSpan(0, length);
            if (content.IsEmpty)
            {
                return [new RejectedInput(source, "empty file after decompression")];
            }

            if (content.Length > (kind == InputKind.Json ? limits.MaxJsonBytes : limits.MaxPageBytes) && kind != InputKind.Jsonl)
            {
                return [new RejectedInput(source, $"content is {Bytes.Describe(content.Length)}, above the page limit of {Bytes.Describe(limits.MaxPageBytes)}")];
            }

            if (TextDecoder.LooksBinary(content))
            {
                return [new RejectedInput(source, "binary content, not text, HTML or JSONL")];
            }

            text = TextDecoder.Decode(content, source, diagnostics);
        }
        finally
        {
            if (pooled is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(pooled);
            }
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return [new RejectedInput(source, "no text (only whitespace)")];
        }

        if (kind is null && text.TrimStart().StartsWith('<') && FeedReader.LooksLikeFeed(text))
        {
            kind = InputKind.Feed;
        }

        kind ??= Sniff(text);
        if (kind == InputKind.Jsonl)
        {
            return ReadJsonl(source, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));
        }

        if (kind == InputKind.Json)
        {
            return ReadJsonDocument(source, text);
        }

        if (kind == InputKind.Feed)
        {
            return ReadFeed(source, text);
        }

        var media = kind == InputKind.Html ? MediaKind.Html : MediaKind.Text;
        return [new RawDocument(id, source, media, text) { Diagnostics = diagnostics }];
    }

    /// <summary>
    /// How many input items a file holds, when that is cheap to know from its name: one per page, one per JSONL
    /// line, none for a file the reader passes over; null for archives, feeds, JSON documents and gzipped JSONL.
    /// </summary>
    public static int? ItemsIn(string file)
    {
        if (ArchiveReader.IsArchive(file))
        {
            return null;
        }

        return KindFromName(file) switch
        {
            InputKind.Html or InputKind.Text => 1,
            InputKind.Jsonl when !file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) => File.ReadLines(file).Count(l => l.Trim().Length > 0),
            InputKind.Jsonl or InputKind.Json or InputKind.Feed => null,
            _ => 0,
        };
    }

    private static InputKind? KindFromName(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".html" or ".htm" or ".xhtml" => InputKind.Html,
            ".txt" or ".text" => InputKind.Text,
            ".jsonl" or ".ndjson" => InputKind.Jsonl,
            ".json" => InputKind.Json,
            ".rss" or ".atom" or ".xml" => InputKind.Feed,
            _ => null,
        };
    }

    private static InputKind Sniff(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart();
        if (head.StartsWith("{"))
        {
            return InputKind.Jsonl;
        }

        if (head.StartsWith("["))
        {
            return InputKind.Json;
        }

        if (head.StartsWith("<") || head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase))
        {
            return InputKind.Html;
        }

        return InputKind.Text;
    }

    private IEnumerable<InputItem> ReadJsonl(string source, Func<Stream> open)
    {
        StreamReader? reader = null;
        string? openFailure = null;
        try
        {
            reader = new StreamReader(open(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            openFailure = $"cannot read file: {e.Message}";
        }

        if (reader is null)
        {
            yield return new RejectedInput(source, openFailure ?? "cannot read file");
            yield break;
        }

        using (reader)
        {
            var lineNumber = 0;
            var any = false;
            while (true)
            {
                string? line;
                string? failure = null;
                try
                {
                    line = reader.ReadLine();
                }
                catch (IOException e)
                {
                    line = null;
                    failure = $"cannot read line {lineNumber + 1}: {e.Message}";
                }

                if (failure is not null)
                {
                    yield return new RejectedInput(source, failure);
                    yield break;
                }

                if (line is null)
                {
                    break;
                }

                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                any = true;
                yield return line.Length > limits.MaxLineChars
                    ? new RejectedInput($"{source}:{lineNumber}", $"line is longer than {limits.MaxLineChars} characters")
                    : ParseJsonlLine(source, lineNumber, line);
            }

            if (!any)
            {
                yield return new RejectedInput(source, "empty file");
            }
        }
    }

    internal static InputItem ParseJsonlLine(string source, int lineNumber, string line)
    {
        var where = $"{source}:{lineNumber}";
        try
        {
            using var json = JsonDocument.Parse(line);
            return ParseArticle(where, json.RootElement, $"{IdFromPath(source)}-{lineNumber}", "a JSONL line must be a JSON object");
        }
        catch (JsonException e)
        {
            return new RejectedInput(where, JsonProblem.Describe(e, line, lineNumber));
        }
    }

    /// <summary>A .json file: one article object, or an array of them (each named source[i]).</summary>
    private static IEnumerable<InputItem> ReadJsonDocument(string source, string text)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return [new RejectedInput(source, JsonProblem.Describe(e, text))];
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return [ParseArticle(source, root, IdFromPath(source), "")];
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return [new RejectedInput(source, "a JSON file must hold an article object or an array of them")];
            }

            var items = new List<InputItem>(root.GetArrayLength());
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                items.Add(ParseArticle($"{source}[{index}]", element, $"{IdFromPath(source)}-{index + 1}", "an array item must be a JSON object"));
                index++;
            }

            return items.Count == 0 ? [new RejectedInput(source, "the JSON array is empty")] : items;
        }
    }

    /// <summary>An article object: text (or body or content) and/or title, with optional id, url, site (or domain), author, date and language.</summary>
    private static InputItem ParseArticle(string where, JsonElement root, string fallbackId, string notAnObject)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new RejectedInput(where, notAnObject);
        }

        var text = StringField(root, "text") ?? StringField(root, "body") ?? StringField(root, "content");
        var title = StringField(root, "title");
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(title))
        {
            return new RejectedInput(where, "article has no \"text\" and no \"title\"");
        }

        var id = StringField(root, "id") ?? (root.TryGetProperty("id", out var numeric) && numeric.ValueKind == JsonValueKind.Number ? numeric.GetRawText() : null);
        var published = StringField(root, "published") ?? StringField(root, "date");
        return new ArticleRecord(
            id ?? fallbackId,
            where,
            title,
            text ?? "",
            StringField(root, "url"),
            StringField(root, "site") ?? StringField(root, "domain"),
            StringField(root, "author"),
            published is null ? null : Extraction.DateParser.TryParse(published, out var when) ? when : null,
            StringField(root, "language"));
    }

    /// <summary>A feed's items as article records (source <c>file#item-N</c>); an item with neither title nor body is rejected.</summary>
    private static IEnumerable<InputItem> ReadFeed(string source, string text)
    {
        var items = FeedReader.Parse(text, out var problem);
        if (items is null)
        {
            return [new RejectedInput(source, problem ?? "not a readable feed")];
        }

        if (items.Count == 0)
        {
            return [new SkippedInput(source, "feed without items")];
        }

        return items.Select((item, i) =>
        {
            var where = $"{source}#item-{i + 1}";
            var body = item.BodyHtml is null ? "" : Extraction.HtmlArticleExtractor.FragmentText(item.BodyHtml);
            var title = item.Title is null ? null : Extraction.HtmlArticleExtractor.FragmentText(item.Title).Replace('\n', ' ');
            return string.IsNullOrWhiteSpace(body) && string.IsNullOrWhiteSpace(title)
                ? (InputItem)new RejectedInput(where, "feed item has no title and no text")
                : new ArticleRecord(item.Guid ?? item.Link ?? $"{IdFromPath(source)}-{i + 1}", where, title, body, item.Link, item.Site, item.Author, item.Published, null);
        }).ToList();
    }

    private static string? StringField(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private enum InputKind
    {
        Text,
        Html,
        Jsonl,
        Json,
        Feed,
    }
}
