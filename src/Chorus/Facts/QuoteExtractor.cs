using System.Text.RegularExpressions;
using Chorus.Text;

namespace Chorus.Facts;

/// <summary>A direct quote in one article: the quoted words' span and the span naming its speaker, if found.</summary>
public sealed record QuoteMention(string ArticleId, TextSpan Span, TextSpan? Speaker);

/// <summary>
/// Finds direct quotes (straight, curly or ``typewriter'' double quotes, within a paragraph) and their speakers from the
/// attribution around them: '"...," X said', '"...," said X', 'X said: "..."', 'according to X', 'Added X,
/// "..."', 'X conceded that "..."', or a pronoun ("he said") resolved to the nearest person named before it. A
/// quote that opens a paragraph takes its attribution from the rest of that paragraph, and a quote with none of
/// its own continues the quote just before it when only that quote's attribution stands between them.
/// </summary>
public static partial class QuoteExtractor
{
    public static List<QuoteMention> Extract(AnalyzedArticle article)
    {
        var text = article.Text;
        var quotes = new List<QuoteMention>();
        var surnames = article.Mentions.Where(m => m.Kind == EntityKind.Person).Select(m => m.Name.Split(' ')[^1]).ToHashSet(StringComparer.Ordinal);
        var people = article.Mentions
            .Where(m => m.Kind == EntityKind.Person || (m.Kind == EntityKind.Unknown && surnames.Contains(m.Name)))
            .OrderBy(m => m.Span.Start)
            .ToList();
        foreach (var (start, end) in Paragraphs(text))
        {
            // A quote with no attribution of its own right after an attributed one ('"...," Tamm said. "..."') continues
            // it; the attribution between them is short. (Wire archives put a whole article in one paragraph.)
            TextSpan? lastSpeaker = null;
            var lastClose = -1;
            var open = -1;
            var typewriter = false;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (open < 0 && c == '`' && i + 1 < end && text[i + 1] == '`')
                {
                    (open, typewriter) = (i, true); // ``wire archives quote like this''
                    i++;
                }
                else if (open < 0 && (c == '“' || (c == '"' && (i == start || !char.IsLetterOrDigit(text[i - 1])))))
                {
                    (open, typewriter) = (i, false);
                }
                else if (open >= 0 && (typewriter ? c == '\'' && i + 1 < end && text[i + 1] == '\'' : c is '”' or '"'))
                {
                    var close = typewriter ? i + 2 : i + 1;
                    var inner = new TextSpan(open + (typewriter ? 2 : 1), i);
                    var trimmed = Trim(text, inner);
                    if (Tokenizer.CountWords(trimmed.Of(text)) >= 4 && !IsTitle(trimmed.Of(text)))
                    {
                        var speaker = Speaker(text, people, open, close, start, end) ?? (lastClose >= 0 && IsAttributionOnly(text, lastClose, open) ? lastSpeaker : null);
                        quotes.Add(new QuoteMention(article.Id, trimmed, speaker));
                        (lastSpeaker, lastClose) = (speaker, close);
                    }

                    open = -1;
                    i = close - 1;
                }
            }
        }

        return quotes;
    }

    private static TextSpan? Speaker(string text, List<EntityMention> people, int open, int close, int paragraphStart, int paragraphEnd)
    {
        var after = text[close..Math.Min(paragraphEnd, close + 80)];
        var afterMatch = AfterQuote().Match(after);
        if (afterMatch.Success)
        {
            var group = afterMatch.Groups["name"].Success ? afterMatch.Groups["name"] : afterMatch.Groups["name2"];
            return Resolve(text, people, new TextSpan(close + group.Index, close + group.Index + group.Length), open);
        }

        var beforeStart = Math.Max(paragraphStart, open - 80);
        var before = text[beforeStart..open];
        var beforeMatch = BeforeQuote().Match(before);
        if (beforeMatch.Success)
        {
            // The subject of the sentence that holds the quote speaks as named: the person after it is not a
            // better guess ("the agency said Friday that Valenko ``is ...''" is the agency's words).
            var subject = beforeMatch.Groups["subject"].Success;
            var group = subject ? beforeMatch.Groups["subject"] : beforeMatch.Groups["name"];
            var span = new TextSpan(beforeStart + group.Index, beforeStart + group.Index + group.Length);
            return subject && !IsPronoun(span.Of(text)) ? people.FirstOrDefault(p => p.Span.Overlaps(span))?.Span ?? Unplaced(text, span) : Resolve(text, people, span, open);
        }

        // A quote opening the paragraph: the attribution may follow in the paragraph ("..." Then: "X said").
        if (open == paragraphStart)
        {
            var rest = text[close..paragraphEnd];
            var later = AnywhereSaid().Match(rest);
            if (later.Success)
            {
                var group = later.Groups["name"];
                return Resolve(text, people, new TextSpan(close + group.Index, close + group.Index + group.Length), open);
            }
        }

        return null;
    }

    /// <summary>Pronouns resolve to the last person named before the quote; names stay as written.</summary>
    private static TextSpan? Resolve(string text, List<EntityMention> people, TextSpan speaker, int quoteStart)
    {
        // A name in the possessive ("Tamm thought Valenko's answer was weak. '...,' she said") is not who speaks.
        // The person is named before both the pronoun and the quote ("He told reporters that Tamm will ``...''" is
        // not Tamm speaking).
        if (IsPronoun(speaker.Of(text)))
        {
            var before = Math.Min(quoteStart, speaker.Start);
            return people.LastOrDefault(p => p.Span.End <= before && !IsPossessive(text, p.Span))?.Span;
        }

        // "said Narva, Estonia, trawler owner Marta Ilves": a capitalised word that names no one may be where the
        // speaker lives or works, with the person named just after it.
        var named = people.FirstOrDefault(p => p.Span.Overlaps(speaker))
            ?? people.FirstOrDefault(p => p.Span.Start > speaker.End && p.Span.Start - speaker.End <= 40 && !text.AsSpan(speaker.End, p.Span.Start - speaker.End).ContainsAny(".;:\n\"“”"));
        return named?.Span ?? Unplaced(text, speaker);
    }

    private static bool IsPronoun(string word) => word.ToLowerInvariant() is "he" or "she" or "they";

    /// <summary>A place or a function word does not speak ("the weather service in Miami said ...", "It said ..."): no speaker then.</summary>
    private static TextSpan? Unplaced(string text, TextSpan speaker) =>
        Gazetteer.Shared.Find(speaker.Of(text)) is null && !Stopwords.Contains(speaker.Of(text).ToLowerInvariant()) ? speaker : null;

    private static bool IsPossessive(string text, TextSpan name) =>
        name.End + 1 < text.Length && text[name.End] is '\'' or '’' && text[name.End + 1] == 's';

    /// <summary>A title in quotation marks ("The Last Cod Of The Baltic"): a few words, each capitalised, and no sentence in it.</summary>
    private static bool IsTitle(string quoted)
    {
        var words = Tokenizer.WordRanges(quoted).Select(r => quoted[r]).ToList();
        return words.Count <= 8 && words.All(w => char.IsUpper(w[0]) || Stopwords.Contains(w)) && quoted.AsSpan().IndexOfAny(".!?") < 0;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        var start = span.Start;
        var end = span.End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ','))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    private static IEnumerable<(int Start, int End)> Paragraphs(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            yield return (start, end);
            start = end + 1;
        }
    }

    /// <summary>
    /// Whether the text between two quotes is no more than the first one's attribution: it opens as one, holds one
    /// sentence at most, and is short ('," said Sergei Valenko, the chair of the council that met in Narva. ').
    /// </summary>
    private static bool IsAttributionOnly(string text, int from, int to) =>
        to - from <= 240 && AfterQuote().IsMatch(text.AsSpan(from, to - from)) && SentenceSplitter.Split(text, from, to).Count <= 1;

    private const string Verbs = "said|says|told|added|stated|explained|insisted|warned|declared|replied|wrote|continued|argued|noted|admitted|" +
        "remarked|acknowledged|commented|observed|conceded|cautioned|recalled|tweeted|testified|stressed|emphasized|emphasised|concluded|asked|answered";
    private const string Name = @"(?:(?:Mr|Mrs|Ms|Dr|Prof|Rep|Sen|Gov|Gen|Maj|Lt|Col|Capt|Sgt|Adm|Rev)\.\s+)*(?:[A-Z][\p{L}'’\-]+(?:\s+(?:van|von|de|al|[A-Z][\p{L}'’\-]+)){0,3}|he|she|they)";

    // '"...," the council's chief economist Liisa Tamm recently explained' and '"...," said the minister Anna Berg'.
    [GeneratedRegex(@"^[,.]?\s*(?:(?:[\p{L}'’\-]+\s+){0,4}?(?<name>" + Name + @")\s+(?:\p{Ll}+ly\s+)?(?:" + Verbs + @")\b|(?:" + Verbs + @")\s+(?:the\s+\w+\s+)?(?<name2>" + Name + @"))")]
    private static partial Regex AfterQuote();

    // 'Tamm said: "..."', 'according to Tamm, "..."', 'Added Tamm, "..."', and a quote inside the speaker's own
    // sentence: 'Tamm conceded that the deal ``will cost every trawler a season'''.
    [GeneratedRegex(@"(?<name>" + Name + @")\s+(?:" + Verbs + @")(?:\s+\w+){0,3}\s*[:,]\s*$|according to\s+(?<name>" + Name + @")\s*[:,]\s*$|(?<subject>" + Name + @")\s+(?:" + Verbs + @")[\s,]+(?:that\s+)?[^.!?;:`""“”]{0,100}$|(?:Said|Added|Asked|Replied)\s+(?<name>" + Name + @")\s*[:,]\s*$")]
    private static partial Regex BeforeQuote();

    [GeneratedRegex(@"(?<name>" + Name + @")\s+(?:" + Verbs + @")\b")]
    private static partial Regex AnywhereSaid();
}
