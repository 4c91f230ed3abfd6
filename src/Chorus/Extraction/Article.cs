namespace Chorus.Extraction;

/// <summary>
/// One article after extraction: metadata and the clean body text. <see cref="Text"/> is the one stored
/// copy; every later span (sentence, mention, citation) points into it.
/// </summary>
public sealed record Article(
    string Id,
    string Source,
    string? Url,
    string? Title,
    string? Site,
    string? Author,
    DateTimeOffset? Published,
    string? Language,
    string Text)
{
    /// <summary>What extraction dropped, guessed or could not read.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The URL the page declares as its canonical one (rel=canonical, og:url), when it differs from <see cref="Url"/>.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>How many lines or blocks of page chrome extraction removed.</summary>
    public int ChromeRemoved { get; init; }

    /// <summary>The number of words in <see cref="Text"/>.</summary>
    public int WordCount => Chorus.Text.Tokenizer.CountWords(Text);
}
