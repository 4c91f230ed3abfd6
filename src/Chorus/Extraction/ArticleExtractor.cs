using Chorus.Ingest;

namespace Chorus.Extraction;

/// <summary>The result of extracting one input item: an article, or the reason there is none.</summary>
public sealed record ExtractionResult(Article? Article, Diagnostic? Problem)
{
    /// <summary>Why an input was passed over without being a failure (an archive's request record, a non-HTML response).</summary>
    public string? Skipped { get; init; }

    /// <summary>The input passed over, when <see cref="Skipped"/> is set.</summary>
    public string? Source { get; init; }

    /// <summary>A warning that goes with a skip (data ignored at the end of an archive).</summary>
    public Diagnostic? Warning { get; init; }
}

/// <summary>Turns input items into articles: HTML and text pages are extracted, JSONL records are cleaned.</summary>
public static class ArticleExtractor
{
    public static ExtractionResult Extract(InputItem item) => Extract(item, InputLimits.Default.MaxPageTime);

    /// <summary>Extracts one item, giving it up with its reason when it takes longer than <paramref name="maxTime"/>.</summary>
    public static ExtractionResult Extract(InputItem item, TimeSpan maxTime)
    {
        if (item is RejectedInput rejection)
        {
            return new ExtractionResult(null, rejection.ToDiagnostic());
        }

        if (item is SkippedInput skipped)
        {
            return new ExtractionResult(null, null) { Skipped = skipped.Reason, Source = skipped.Source, Warning = skipped.Warning };
        }

        try
        {
            using var deadline = PageDeadline.Start(maxTime);
            var article = item switch
            {
                RawDocument { Kind: MediaKind.Html } page => WithInputDiagnostics(HtmlArticleExtractor.Extract(page.Id, page.Source, page.Content, page.Url, page.FetchedAt), page),
                RawDocument page => WithInputDiagnostics(TextArticleExtractor.Extract(page.Id, page.Source, page.Content, page.Url), page),
                ArticleRecord record => FromRecord(record),
                _ => null,
            };

            if (article is null || article.Text.Length == 0)
            {
                var wall = article?.Diagnostics.FirstOrDefault(d => d.Message.StartsWith("paywall", StringComparison.Ordinal) || d.Message.StartsWith("consent wall", StringComparison.Ordinal) || d.Message.StartsWith("no body found", StringComparison.Ordinal));
                return new ExtractionResult(null, Diagnostic.Error(item.Source, wall?.Message ?? "no article text found (the page holds only chrome or markup)"));
            }

            return new ExtractionResult(article, null);
        }
        catch (PageTimeoutException e)
        {
            return new ExtractionResult(null, Diagnostic.Error(item.Source, e.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A parser bug must not stop the batch; it becomes this input's rejection.
            return new ExtractionResult(null, Diagnostic.Error(item.Source, $"extraction failed: {e.GetType().Name}: {e.Message}"));
        }
    }

    private static Article WithInputDiagnostics(Article article, RawDocument page) =>
        article with { Diagnostics = [.. page.Diagnostics, .. article.Diagnostics] };

    private static Article FromRecord(ArticleRecord record)
    {
        // A field that carries HTML (a body wrapped in <p>, "&amp;" in a sentence) is read as an HTML fragment.
        record = record with { Title = HtmlFragmentReader.PlainLine(record.Title), Text = HtmlFragmentReader.PlainText(record.Text) };
        if (string.IsNullOrWhiteSpace(record.Text))
        {
            return HeadlineOnly(record, "no body text; the title stands for the text");
        }

        var blocks = record.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var (kept, removed) = ParagraphCleaner.Clean(blocks, record.Title, record.Site);
        var text = string.Join("\n\n", kept);
        var (checkedText, walls) = AccessWallDetector.Check(record.Source, text, blocks, new AccessSignals(false, false, null));
        if (checkedText.Length == 0 && !string.IsNullOrWhiteSpace(record.Title))
        {
            // The body was only a wall or chrome (an exported consent page): keep the article by its headline.
            var why = walls.FirstOrDefault()?.Message ?? "the body held only chrome";
            return HeadlineOnly(record, $"{why}; the title stands for the text");
        }

        return new Article(record.Id, record.Source, record.Url, record.Title, record.Site, record.Author, record.Published, record.Language ?? LanguageGuesser.Guess(checkedText), checkedText)
        {
            ChromeRemoved = removed,
            Diagnostics = [.. walls, .. DroppedLines(record, blocks, checkedText)],
        };
    }

    /// <summary>
    /// A record's text is meant to be the article, so a line of it dropped as chrome is named: how many, and the
    /// first one. Repeats of the title or of a kept line lose nothing and are not counted.
    /// </summary>
    private static IEnumerable<Diagnostic> DroppedLines(ArticleRecord record, string[] blocks, string text)
    {
        var kept = text.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var dropped = blocks.Select(b => b.Trim())
            .Where(b => b.Length > 0 && !kept.Contains(b) && !string.Equals(b, record.Title?.Trim(), StringComparison.Ordinal) && !string.Equals(b, record.Site?.Trim(), StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (dropped.Count == 0)
        {
            yield break;
        }

        var first = dropped[0].Length > 80 ? dropped[0][..77] + "..." : dropped[0];
        var why = ChromeLineClassifier.Classify(dropped[0]) is { } reason ? $" ({reason})" : "";
        var lines = dropped.Count == 1 ? "1 line" : $"{dropped.Count} lines";
        yield return Diagnostic.Warning(record.Source, $"{lines} of the text dropped as page chrome, first \"{first}\"{why}");
    }

    /// <summary>A record with no usable body is still an article: its title stands for the text.</summary>
    private static Article HeadlineOnly(ArticleRecord record, string why)
    {
        var title = record.Title!.Trim();
        return new Article(record.Id, record.Source, record.Url, record.Title, record.Site, record.Author, record.Published, record.Language ?? LanguageGuesser.Guess(title), title)
        {
            Diagnostics = [Diagnostic.Warning(record.Source, why)],
        };
    }
}
