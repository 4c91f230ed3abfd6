using System.Text.RegularExpressions;
using Chorus.Text;

namespace Chorus.Facts.Quotes;

/// <summary>What names a candidate speaker: a person's name, an organisation's, a description ("her rep", "a source"), a title alone ("the pastor"), or a pronoun resolved to a person named before it.</summary>
public enum SpeakerForm
{
    Person,
    Organization,
    Description,
    Title,
    Pronoun,
}

/// <summary>
/// One candidate speaker of one quote. <see cref="Span"/> is where the candidate is written (the pronoun itself for a
/// pronoun) and <see cref="Speaker"/> the span the quote would name as its speaker (the person a pronoun points back to).
/// </summary>
public sealed record SpeakerCandidate(TextSpan Span, TextSpan Speaker, SpeakerForm Form, float[] Features)
{
    /// <summary>Whether the attribution patterns chose this candidate (its "rule" feature).</summary>
    public bool IsPatternsChoice => Features[SpeakerCandidates.RuleFeature] > 0;
}

/// <summary>
/// The candidate speakers around a quote and what a reader would weigh in choosing one: where each stands (before or
/// after, how far, across sentences, paragraphs and other quotes), whether a verb of saying joins it to the quote ('X
/// said', 'said X', 'according to X', 'X said:' at a paragraph's end), what kind of name it is, and whether the
/// attribution patterns (<see cref="QuoteExtractor.ExtractByRules"/>) chose it. The ranker (<see cref="SpeakerRanker"/>)
/// scores these rows.
/// </summary>
public static partial class SpeakerCandidates
{
    /// <summary>How far before a quote a candidate may stand, and how far after it.</summary>
    private const int Before = 500;
    private const int After = 250;

    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "rule", "rule-none", "before", "distance", "sentences-between", "paragraphs-between", "verb-after", "verb-before",
        "according-to", "person", "organization", "description", "title", "pronoun", "possessive", "quotes-between",
        "mentions", "previous-speaker", "quote-opens-paragraph", "colon-before-paragraph", "nearest-rank", "first-in-sentence",
        "quote-words", "sentence-has-verb", "sentence-has-quote", "same-sentence", "colon-between", "quote-ends-sentence",
        "verb-between", "same-paragraph", "words-after", "nearest-with-verb", "candidates", "nearest-overall",
    ];

    // Where some features stand in a candidate's row (they are written in the order of the names above).
    internal static readonly int RuleFeature = Index("rule");
    private static readonly int s_verbAfter = Index("verb-after");
    private static readonly int s_verbBefore = Index("verb-before");
    private static readonly int s_accordingTo = Index("according-to");
    private static readonly int s_nearestWithVerb = Index("nearest-with-verb");
    private static readonly int s_candidateCount = Index("candidates");

    /// <summary>Every quote's candidates, in the order of <paramref name="quotes"/>.</summary>
    public static List<List<SpeakerCandidate>> Of(AnalyzedArticle article, IReadOnlyList<QuoteMention> quotes)
    {
        var text = article.Text;
        var people = QuoteExtractor.People(article);
        var inQuote = new bool[text.Length + 1];
        foreach (var quote in quotes)
        {
            Array.Fill(inQuote, true, quote.Span.Start, quote.Span.Length);
        }

        var named = people.Select(p => (p.Span, Form: SpeakerForm.Person))
            .Concat(article.Mentions.Where(m => m.Kind == EntityKind.Organization).Select(m => (m.Span, Form: SpeakerForm.Organization)))
            .Concat(Described().Matches(text).Select(m => (Span: new TextSpan(m.Index, m.Index + m.Length), Form: SpeakerForm.Description)))
            .Concat(TitleAlone().Matches(text).Select(m => (Span: new TextSpan(m.Index, m.Index + m.Length), Form: SpeakerForm.Title)).Where(c => QuoteExtractor.Unplaced(text, c.Span) is not null))
            .Concat(Pronoun().Matches(text).Select(m => (Span: new TextSpan(m.Index, m.Index + m.Length), Form: SpeakerForm.Pronoun)))
            .Where(c => !inQuote[c.Span.Start] && !inQuote[Math.Max(c.Span.Start, c.Span.End - 1)])
            .OrderBy(c => c.Span.Start)
            .ToList();
        var starts = named.Select(c => c.Span.Start).ToArray();

        // The first name (not a pronoun) of each sentence: the one most likely its subject.
        var firstOfSentence = new Dictionary<int, int>();
        foreach (var (span, form) in named.Where(c => c.Form != SpeakerForm.Pronoun))
        {
            firstOfSentence.TryAdd(article.SentenceAt(span.Start), span.Start);
        }

        var mentionCounts = people.GroupBy(p => LastWord(p.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var result = new List<List<SpeakerCandidate>>(quotes.Count);
        for (var qi = 0; qi < quotes.Count; qi++)
        {
            var quote = quotes[qi];
            var open = OpeningMark(text, quote.Span.Start);
            var close = ClosingMark(text, quote.Span.End);
            var paragraphStart = open == 0 ? 0 : text.LastIndexOf('\n', open - 1) + 1;
            var previous = qi > 0 ? quotes[qi - 1] : null;
            var previousSpeaker = previous?.Speaker is { } ps ? LastWord(ps.Of(text)) : null;
            var opensParagraph = text.AsSpan(paragraphStart, open - paragraphStart).IsWhiteSpace();
            var colonBefore = opensParagraph && text.AsSpan(0, paragraphStart).TrimEnd().EndsWith(":");
            var quoteSentence = article.SentenceAt(quote.Span.Start);
            var closeSentence = article.SentenceAt(Math.Max(quote.Span.Start, quote.Span.End - 1));
            var words = Tokenizer.CountWords(quote.Span.Of(text));
            var endsSentence = quote.Span.Length > 0 && text[quote.Span.End - 1] is '.' or '!' or '?';

            var candidates = new List<SpeakerCandidate>();
            var rankBefore = 0;
            var (first, last) = (LowerBound(starts, open - Before - 200), LowerBound(starts, close + After + 1));
            var window = named.Skip(first).Take(last - first)
                .Where(c => (c.Span.End <= open && open - c.Span.End <= Before) || (c.Span.Start >= close && c.Span.Start - close <= After))
                .ToList();

            // A phrase ('called the plan "reckless"') speaks only through someone in its own sentence.
            if (QuoteExtractor.IsPhrase(text, quote.Span))
            {
                window.RemoveAll(c => article.SentenceAt(c.Span.Start) is var s && s != quoteSentence && s != closeSentence);
            }

            // The patterns' choice is always a candidate, even a name the recogniser did not take for one ('Ilves said').
            if (quote.Speaker is { } patterns && !window.Any(c => c.Span.Overlaps(patterns)) && (patterns.End <= open || patterns.Start >= close))
            {
                window.Add((patterns, char.IsUpper(text[patterns.Start]) && !patterns.Of(text).StartsWith("The ", StringComparison.Ordinal) ? SpeakerForm.Person : SpeakerForm.Description));
            }

            foreach (var (span, form) in window.OrderBy(c => c.Span.End <= open ? open - c.Span.End : c.Span.Start - close))
            {
                var before = span.End <= open;
                var speaker = span;
                if (form == SpeakerForm.Pronoun)
                {
                    if (QuoteExtractor.Resolve(text, people, span, open) is not { } resolved)
                    {
                        continue;
                    }

                    speaker = resolved;
                }

                var (from, to) = before ? (span.End, open) : (close, span.Start);
                var between = text.AsSpan(from, to - from);
                var sentence = article.SentenceAt(span.Start);
                var sentenceText = sentence >= 0 ? article.Sentences[sentence].Span.Of(text) : "";
                var firstInSentence = sentence >= 0 && firstOfSentence.GetValueOrDefault(sentence, int.MaxValue) >= span.Start;
                // Where the patterns chose this candidate, their span names it: they bound a description more carefully.
                var rule = quote.Speaker is { } chosen && (chosen.Overlaps(speaker) || chosen.Overlaps(span));
                speaker = rule ? quote.Speaker!.Value : speaker;
                var name = form is SpeakerForm.Person or SpeakerForm.Pronoun ? LastWord(speaker.Of(text)) : null;
                candidates.Add(new SpeakerCandidate(span, speaker, form,
                [
                    rule ? 1 : 0,
                    quote.Speaker is null ? 1 : 0,
                    before ? 1 : 0,
                    Math.Min(10, (to - from) / 100f),
                    sentence >= 0 && quoteSentence >= 0 ? Math.Min(10, Math.Abs((before ? quoteSentence : closeSentence) - sentence)) : 10,
                    Math.Min(10, between.Count('\n')),
                    VerbAfter().IsMatch(text.AsSpan(span.End, Math.Min(80, text.Length - span.End))) ? 1 : 0,
                    VerbBefore().IsMatch(text.AsSpan(Math.Max(0, span.Start - 40), Math.Min(40, span.Start))) ? 1 : 0,
                    AccordingTo().IsMatch(text.AsSpan(Math.Max(0, span.Start - 20), Math.Min(20, span.Start))) ? 1 : 0,
                    form == SpeakerForm.Person ? 1 : 0,
                    form == SpeakerForm.Organization ? 1 : 0,
                    form == SpeakerForm.Description ? 1 : 0,
                    form == SpeakerForm.Title ? 1 : 0,
                    form == SpeakerForm.Pronoun ? 1 : 0,
                    QuoteExtractor.IsPossessive(text, span) ? 1 : 0,
                    Math.Min(5, quotes.Count(q => q != quote && q.Span.Start >= from && q.Span.End <= to)),
                    name is not null ? Math.Min(10, mentionCounts.GetValueOrDefault(name)) : 0,
                    name is not null && name == previousSpeaker ? 1 : 0,
                    opensParagraph ? 1 : 0,
                    colonBefore ? 1 : 0,
                    before ? rankBefore++ : 0,
                    firstInSentence ? 1 : 0,
                    Math.Min(60, words),
                    SpeechVerb().IsMatch(sentenceText) ? 1 : 0,
                    sentenceText.AsSpan().ContainsAny("\"“”`") ? 1 : 0,
                    sentence >= 0 && (sentence == quoteSentence || sentence == closeSentence) ? 1 : 0,
                    before && between.TrimEnd().EndsWith(":") ? 1 : 0,
                    endsSentence ? 1 : 0,
                    SpeechVerb().IsMatch(between) ? 1 : 0,
                    between.Contains('\n') ? 0 : 1,
                    WordsToSentenceEnd(text, span.End),
                    0,
                    0,
                    candidates.Count,
                ]));
            }

            // How a candidate stands among the others: the nearest one joined to a verb of saying, and how many there are.
            var withVerb = candidates.FindIndex(c => c.Features[s_verbAfter] + c.Features[s_verbBefore] + c.Features[s_accordingTo] > 0);
            foreach (var c in candidates)
            {
                c.Features[s_nearestWithVerb] = withVerb >= 0 && ReferenceEquals(candidates[withVerb], c) ? 1 : 0;
                c.Features[s_candidateCount] = candidates.Count;
            }

            result.Add(candidates);
        }

        return result;
    }

    /// <summary>
    /// How many words follow a position before its sentence ends, or 20 for more or for another quote: an attribution
    /// after a quote closes soon ('Tamm said Monday.'), a sentence of its own goes on ('Tamm warned of "losses" ahead.').
    /// </summary>
    private static float WordsToSentenceEnd(string text, int from)
    {
        var rest = text.AsSpan(from, Math.Min(200, text.Length - from));
        var stop = rest.IndexOfAny(".!?\n");
        var clause = stop < 0 ? rest : rest[..stop];
        return clause.ContainsAny("\"“”`") ? 20 : Math.Min(20, Tokenizer.CountWords(clause.ToString()));
    }

    private static int Index(string feature) => FeatureNames.ToList().IndexOf(feature) is var i and >= 0 ? i : throw new InvalidOperationException($"No speaker feature is called '{feature}'.");

    /// <summary>The index of the first value at least <paramref name="value"/> in a sorted array.</summary>
    private static int LowerBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }

        return index;
    }

    private static string LastWord(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words ? words[^1].TrimEnd('\'', '’', 's') : "";

    /// <summary>The quotation mark before a quote's words (the words' start when there is none).</summary>
    private static int OpeningMark(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i >= 0 && text[i] is '"' or '“' or '”' or '`' ? (i > 0 && text[i - 1] == '`' ? i - 1 : i) : start;
    }

    /// <summary>The position just after a quote's closing mark (the words' end when there is none).</summary>
    private static int ClosingMark(string text, int end)
    {
        var i = end;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ','))
        {
            i++;
        }

        return i < text.Length && text[i] is '"' or '“' or '”' or '\'' ? (i + 1 < text.Length && text[i + 1] == '\'' ? i + 2 : i + 1) : end;
    }

    [GeneratedRegex(QuoteExtractor.Described)]
    private static partial Regex Described();

    [GeneratedRegex(@"\b" + QuoteExtractor.TitleAlone + @"\b")]
    private static partial Regex TitleAlone();

    [GeneratedRegex(@"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")]
    private static partial Regex Pronoun();

    // 'X said', 'X, the mayor of Narva, said', 'X later told', 'X was quoted as saying'.
    [GeneratedRegex(@"^['’]?s?(?:\s*,[^,.;:""“”]{1,60},)?\s+(?:(?:had|has|have|also|later|then|again|once|was|were|is|\p{Ll}+ly)\s+)?(?:" + QuoteExtractor.Verbs + @"|quoted)\b")]
    private static partial Regex VerbAfter();

    // 'said X', 'said fisheries inspector X', 'told X' is not one (X is told).
    [GeneratedRegex(@"\b(?:said|says|added|adds|wrote|writes|continued|explained|asked|replied|recalled|stated|noted|insisted)(?:\s+the)?(?:\s+\p{Ll}[\p{L}\-]*){0,2}\s+$")]
    private static partial Regex VerbBefore();

    [GeneratedRegex(@"\b[Aa]ccording to\s+$")]
    private static partial Regex AccordingTo();

    [GeneratedRegex(@"\b(?:" + QuoteExtractor.Verbs + @"|saying|quoted)\b")]
    private static partial Regex SpeechVerb();
}
