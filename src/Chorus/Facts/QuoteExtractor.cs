using System.Text.RegularExpressions;
using Chorus.Facts.Quotes;
using Chorus.Text;

namespace Chorus.Facts;

/// <summary>A direct quote in one article: the quoted words' span and the span naming its speaker, if found.</summary>
public sealed record QuoteMention(string ArticleId, TextSpan Span, TextSpan? Speaker);

/// <summary>
/// Finds direct quotes (straight, curly or ``typewriter'' double quotes, within a paragraph) and their speakers from the
/// attribution around them: '"...," X said', '"...," said X', 'X said: "..."', 'according to X', 'Added X,
/// "..."', 'X conceded that "..."', 'X concurred, saying "..."', reported speech ('the agency quoted X as saying', 'X was quoted as saying'), a
/// title alone ('the minister said', left for the story's entities to name), or a pronoun ("he said") resolved to the
/// nearest person named before it. A quote that opens a paragraph takes its attribution from the rest of that
/// paragraph, or from the paragraph before when that one ends in a colon ('X told the council:'), and a quote with none
/// of its own continues the quote just before it when only that quote's attribution stands between them. A quoted
/// phrase ('X called the plan "reckless"') counts only when a person in its own sentence gives it.
/// </summary>
public static partial class QuoteExtractor
{
    /// <summary>
    /// Nouns for a person in a role that is no title ("the official said", "the witness told reporters"): such a
    /// description speaks, where "the agency" or "the council" does not.
    /// </summary>
    private static readonly HashSet<string> s_personRoles = new(
        ("official source witness resident neighbor neighbour lawyer friend relative mother father brother sister son " +
        "daughter wife husband man woman boy girl protester student teacher doctor nurse worker employee victim survivor " +
        "expert fan spokesman spokeswoman spokesperson juror rep publicist aide agent attorney prosecutor officer detective diplomat activist analyst critic").Split(' '),
        StringComparer.Ordinal);

    /// <summary>
    /// The article's quotes and their speakers: the learned ranker's choice among the candidates around each quote where
    /// a ranker model ships (<see cref="SpeakerRanker"/>; none does yet), else the patterns' one.
    /// </summary>
    public static List<QuoteMention> Extract(AnalyzedArticle article) => SpeakerRanker.Shared.Attribute(article, ExtractByRules(article));

    /// <summary>The article's quotes with the speakers the attribution patterns give, the ranker's strongest feature.</summary>
    public static List<QuoteMention> ExtractByRules(AnalyzedArticle article)
    {
        var text = article.Text;
        var quotes = new List<QuoteMention>();
        var people = People(article);
        // A quote may run over paragraphs: a long quote whose later paragraphs open with a quotation mark again, or a
        // text that puts each sentence in a paragraph of its own. The speaker of a quote with no attribution of its own
        // is the one of the quote just before it, when only that quote's attribution stands between them
        // ('"...," Tamm said. "..."'; wire archives put a whole article in one paragraph).
        var paragraphStart = 0;
        var openParagraphStart = 0;
        TextSpan? lastSpeaker = null;
        var lastClose = -1;
        var open = -1;
        var typewriter = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                paragraphStart = i + 1;
                if (open >= 0 && !ContinuesPast(text, i, open, typewriter))
                {
                    open = -1; // an opening mark never closed: not a quote
                }

                continue;
            }

            if (open < 0)
            {
                if (c == '`' && i + 1 < text.Length && text[i + 1] == '`')
                {
                    (open, typewriter, openParagraphStart) = (i, true, paragraphStart); // ``wire archives quote like this''
                    i++;
                }
                else if (IsDoubleMark(c) && Opens(text, i, paragraphStart))
                {
                    (open, typewriter, openParagraphStart) = (i, false, paragraphStart);
                }

                continue;
            }

            if (!typewriter && IsDoubleMark(c) && open < paragraphStart && OpensItsLine(text, i))
            {
                continue; // a long quote's next paragraph opens with a mark of its own
            }

            // Inside a quote, any double mark closes it: copies often turn a closing mark into an opening one.
            if (typewriter ? c == '\'' && i + 1 < text.Length && text[i + 1] == '\'' : IsDoubleMark(c))
            {
                var close = typewriter ? i + 2 : i + 1;
                var inner = new TextSpan(open + (typewriter ? 2 : 1), i);
                var trimmed = Trim(text, inner);
                // A short quote counts when someone is said to have said it: a whole utterance ('"We warned them," she
                // added.') by the attribution around it or the quote before it, a phrase ('Kask called it "a disaster"',
                // 'warned of "serious issues" ahead') only by a speaker in its own sentence. 'The harbour faces
                // "serious losses"' names no one and is no quote, nor is 'a section called "state security,"': the one
                // who speaks a short quote is a person.
                var words = Tokenizer.CountWords(trimmed.Of(text));
                var phrase = IsPhrase(text, trimmed);
                if (words >= 1 && !IsTitle(trimmed.Of(text)))
                {
                    var paragraphEnd = text.IndexOf('\n', i) is var lineBreak and >= 0 ? lineBreak : text.Length;
                    var speaker = Speaker(text, people, open, close, openParagraphStart, paragraphEnd, EndsSentence(trimmed.Of(text)))
                        ?? (phrase ? null : lastClose >= 0 && (IsAttributionOnly(text, lastClose, open) || text.AsSpan(lastClose, open - lastClose).IsWhiteSpace()) ? lastSpeaker : null)
                        ?? (phrase ? null : SayerBefore(text, people, open));
                    if (words >= 4 || (speaker is { } who && IsPerson(article, people, who)))
                    {
                        quotes.Add(new QuoteMention(article.Id, trimmed, speaker));
                        (lastSpeaker, lastClose) = (speaker, close);
                    }
                }

                open = -1;
                i = close - 1;
            }
        }

        return quotes;
    }

    /// <summary>
    /// The people an article names, in text order. A person is named again by the surname; before an Arabic article it
    /// may be the name before it ("Karim Samir al-Nadir" is "Samir" or "al-Nadir").
    /// </summary>
    internal static List<EntityMention> People(AnalyzedArticle article)
    {
        var surnames = article.Mentions.Where(m => m.Kind == EntityKind.Person).SelectMany(m => Surnames(m.Name)).ToHashSet(StringComparer.Ordinal);
        return article.Mentions
            .Where(m => m.Kind == EntityKind.Person || (m.Kind == EntityKind.Unknown && surnames.Contains(m.Name)))
            .OrderBy(m => m.Span.Start)
            .ToList();
    }

    private static TextSpan? Speaker(string text, List<EntityMention> people, int open, int close, int paragraphStart, int paragraphEnd, bool quoteEndsSentence)
    {
        var after = text[close..Math.Min(paragraphEnd, close + 120)];
        // A name with an apposition after a quote that ends its sentence opens the next sentence ('..." But the
        // trader, burned by many rallies, warned that ...'); after a quote that goes on (',"') it attributes it.
        var afterMatch = AfterQuote().Match(after);
        if (afterMatch.Success && !(quoteEndsSentence && afterMatch.Groups["apposition"].Success))
        {
            // "Valenko's office quoted him as saying": the owner is who speaks.
            var group = afterMatch.Groups["owner"].Success ? afterMatch.Groups["owner"] : afterMatch.Groups["name"].Success ? afterMatch.Groups["name"] : afterMatch.Groups["name2"];
            var named = new TextSpan(close + group.Index, close + group.Index + group.Length);

            // After a quote that ends its sentence, a name and a speech verb open a new sentence unless it ends soon:
            // '"We sail at dawn." Tamm said.' is an attribution, '"We sail at dawn." Tamm said the fleet was ready.' is
            // someone else's report. 'He said ...' there goes on about the one just quoted, and stays his.
            if (!quoteEndsSentence || IsPronoun(named.Of(text)) || ClosesSoon(after.AsSpan(afterMatch.Index + afterMatch.Length)))
            {
                return Resolve(text, people, named, open);
            }
        }

        // Reported speech may stand further back: 'the agency quoted Foreign Minister Sergei Valenko as saying that the
        // council ``will ...'.
        var reportedStart = Math.Max(paragraphStart, open - 160);
        var reported = ReportedBefore().Match(text, reportedStart, open - reportedStart);
        if (reported.Success)
        {
            var quoted = reported.Groups["name"];
            return Resolve(text, people, new TextSpan(quoted.Index, quoted.Index + quoted.Length), open);
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

            // A paragraph that ends in a colon introduces the quote that opens the next one ('Tamm told the council on
            // Monday:⏎"...').
            var end = paragraphStart - 1;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > 0 && text[end - 1] == ':')
            {
                var from = Math.Max(text.LastIndexOf('\n', end - 1) + 1, end - 240);
                var introduced = IntroducesQuote().Match(text, from, end - from);
                if (introduced.Success)
                {
                    var group = introduced.Groups["name"];
                    return Resolve(text, people, new TextSpan(group.Index, group.Index + group.Length), open);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A quote that opens its sentence with no attribution of its own, right after a sentence whose subject said
    /// something ('Stefanski said the team had lost its way.⏎"We were not executing."'), goes on in that person's
    /// words. Only the subject of that one sentence counts.
    /// </summary>
    private static TextSpan? SayerBefore(string text, List<EntityMention> people, int open)
    {
        var end = open;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end == 0 || text[end - 1] is not ('.' or '!' or '?'))
        {
            return null;
        }

        var from = Math.Max(0, end - 300);
        var sentences = SentenceSplitter.Split(text, from, end);
        if (sentences.Count == 0 || (sentences[^1].Start == from && from > 0) || sentences[^1].End < end - 1 || sentences[^1].Of(text).AsSpan().ContainsAny("\"“”`"))
        {
            return null;
        }

        var said = SubjectSaid().Match(sentences[^1].Of(text));
        return said.Success
            ? Resolve(text, people, new TextSpan(sentences[^1].Start + said.Groups["name"].Index, sentences[^1].Start + said.Groups["name"].Index + said.Groups["name"].Length), open)
            : null;
    }

    /// <summary>Pronouns resolve to the last person named before the quote; names stay as written.</summary>
    internal static TextSpan? Resolve(string text, List<EntityMention> people, TextSpan speaker, int quoteStart)
    {
        // Someone described ('a source', 'her rep', 'Tamm's rep') speaks as described: the name inside is not who speaks.
        if (IsDescribed(speaker.Of(text)))
        {
            return speaker;
        }

        // A name in the possessive ("Tamm thought Valenko's answer was weak. '...,' she said") is not who speaks.
        // The person is named before both the pronoun and the quote ("He told reporters that Tamm will ``...''" is
        // not Tamm speaking).
        if (IsPronoun(speaker.Of(text)))
        {
            // "she" does not point back to a man's given name, nor "he" to a woman's.
            var before = Math.Min(quoteStart, speaker.Start);
            var other = speaker.Of(text).ToLowerInvariant() switch
            {
                "she" or "her" => "male",
                "he" or "him" => "female",
                _ => null,
            };
            return people.LastOrDefault(p => p.Span.End <= before && !IsPossessive(text, p.Span) && (other is null || GivenNames.GenderOf(p.Name.Split(' ')[0]) != other))?.Span;
        }

        // "said Narva, Estonia, trawler owner Marta Ilves": a capitalised word that names no one may be where the
        // speaker lives or works, with the person named just after it.
        // A title alone ("the Nobel committee", "the minister") holds no name of its own.
        var named = (IsTitleAlone(speaker.Of(text)) ? null : people.FirstOrDefault(p => p.Span.Overlaps(speaker)))
            ?? people.FirstOrDefault(p => p.Span.Start > speaker.End && p.Span.Start - speaker.End <= 40 && !text.AsSpan(speaker.End, p.Span.Start - speaker.End).ContainsAny(".;:\n\"“”`"));
        return named?.Span ?? Unplaced(text, speaker);
    }

    /// <summary>"the minister", "The Estonian minister": "the" and small words, perhaps one capitalised word first.</summary>
    private static bool IsTitleAlone(string written) =>
        written.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } words && words[0] is "the" or "The" && words.Skip(2).All(w => char.IsLower(w[0]));

    private static IEnumerable<string> Surnames(string name)
    {
        var words = name.Split(' ');
        yield return words[^1];
        if (words.Length > 2 && EntityRecognizer.HasArticle(words[^1]))
        {
            yield return words[^2];
        }
    }

    private static bool IsDescribed(string written) => DescribedWhole().IsMatch(written);

    internal static bool IsPronoun(string word) => word.ToLowerInvariant() is "he" or "she" or "they" or "him" or "her" or "them";

    /// <summary>
    /// Whether the speaker of a short quote is a person: someone named, or described by a word for a person ('the fisheries
    /// minister', 'a harbour spokeswoman', 'officials'). 'A statement of what it called "..."' and 'a device the police
    /// called "..."' give words to no one, nor does an organisation's name alone.
    /// </summary>
    private static bool IsPerson(AnalyzedArticle article, List<EntityMention> people, TextSpan speaker)
    {
        if (people.Any(p => p.Span.Overlaps(speaker)))
        {
            return true;
        }

        var written = speaker.Of(article.Text);
        var head = DescriptionHead().Match(written) is { Success: true } m ? m.Groups["head"].Value : null;
        if (head is not null)
        {
            var single = head.EndsWith('s') ? head[..^1] : head;
            return s_personRoles.Contains(head) || s_personRoles.Contains(single) || EntityRecognizer.IsTitleHead(head) || EntityRecognizer.IsTitleHead(single);
        }

        return !article.Mentions.Any(m => (m.Kind is EntityKind.Organization or EntityKind.Place or EntityKind.Event) && m.Span.Overlaps(speaker));
    }

    /// <summary>
    /// Whether quoted words are a phrase, not an utterance: under four words, unless two or three end as a sentence or
    /// a clause does ('"We warned them," she added.'). A phrase speaks only through a speaker in its own sentence.
    /// </summary>
    internal static bool IsPhrase(string text, TextSpan quote)
    {
        var words = Tokenizer.CountWords(quote.Of(text));
        var end = quote.End;
        while (end < text.Length && text[end] == ',')
        {
            end++;
        }

        var utterance = end > quote.Start && (text[end - 1] is ',' or '.' or '!' or '?');
        return !(words >= 4 || (words >= 2 && utterance));
    }

    /// <summary>Whether quoted words end a sentence of their own ('"We sail at dawn."').</summary>
    private static bool EndsSentence(string quoted) => quoted.EndsWith('.');

    /// <summary>
    /// Whether the sentence ends within a few words ('Tamm said Monday.'), as an attribution's does, and quotes nothing
    /// of its own ('Kask warned of "serious losses" ahead.' is a sentence of its own).
    /// </summary>
    private static bool ClosesSoon(ReadOnlySpan<char> rest)
    {
        var stop = rest.IndexOfAny(".;\n");
        var clause = stop < 0 ? rest : rest[..stop];
        return Tokenizer.CountWords(clause.ToString()) <= 5 && !clause.ContainsAny("\"“`");
    }

    /// <summary>A place, a function word or a day does not speak ("the weather service in Miami said ...", "It said ..."): no speaker then.</summary>
    internal static TextSpan? Unplaced(string text, TextSpan speaker)
    {
        var written = speaker.Of(text);
        if (IsTitleAlone(written))
        {
            // "the minister", "the Estonian minister" speak (the story's entities say who holds the title); "the
            // agency" and "the Narva city council" are no person.
            var words = written.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (EntityRecognizer.IsTitleHead(words[^1]) || s_personRoles.Contains(words[^1])) && (char.IsLower(words[1][0]) || Gazetteer.Shared.FindDemonym(words[1]) is not null) ? speaker : null;
        }

        return Gazetteer.Shared.Find(written) is null && Gazetteer.Shared.FindDemonym(written) is null && !Stopwords.Contains(written.ToLowerInvariant())
            && !IsDayOrMonth(written) ? speaker : null;
    }

    /// <summary>"who attended the meeting Monday, said": a day or a month does not speak ("May" may be a surname).</summary>
    private static bool IsDayOrMonth(string word) =>
        (char.IsUpper(word[0]) && Enum.TryParse<DayOfWeek>(word, ignoreCase: false, out _))
        || (word != "May" && word.Length > 3 && Extraction.DateParser.Month(word) > 0);

    internal static bool IsPossessive(string text, TextSpan name) =>
        name.End + 1 < text.Length && text[name.End] is '\'' or '’' && text[name.End + 1] == 's';

    /// <summary>A title in quotation marks ("The Last Cod Of The Baltic"): a few words, each capitalised, and no sentence in it.</summary>
    private static bool IsTitle(string quoted)
    {
        var words = Tokenizer.WordRanges(quoted).Select(r => quoted[r]).ToList();
        return words.Count <= 8 && words.All(w => char.IsUpper(w[0]) || Stopwords.Contains(w)) && quoted.AsSpan().IndexOfAny(".!?") < 0;
    }

    /// <summary>The most a quote may run over paragraphs before its opening mark is taken for a stray one.</summary>
    private const int MaxQuoteLength = 1500;

    private static bool IsDoubleMark(char c) => c is '"' or '“' or '”';

    /// <summary>Whether only white space stands between a line's start and this position.</summary>
    private static bool OpensItsLine(string text, int i)
    {
        var lineStart = i == 0 ? 0 : text.LastIndexOf('\n', i - 1) + 1;
        return text.AsSpan(lineStart, i - lineStart).IsWhiteSpace();
    }

    /// <summary>
    /// Whether a double mark opens a quote: it comes before words (not before a space or a line break), after a space,
    /// an opening bracket or the paragraph's start, and not inside a word ('5"' is inches). Which mark it is does not
    /// decide: copies and scans turn one into the other.
    /// </summary>
    private static bool Opens(string text, int i, int paragraphStart) =>
        i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])
        && (i == paragraphStart || !char.IsLetterOrDigit(text[i - 1]));

    /// <summary>
    /// Whether a quote still open at a paragraph's end goes on into the next paragraphs: its closing mark comes before
    /// any mark that opens a new quote, and within <see cref="MaxQuoteLength"/> of its opening. A mark that starts a
    /// paragraph continues it (a long quote's convention); a mark before words after a space opens a new quote, unless
    /// punctuation stands before that space (',"' turned into ', "').
    /// </summary>
    private static bool ContinuesPast(string text, int lineBreak, int open, bool typewriter)
    {
        var limit = Math.Min(text.Length, open + MaxQuoteLength);
        for (var j = lineBreak + 1; j < limit; j++)
        {
            if (typewriter)
            {
                if (text[j] == '\'' && j + 1 < limit && text[j + 1] == '\'')
                {
                    return true;
                }

                if (text[j] == '`' && j + 1 < limit && text[j + 1] == '`' && text[j - 1] != '\n')
                {
                    return false;
                }

                continue;
            }

            if (!IsDoubleMark(text[j]))
            {
                continue;
            }

            if (OpensItsLine(text, j))
            {
                continue; // the next paragraph of a long quote
            }

            var before = text[j - 1];
            var opening = char.IsWhiteSpace(before) && j + 1 < text.Length && char.IsLetterOrDigit(text[j + 1])
                && !(j >= 2 && text[j - 2] is ',' or '.' or '!' or '?');
            return !opening;
        }

        return false;
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

    /// <summary>
    /// Whether the text between two quotes is no more than the first one's attribution: it opens as one, holds one
    /// sentence at most, and is short ('," said Sergei Valenko, the chair of the council that met in Narva. ').
    /// </summary>
    private static bool IsAttributionOnly(string text, int from, int to) =>
        to - from <= 240 && AfterQuote().IsMatch(text.AsSpan(from, to - from)) && SentenceSplitter.Split(text, from, to).Count <= 1;

    internal const string Verbs = "said|says|told|tells|added|adds|stated|explained|insisted|warned|declared|replied|wrote|writes|continued|argued|noted|admitted|" +
        "remarked|acknowledged|commented|observed|conceded|cautioned|recalled|tweeted|testified|stressed|emphasized|emphasised|concluded|asked|answered|" +
        "announced|confirmed|claimed|responded|shouted|yelled|screamed|cried|exclaimed|chanted|joked|quipped|vowed|pledged|promised|urged|maintained|" +
        "suggested|predicted|complained|recounted|agreed|concurred|whispered|posted|pleaded|boasted|lamented|mused|countered|reiterated";
    // Verbs that give someone's words for a thing: 'Tamm called the plan "reckless"', 'Kask described the catch as "thin"'.
    private const string NamingVerbs = "called|calls|calling|described|describes|describing|dubbed|termed|labelled|labeled|branded";

    private const string Titles = @"(?:(?:Mr|Mrs|Ms|Dr|Prof|Rep|Sen|Gov|Gen|Maj|Lt|Col|Capt|Sgt|Adm|Rev)\.\s+)*";
    private const string Proper = @"(?:(?:al|el)-)?[A-Z][\p{L}'’\-]+(?:\s+(?:van|von|de|al|(?:(?:al|el)-)?[A-Z][\p{L}'’\-]+)){0,3}";
    private const string Name = Titles + "(?:" + Described + "|" + Proper + "|he|she|they|" + TitleAlone + ")";

    // What may stand between a speaker and the verb before a quote: 'had said', 'later told', 'angrily said'. After a
    // quote only 'later' and adverbs in -ly do: '"..." He also said that ...' opens a sentence of its own.
    private const string Aux = @"(?:(?:had|has|have|also|later|then|again|once|\p{Ll}+ly)\s+)?";

    // Someone described, not named: 'a source', 'one man', 'another neighbour', 'her rep', 'Tamm's spokesman', 'a friend
    // of the actress'.
    internal const string Described = @"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|(?:[A-Z][\p{L}\-]+\s+){0,2}[A-Z][\p{L}\-]+['’]s)\s+(?:(?:" + Small + "|" + Modifier + @")\s+){0,3}" + Small
        + @"(?:\s+(?:close\s+to|familiar\s+with|with\s+knowledge\s+of|of|from|at|in|for)(?:\s+(?!(?:and|or|but|who|which|that|what|it|its|he|she|they|" + Verbs + "|" + NamingVerbs + @")\b)[\p{L}'’\-]+){1,4})?";

    // A capitalised word that may describe a speaker without naming one: 'a senior Narva Port official', 'a Tallinn
    // harbour spokeswoman', 'a U.S. diplomat'. The description still ends in a small word.
    private const string Modifier = @"(?!(?:He|She|They|It|We|The|But|And)\b)[A-Z][\p{L}.\-]*";

    // A person named by a title alone: 'the minister', 'the deputy fisheries minister' (only a title's head counts, see Unplaced).
    internal const string TitleAlone = @"[Tt]he\s+(?:[A-Z][a-z]+\s+)?(?:" + Small + @"\s+){0,2}" + Small;

    // A small word that may be part of a title: not a pronoun, a link word or a verb of saying.
    internal const string Small = @"(?!(?:he|she|they|it|we|you|when|while|who|which|that|the|and|but|or|as|after|before|if|then|also|not|was|is|had|has|have|would|will|at|in|on|of|for|to|with|by|from|" + Verbs + @")\b)[a-z][a-z\-]*";

    // The one quoted: 'the agency quoted Valenko as saying', 'quoted him as saying'.
    private const string Quoted = Titles + "(?:" + Proper + "|him|her|them)";

    // The speaker's role in small letters before the name: '," said fisheries inspector Marta Ilves'.
    private const string Role = @"(?:(?!(?:in|on|at|to|that|a|an|of|for|with|by|from|after|before|during|he|she|they|it)\b)\p{Ll}[\p{L}\-]*\s+){1,2}";

    // A capitalised word before a body's noun names the body, not a speaker: '," said the Fisheries committee'.
    private const string NotABody = @"(?!\s+(?:committee|commission|agency|council|ministry|office|court|newspaper|daily|statement|radio|television|officials?)\b)";

    // Who the speaker is, between commas: ', the mayor of Narva,' or ', who chairs the port board,'.
    private const string Apposition = @"(?<apposition>,\s+(?:the|a|an|who|whose|\p{Ll}+)\b[^,.;:`""“”]{1,60},)?";

    // 'quoted Valenko on Monday as saying', 'was quoted by the agency as saying', 'quoted Valenko, the council's chair, as saying'.
    private const string AsSaying = @"(?:,[^,.;:`""“”]{1,60},)?\s+(?:[\p{L}'’\-]+\s+){0,5}?as\s+saying\b";

    // '"...," the council's chief economist Liisa Tamm recently explained' and '"...," said the minister Anna Berg'.
    // Reported speech comes first: '"...," the agency quoted Valenko as saying', '"...," Valenko was quoted as saying'
    // and '"...," Valenko's office quoted him as saying'.
    [GeneratedRegex(@"^[,.]?\s*(?:(?<owner>" + Proper + @")['’]s\s+(?:office|spokesman|spokeswoman|spokesperson|ministry|aides?)\s+quoted\s+(?:him|her)" + AsSaying +
        @"|(?:[\p{L}'’\-]+\s+){0,5}?quoted\s+(?<name>" + Quoted + @")" + AsSaying +
        @"|(?:[\p{L}'’\-]+\s+){0,4}?(?<name>" + Name + @")\s+(?:was|were|is|has\s+been)\s+quoted\b" +
        @"|(?:[\p{L}'’\-]+\s+){0,4}?(?<name>" + Name + @")" + Apposition + @"\s+(?:(?:later|\p{Ll}+ly)\s+)?(?:" + Verbs + @")\b|(?:" + Verbs + @")\s+(?:the\s+\w+\s+|" + Role + @")?(?<name2>(?>" + Name + @"))" + NotABody + ")")]
    private static partial Regex AfterQuote();

    // 'Tamm said: "..."', 'The minister, Tamm, said: "..."', 'Tamm was blunt: "..."', 'according to Tamm, "..."',
    // 'Added Tamm, "..."', and a quote inside the speaker's own
    // sentence: 'Tamm conceded that the deal ``will cost every trawler a season'''.
    [GeneratedRegex(@"(?<name>" + Name + @")" + Apposition + @",?\s+" + Aux + "(?:" + Verbs + @")(?:\s+\w+){0,3}\s*[:,]\s*$|(?<name>" + Name + @")(?:" + Apposition + @"|,)\s+(?:was|were|is|are)\s+(?:\p{Ll}+\s+)?\p{Ll}+\s*:\s*$|according to\s+(?<name>" + Name + @")\s*[:,]\s*$|(?<subject>" + Name + @")" + Apposition + @"\s+" + Aux + "(?:" + Verbs + "|" + NamingVerbs + @")[\s,]+(?:that\s+)?[^.!?;:`""“”]{0,100}$|(?<subject>" + Name + @")" + Apposition + @"\s+\p{Ll}+(?:ed|s)\b[^.!?;:`""“”]{0,80}?\b(?:saying|adding)\b[^.!?;:`""“”]{0,60}$|(?:Said|Added|Asked|Replied)\s+(?<name>" + Name + @")\s*[:,]\s*$")]
    private static partial Regex BeforeQuote();

    // 'the agency quoted Valenko as saying that ``...' and 'Valenko was quoted as saying ``...'.
    [GeneratedRegex(@"(?:quoted\s+(?<name>" + Quoted + @")|(?<name>" + Name + @")\s+(?:was|were|is)\s+quoted)" + AsSaying + @"(?:\s+that)?[^.!?;:`""“”]{0,100}$")]
    private static partial Regex ReportedBefore();

    [GeneratedRegex(@"(?<name>" + Name + @")\s+(?:" + Verbs + @")\b")]
    private static partial Regex AnywhereSaid();

    // 'Tamm told the council on Monday:', 'The agency said in a report last month:' at a paragraph's end, the speaker
    // the first name of its sentence that fits.
    // The one who speaks may be described at length between commas ('X, director of the Narva Port Authority's fisheries
    // office, says:') or be blunt ('X was blunt:').
    [GeneratedRegex(@"^(?:[^.!?;:`""“”]*?\s)?(?<name>" + Name + @")(?:,[^,;:`""“”]{1,120},)?\s+(?:" + Aux + "(?:" + Verbs + @")\b[^.!?;:`""“”]{0,80}|(?:was|were|is|are)\s+\p{Ll}+)\s*:\s*$")]
    private static partial Regex IntroducesQuote();

    // 'Stefanski said ...', 'The coach, Ed Stefanski, said ...': a name as its sentence's subject, then a verb of saying.
    [GeneratedRegex(@"^(?:[A-Z]\w*\s+){0,2}?(?<name>" + Name + @")" + Apposition + @",?\s+" + Aux + "(?:" + Verbs + @")\b")]
    private static partial Regex SubjectSaid();

    // The noun a description ends in, before what it is of: 'a source close to the council' is a source.
    [GeneratedRegex(@"^(?:(?:[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\s+|\S+['’]s\s+)(?:\S+\s+){0,4}?(?<head>\p{Ll}[\p{L}\-]*)(?:\s+(?:close|familiar|with|of|from|at|in|for)\b.*)?$")]
    private static partial Regex DescriptionHead();

    [GeneratedRegex("^" + Described + "$")]
    private static partial Regex DescribedWhole();
}
