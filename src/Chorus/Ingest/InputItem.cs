namespace Chorus.Ingest;

/// <summary>What kind of bytes a raw document holds.</summary>
public enum MediaKind
{
    Text,
    Html,
}

/// <summary>One thing read from an input: a document to extract, a ready-made article record, or a rejection.</summary>
public abstract record InputItem(string Source);

/// <summary>Bytes of one page with where they came from. <see cref="Id"/> is the file name without extensions.</summary>
public sealed record RawDocument(
    string Id,
    string Source,
    MediaKind Kind,
    string Content,
    string? Url = null,
    DateTimeOffset? FetchedAt = null) : InputItem(Source)
{
    /// <summary>Warnings found while decoding (e.g. invalid UTF-8 replaced).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}

/// <summary>An article given already structured, e.g. one line of a JSONL export.</summary>
public sealed record ArticleRecord(
    string Id,
    string Source,
    string? Title,
    string Text,
    string? Url,
    string? Site,
    string? Author,
    DateTimeOffset? Published,
    string? Language) : InputItem(Source);

/// <summary>An input that could not be used, with the reason.</summary>
public sealed record RejectedInput(string Source, string Reason, long? Offset = null) : InputItem(Source)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Error(Source, Reason, Offset);
}
