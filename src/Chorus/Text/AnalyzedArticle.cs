using Chorus.Extraction;
using Chorus.Similarity;

namespace Chorus.Text;

/// <summary>One sentence: its span, position, and stemmed content terms.</summary>
public sealed record Sentence(TextSpan Span, int Index, int Paragraph, string[] Terms);

/// <summary>
/// An article with everything the later stages read: sentences, entity mentions, date, duration and
/// quantity mentions (all spans into <see cref="Article.Text"/>), its term counts and a MinHash signature.
/// </summary>
public sealed record AnalyzedArticle(
    Article Article,
    IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<EntityMention> Mentions,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<DurationMention> Durations,
    IReadOnlyList<QuantityMention> Quantities,
    IReadOnlyDictionary<string, int> TermCounts,
    IReadOnlyDictionary<string, int> TitleTermCounts,
    MinHashSignature Signature)
{
    public string Id => Article.Id;

    public string Text => Article.Text;

    /// <summary>The index of the sentence that holds a text position, or -1.</summary>
    public int SentenceAt(int position)
    {
        var low = 0;
        var high = Sentences.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var span = Sentences[mid].Span;
            if (position < span.Start)
            {
                high = mid - 1;
            }
            else if (position >= span.End)
            {
                low = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}

/// <summary>Runs the per-article text stages. Pure: the same article always gives the same analysis.</summary>
public static class TextAnalyzer
{
    public static AnalyzedArticle Analyze(Article article)
    {
        var text = article.Text;
        var spans = SentenceSplitter.Split(text);
        var sentences = new List<Sentence>(spans.Count);
        var paragraph = 0;
        var termCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < spans.Count; i++)
        {
            if (i > 0 && text.AsSpan(spans[i - 1].End, spans[i].Start - spans[i - 1].End).Contains('\n'))
            {
                paragraph++;
            }

            var terms = Terms(text, spans[i].Start, spans[i].End);
            foreach (var term in terms)
            {
                termCounts[term] = termCounts.GetValueOrDefault(term) + 1;
            }

            sentences.Add(new Sentence(spans[i], i, paragraph, terms));
        }

        var titleCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (article.Title is { } title)
        {
            foreach (var term in Terms(title, 0, title.Length))
            {
                titleCounts[term] = titleCounts.GetValueOrDefault(term) + 1;
            }
        }

        var mentions = EntityRecognizer.Recognize(text, spans);
        var dates = new List<DateMention>();
        var durations = new List<DurationMention>();
        var quantities = new List<QuantityMention>();
        foreach (var span in spans)
        {
            var sentenceDates = Recognizers.Dates(text, span.Start, span.End);
            dates.AddRange(sentenceDates);
            var sentenceDurations = Recognizers.Durations(text, span.Start, span.End);
            durations.AddRange(sentenceDurations);
            var taken = sentenceDurations.Select(d => d.Span).Concat(sentenceDates.Select(d => d.Span)).ToList();
            quantities.AddRange(Recognizers.Quantities(text, span.Start, span.End, taken));
        }

        return new AnalyzedArticle(article, sentences, mentions, dates, durations, quantities, termCounts, titleCounts, MinHashSignature.Of(text));
    }

    /// <summary>Stemmed, lower-case content words of a range (no stop words, no single letters), and numbers as "#1200".</summary>
    public static string[] Terms(string text, int start, int end) => Terms(text, Tokenizer.Tokenize(text, start, end));

    /// <summary>The terms of a range already split into tokens.</summary>
    public static string[] Terms(string text, List<Token> tokens)
    {
        var terms = new List<string>(tokens.Count);
        Span<char> stack = stackalloc char[64];
        var termOf = t_termOf ??= new Dictionary<string, string?>(StringComparer.Ordinal);
        var seen = termOf.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Number)
            {
                terms.Add("#" + text.Substring(token.Start, token.Length).Replace(",", "", StringComparison.Ordinal));
                continue;
            }

            if (token.Kind != TokenKind.Word || token.Length < 2)
            {
                continue;
            }

            // A word seen before on this thread is one lookup by its own characters: its term, or none for a stop word.
            var raw = text.AsSpan(token.Start, token.Length);
            if (seen.TryGetValue(raw, out var known))
            {
                if (known is not null)
                {
                    terms.Add(known);
                }

                continue;
            }

            var term = TermOf(raw, stack);
            if (termOf.Count >= 200_000)
            {
                termOf.Clear(); // a bound for streams of garbled names
            }

            seen[raw] = term;
            if (term is not null)
            {
                terms.Add(term);
            }
        }

        return [.. terms];
    }

    [ThreadStatic]
    private static Dictionary<string, string?>? t_termOf;

    /// <summary>The term of one word (lower case, possessive dropped, stemmed), or null for a stop word or a single letter.</summary>
    private static string? TermOf(ReadOnlySpan<char> raw, Span<char> stack)
    {
        // Lower-cased in a stack buffer: stop words and cached stems are looked up by span.
        var buffer = raw.Length <= stack.Length ? stack : new char[raw.Length];
        var length = 0;
        foreach (var c in raw)
        {
            buffer[length++] = c == '’' ? '\'' : char.ToLowerInvariant(c);
        }

        if (length >= 2 && buffer[length - 2] == '\'' && buffer[length - 1] == 's')
        {
            length -= 2;
        }

        var word = buffer[..length];
        return length < 2 || Stopwords.Contains(word) ? null : PorterStemmer.Stem(word);
    }
}
