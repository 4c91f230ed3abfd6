namespace Chorus.Text;

/// <summary>The kind of a named entity.</summary>
public enum EntityKind
{
    Person,
    Organization,
    Place,
    Event,
    Unknown,
}

/// <summary>
/// One mention of a named entity: the span of the name in the text, its kind, and for people the title
/// written with it ("Deputy Fisheries Minister", "a spokesman for ...") with that title's own span.
/// </summary>
public sealed record EntityMention(TextSpan Span, string Name, EntityKind Kind, int Sentence)
{
    public string? Title { get; init; }

    public TextSpan? TitleSpan { get; init; }

    /// <summary>For places, the gazetteer's canonical name (e.g. "Estonia" for "Estonian").</summary>
    public string? Canonical { get; init; }

    /// <summary>A person named only by a title ("the minister"), resolved to whoever holds it in the story.</summary>
    public bool ByTitle { get; init; }
}

/// <summary>
/// Finds names from capitalisation, titles and honorifics, keywords of organisations, venues and events,
/// the gazetteer, and given names. Sentence-initial words count only when they are not ordinary words.
/// </summary>
public static class EntityRecognizer
{
    private static readonly HashSet<string> s_titleHeads = Set(
        "minister president premier chancellor secretary chair chairman chairwoman chairperson director spokesman spokeswoman " +
        "spokesperson speaker ambassador envoy mayor governor senator commissioner negotiator chief head leader king queen prince " +
        "princess general colonel captain commander admiral judge justice prosecutor professor librarian editor executive ceo " +
        "manager officer coach sheriff bishop archbishop pope cardinal rabbi imam deputy representative congressman congresswoman " +
        "lawmaker mp councillor councilor counsellor adviser advisor founder owner correspondent analyst economist scientist " +
        "secretary-general inspector superintendent detective constable sergeant lieutenant marshal ombudsman treasurer attorney " +
        "solicitor emir sultan patriarch rector");

    private static readonly HashSet<string> s_honorifics = Set("mr mrs ms miss dr prof sir dame lord lady");

    private static readonly HashSet<string> s_titleModifiers = Set(
        "deputy vice acting former assistant junior senior interim associate chief prime foreign interior defence defense finance " +
        "general executive managing");

    private static readonly HashSet<string> s_orgWords = Set(
        "council union association ministry agency commission committee company group bank party service university institute " +
        "authority board federation corporation inc ltd plc llc fund organisation organization league court parliament government " +
        "police army navy press news post gazette daily times radio television tv herald tribune journal observer ledger weekly " +
        "society foundation trust department office bureau network airlines airline railways club team school college hospital " +
        "church alliance coalition movement front treasury exchange reit reits services capital partners holdings securities " +
        "investments advisors advisers advisory management insurance systems technologies solutions consulting industries " +
        "enterprises ventures laboratories labs studios healthcare pharmaceuticals motors reserve index indices markets corp " +
        "institution administration legislature duma watch nations program programme cross senate oil petroleum energy steel " +
        "electric airways media communications telecom software computer computers microsystems economics macroeconomics " +
        "research review outlook mortgage co-operation cooperation relations affairs funds realty properties brands foods stores " +
        "resorts logistics bancorp equities");

    /// <summary>Firms whose names read like a person's ("Morgan Stanley"): a team-assembled list of large banks and companies.</summary>
    private static readonly HashSet<string> s_firms = Set(
        "morgan_stanley goldman_sachs wells_fargo credit_suisse merrill_lynch lehman_brothers charles_schwab raymond_james edward_jones " +
        "william_blair becton_dickinson dow_jones smith_barney dean_witter bear_stearns piper_sandler cantor_fitzgerald baker_hughes " +
        "sherwin_williams estee_lauder ralph_lauren harley_davidson rolls_royce marks_spencer jones_lang kraft_heinz johnson_controls " +
        "thomson_reuters warner_bros lockheed_martin northrop_grumman pratt_whitney ernst_young price_waterhouse paine_webber " +
        "allen_overy clifford_chance freddie_mac fannie_mae");

    private static readonly HashSet<string> s_venueWords = Set(
        "pavilion hall guildhall palace hotel centre center square terminal street avenue road airport stadium arena castle house " +
        "building harbour harbor port station bridge cathedral museum theatre theater park tower quay pier plaza abbey world");

    private static readonly HashSet<string> s_eventWords = Set(
        "summit conference forum games olympics festival congress talks expo cup championship championships marathon fair " +
        "recession depression war series bowl year act accord accords treaty memorandum protocol covenant doctrine");

    private static readonly HashSet<string> s_geoHeads = Set("gulf sea bay lake river strait cape mount isle islands republic kingdom province state city port");

    /// <summary>Words that close the name of a piece of land or water.</summary>
    private static readonly HashSet<string> s_landforms = Set(
        "river strip hill hills valley island islands peninsula mountains coast desert canal plateau gulf bay lake strait sea ocean territory region " +
        "zone oblast krai district county");

    /// <summary>Words that open the name of a storm, an event ("Hurricane Ilves").</summary>
    private static readonly HashSet<string> s_stormWords = Set("hurricane typhoon cyclone storm tropical");

    private static readonly HashSet<string> s_calendar = Set(
        "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september " +
        "october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow");

    private static readonly HashSet<string> s_joiners = Set("of de van von der den da di du la le al bin ibn");

    /// <summary>Particles inside a person's name, written small: "Greta von der Aa", "Karim bin Nadir", "Ana da Costa".</summary>
    private static readonly HashSet<string> s_nameParticles = Set("de van von der den da di du la le dos das del della ter bin ibn");

    /// <summary>Particles that only people's names have.</summary>
    private static readonly HashSet<string> s_personParticles = new(StringComparer.Ordinal) { "bin", "ibn", "van", "von", "dos", "das", "ter" };

    /// <summary>Endings that make a capitalised word an adjective, not a name: "Tallinn-based", "Narva-born", "state-run".</summary>
    private static readonly string[] s_adjectiveEndings = ["-based", "-born", "-led", "-backed", "-owned", "-funded", "-style", "-made", "-bound", "-controlled", "-linked", "-run", "-registered", "-flagged"];

    /// <summary>Prefixes of a hyphenated title: "Vice-President", "Co-Chair", "Ex-Minister".</summary>
    private static readonly HashSet<string> s_titlePrefixes = Set("vice co deputy acting ex under assistant");

    /// <summary>Verbs that stand before a title but are no part of it ("including union president", "convinced commissioner").</summary>
    private static readonly HashSet<string> s_beforeTitles = Set("including included called named dubbed nicknamed convinced believed known said says told like unlike");

    private static readonly HashSet<string> s_orgCues = Set("group company firm organisation organization party agency newspaper broadcaster union charity");

    /// <summary>Whether a word heads a person's title ("minister", "spokesman").</summary>
    public static bool IsTitleHead(ReadOnlySpan<char> word) => s_titleHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public static List<EntityMention> Recognize(string text, IReadOnlyList<TextSpan> sentences) =>
        Recognize(text, sentences.Select(s => Tokenizer.Tokenize(text, s.Start, s.End)).ToList());

    /// <summary>The mentions of sentences already split into tokens (one token list per sentence, in order).</summary>
    public static List<EntityMention> Recognize(string text, IReadOnlyList<List<Token>> sentenceTokens)
    {
        var mentions = new List<EntityMention>();
        for (var s = 0; s < sentenceTokens.Count; s++)
        {
            RecognizeSentence(text, sentenceTokens[s], s, mentions);
        }

        return mentions;
    }

    private static void RecognizeSentence(string text, List<Token> tokens, int sentence, List<EntityMention> mentions)
    {
        var firstWord = tokens.FindIndex(t => t.Kind != TokenKind.Punctuation);
        var i = 0;
        while (i < tokens.Count)
        {
            // An ordinary word opening the sentence is no name, unless it opens a title ("Prime Minister Liisa Tamm").
            if (!IsCapitalised(text, tokens[i]) || (i == firstWord && IsOrdinaryWord(text, tokens[i]) && !OpensTitle(text, tokens, i)) || IsCalendar(text, tokens[i]))
            {
                i++;
                continue;
            }

            var run = new List<int> { i };
            var j = i + 1;
            while (j < tokens.Count && !IsPossessive(text, tokens[run[^1]]))
            {
                // "Liisa Tamm's ministry", "Valenko's Fisheries Council": a possessive ends the name it closes.
                if (IsCapitalised(text, tokens[j]) && !IsCalendar(text, tokens[j]))
                {
                    run.Add(j);
                    j++;
                }
                else if (tokens[j].Kind == TokenKind.Punctuation && text[tokens[j].Start] is '\'' or '’' && j + 1 < tokens.Count && IsCapitalised(text, tokens[j + 1]) && tokens[j].Start == tokens[j - 1].End)
                {
                    j++; // Fishers' Union
                }
                else if (IsMiddleInitial(text, tokens, run, j))
                {
                    j++; // the full stop of "Sergei K. Valenko"
                }
                else if (tokens[j].Kind == TokenKind.Word && In(s_joiners, text, tokens[j]) && j + 1 < tokens.Count && IsCapitalised(text, tokens[j + 1]) && JoinsOf(text, tokens[run[^1]]))
                {
                    run.Add(j);
                    j++;
                }
                else if (ParticlesBeforeSurname(text, tokens, run, j) is > 0 and var particles)
                {
                    run.AddRange(Enumerable.Range(j, particles));
                    j += particles;
                }
                else
                {
                    break;
                }
            }

            // "Hong Kong-based", "New York-born": the run opens an adjective made from a name. "Harbour pilot ...",
            // "Port spokesman ...": a venue's word alone, capitalised only because it opens the sentence, names no place.
            var opensAdjective = j < tokens.Count && tokens[j].Kind == TokenKind.Word && char.IsUpper(text[tokens[j].Start]) && IsAdjective(text.AsSpan(tokens[j].Start, tokens[j].Length));
            var venueWordOpening = run is [var only] && only == firstWord && In(s_venueWords, text, tokens[only]);
            if (!opensAdjective && !venueWordOpening)
            {
                Classify(text, tokens, run, sentence, mentions);
            }

            i = j;
        }
    }

    /// <summary>
    /// How many name particles ("von der") stand at <paramref name="j"/> between a name's first part and a capitalised
    /// surname; 0 when there are none, or when the name so far is a title, a body or a place ("Council of").
    /// </summary>
    private static int ParticlesBeforeSurname(string text, List<Token> tokens, List<int> run, int j)
    {
        var k = j;
        while (k < tokens.Count && k - j < 3 && tokens[k].Kind == TokenKind.Word && In(s_nameParticles, text, tokens[k]))
        {
            k++;
        }

        return k > j && k < tokens.Count && IsCapitalised(text, tokens[k]) && !JoinsOf(text, tokens[run[^1]]) ? k - j : 0;
    }

    /// <summary>A word that closes the name of a place or a body ("Territory", "Province", "Council"), so a title's "of ..." runs up to it.</summary>
    private static bool IsNameOfPlaceOrBodyEnd(string word)
    {
        var lower = word.ToLowerInvariant();
        return s_landforms.Contains(lower) || s_geoHeads.Contains(lower) || s_orgWords.Contains(lower);
    }

    /// <summary>The full stop after a middle initial, inside a name: "Sergei K. Valenko" (not "U.S. Navy", whose first word is no name).</summary>
    private static bool IsMiddleInitial(string text, List<Token> tokens, List<int> run, int j)
    {
        var initial = tokens[run[^1]];
        return run.Count >= 2 && initial.Length == 1 && char.IsUpper(text[initial.Start]) && tokens[run[^2]].Length > 1
            && tokens[j].Kind == TokenKind.Punctuation && text[tokens[j].Start] == '.' && tokens[j].Start == initial.End
            && j + 1 < tokens.Count && IsCapitalised(text, tokens[j + 1]) && tokens[j + 1].Length > 1;
    }

    private static bool IsPossessive(string text, Token token) =>
        token.Length > 2 && text[token.End - 1] is 's' && text[token.End - 2] is '\'' or '’';

    private static void Classify(string text, List<Token> tokens, List<int> run, int sentence, List<EntityMention> mentions)
    {
        var words = run.Select(r => text[tokens[r].Span.Range]).ToList();
        if (IsPossessive(text, tokens[run[^1]]))
        {
            words[^1] = words[^1][..^2];
        }

        // A leading demonym ("Estonian Deputy ...") is a place mention of its own.
        if (words.Count > 1 && Gazetteer.Shared.FindDemonym(words[0]) is { } country && Gazetteer.Shared.Find(string.Join(' ', words)) is null)
        {
            mentions.Add(new EntityMention(tokens[run[0]].Span, words[0], EntityKind.Place, sentence) { Canonical = country.Name });
            run = run[1..];
            words = words[1..];
        }

        var start = tokens[run[0]].Start;
        var end = tokens[run[^1]].End - (IsPossessive(text, tokens[run[^1]]) ? 2 : 0);
        var whole = text[start..end];

        if (Gazetteer.Shared.Find(whole) is { } place)
        {
            mentions.Add(new EntityMention(new TextSpan(start, end), whole, EntityKind.Place, sentence) { Canonical = place.Name });
            return;
        }

        if (words.Count == 1 && Gazetteer.Shared.FindDemonym(whole) is { } nation)
        {
            mentions.Add(new EntityMention(new TextSpan(start, end), whole, EntityKind.Place, sentence) { Canonical = nation.Name });
            return;
        }

        // Title inside the run: "Deputy Fisheries Minister Liisa Tamm" -> title + name.
        var lastTitle = -1;
        for (var k = 0; k < words.Count - 1; k++)
        {
            var w = words[k].TrimEnd('.').ToLowerInvariant();
            w = w.EndsWith("-designate", StringComparison.Ordinal) ? w[..^"-designate".Length] : w.EndsWith("-elect", StringComparison.Ordinal) ? w[..^"-elect".Length] : w;
            if (w.IndexOf('-') is > 0 and var hyphen && s_titlePrefixes.Contains(w[..hyphen]))
            {
                w = w[(hyphen + 1)..];
            }

            if (s_titleHeads.Contains(w) || s_honorifics.Contains(w))
            {
                lastTitle = k;
            }
        }

        // "Secretary of State Nobutaka Machimura", "Minister of Finance Anna Berg": the title takes its "of ...".
        while (lastTitle >= 0 && lastTitle + 3 < words.Count && words[lastTitle + 1] is "of" or "for")
        {
            lastTitle += 2;
            // "Governor of Saare County Kaarel Kask": a place's or a body's last word stays in the title.
            while (lastTitle + 3 <= words.Count && IsNameOfPlaceOrBodyEnd(words[lastTitle + 1]))
            {
                lastTitle++;
            }
        }

        if (lastTitle >= 0 && LooksLikeName(words.Skip(lastTitle + 1).ToList()))
        {
            var nameStart = tokens[run[lastTitle + 1]].Start;
            var titleStart = start;
            var title = text[titleStart..tokens[run[lastTitle]].End];
            var isHonorific = lastTitle == 0 && s_honorifics.Contains(words[0].TrimEnd('.').ToLowerInvariant());
            mentions.Add(new EntityMention(new TextSpan(nameStart, end), text[nameStart..end], EntityKind.Person, sentence)
            {
                Title = isHonorific ? null : title,
                TitleSpan = isHonorific ? null : new TextSpan(titleStart, tokens[run[lastTitle]].End),
            });
            return;
        }

        var kind = KindOf(text, tokens, run, words);
        var span = new TextSpan(start, end);
        if (kind == EntityKind.Place && run[^1] + 1 < tokens.Count && In(s_venueWords, text, tokens[run[^1] + 1]))
        {
            span = new TextSpan(start, tokens[run[^1] + 1].End); // "West Harbour terminal"
        }
        else if (kind == EntityKind.Unknown && run[^1] + 1 < tokens.Count && In(s_venueWords, text, tokens[run[^1] + 1]) && words.Count <= 3)
        {
            kind = EntityKind.Place;
            span = new TextSpan(start, tokens[run[^1] + 1].End);
        }

        var mention = new EntityMention(span, span.Of(text), kind, sentence);
        if (kind == EntityKind.Person)
        {
            mention = WithTitle(text, tokens, run, mention);
        }

        mentions.Add(mention);
    }

    private static EntityKind KindOf(string text, List<Token> tokens, List<int> run, List<string> words)
    {
        var last = words[^1]; // the sets compare case-insensitively
        if (s_venueWords.Contains(last))
        {
            return EntityKind.Place;
        }

        if (s_eventWords.Contains(last) || (words.Count >= 2 && s_stormWords.Contains(words[0])))
        {
            return EntityKind.Event;
        }

        if (words.Any(w => s_orgWords.Contains(w.Trim('\'', '’'))))
        {
            return EntityKind.Organization;
        }

        if (run[0] > 0 && In(s_orgCues, text, tokens[run[0] - 1]))
        {
            return EntityKind.Organization;
        }

        if (words.Count == 1 && words[0].Length is >= 2 and <= 6 && words[0].All(c => char.IsUpper(c) || char.IsDigit(c)))
        {
            return EntityKind.Organization; // an acronym such as BWS
        }

        // A faith or its branch names a community or a group ("Roman Catholics", "Sunni Muslims"), even after a given name.
        if (words.Count >= 2 && words.Any(s_faiths.Contains))
        {
            return EntityKind.Organization;
        }

        // "Baltic Realty (BRX)": a ticker after the name marks a listed company, and some firms read like people.
        if (IsFollowedByTicker(text, tokens, run[^1]) || s_firms.Contains(string.Join('_', words)))
        {
            return EntityKind.Organization;
        }

        // A line of its own in title case with a word the text also writes small is a heading ("Looking Ahead"); a
        // byline ("Kaarel Kask") is not.
        if (words.Count >= 2 && IsWholeLine(text, tokens[run[0]].Start, tokens[run[^1]].End) && !GivenNames.Contains(words[0]) && words.Any(w => IsOrdinary(text, w)))
        {
            return EntityKind.Unknown;
        }

        // "Saare Strip", "Narva River", "Kivi Hill"; but "Maria Hill" is a person.
        if (words.Count >= 2 && s_landforms.Contains(last) && !GivenNames.Contains(words[0]))
        {
            return EntityKind.Place;
        }

        // "Greta von der Aa", "P.K. de Smet": particles written small join the parts of a person's name. It is a
        // person's when it opens with a given name or initials, speaks, or has a particle only names have ("bin",
        // "von"); otherwise it may be a title or a body ("Correio de Narva").
        if (words.Count is >= 3 and <= 5 && words.Any(w => s_nameParticles.Contains(w) && char.IsLower(w[0])) && LooksLikeName(words))
        {
            return GivenNames.Contains(words[0]) || words[0].EndsWith('.') || IsSpeechVerbAfter(text, tokens, run[^1]) || words.Any(s_personParticles.Contains)
                ? EntityKind.Person
                : EntityKind.Unknown;
        }

        if (words.Count is >= 2 and <= 4 && LooksLikeName(words)
            && (GivenNames.Contains(words[0]) || IsSpeechVerbAfter(text, tokens, run[^1]) || (words.Count == 2 && PairReadsAsName(text, tokens, words))
                || (words.Count == 3 && words[1].Length == 1 && NameShaped(words[0]) && NameShaped(words[2]))))
        {
            return EntityKind.Person;
        }

        return words.Count == 1 ? EntityKind.Unknown : EntityKind.Organization;
    }

    private static bool IsFollowedByTicker(string text, List<Token> tokens, int last) =>
        last + 3 < tokens.Count && text[tokens[last + 1].Start] == '(' && text[tokens[last + 3].Start] == ')'
        && tokens[last + 2].Kind == TokenKind.Word && tokens[last + 2].Length <= 5 && !text.AsSpan(tokens[last + 2].Start, tokens[last + 2].Length).ContainsAnyExceptInRange('A', 'Z');

    /// <summary>Whether only blanks (and a closing colon or full stop) stand between the span and its line's ends.</summary>
    private static bool IsWholeLine(string text, int start, int end)
    {
        var before = text.AsSpan(0, start).TrimEnd(" \t");
        var after = text.AsSpan(end).TrimStart(" \t:.");
        return (before.IsEmpty || before[^1] == '\n') && (after.IsEmpty || after[0] is '\n' or '\r');
    }

    /// <summary>Adds a title written before the name in lower case ("council chair Sergei Valenko") or after it (", a spokesman for ...").</summary>
    private static EntityMention WithTitle(string text, List<Token> tokens, List<int> run, EntityMention mention)
    {
        var k = run[0] - 1;
        // "chief of staff Kaarel Kask": a title that ends in "of" and a word before the name.
        var head = k >= 2 && tokens[k].Kind == TokenKind.Word && Lower(text, tokens[k - 1]) == "of" && In(s_titleHeads, text, tokens[k - 2]) ? k - 2 : k;
        if (k >= 0 && tokens[head].Kind == TokenKind.Word && In(s_titleHeads, text, tokens[head]))
        {
            var first = head;
            var taken = 0;
            while (first - 1 >= 0 && taken < 3 && tokens[first - 1].Kind == TokenKind.Word)
            {
                var word = text[tokens[first - 1].Span.Range];
                var lower = word.ToLowerInvariant();
                if (Stopwords.Contains(lower) || Gazetteer.Shared.FindDemonym(word) is not null || Gazetteer.Shared.Find(word) is not null || lower is "by" or "with"
                    || s_beforeTitles.Contains(lower))
                {
                    break;
                }

                first--;
                taken++;
            }

            var span = new TextSpan(tokens[first].Start, tokens[k].End);
            return mention with { Title = span.Of(text), TitleSpan = span };
        }

        // Appositive: "Anders Kivi, a spokesman for the ..." / "Anders Kivi, speaker of the ..."
        var after = run[^1] + 1;
        if (after < tokens.Count && text[tokens[after].Start] == ',')
        {
            var t = after + 1;
            if (t < tokens.Count && Lower(text, tokens[t]) is "a" or "an" or "the")
            {
                t++;
            }

            var begin = t;
            for (var n = 0; n < 4 && t < tokens.Count && tokens[t].Kind == TokenKind.Word; n++, t++)
            {
                if (In(s_titleHeads, text, tokens[t]))
                {
                    // "chief of staff", "minister of finance": the head takes one "of" and the word after it.
                    var last = t + 2 < tokens.Count && Lower(text, tokens[t + 1]) == "of" && tokens[t + 2].Kind == TokenKind.Word
                        && !Stopwords.Contains(Lower(text, tokens[t + 2])) ? t + 2 : t;
                    var span = new TextSpan(tokens[begin].Start, tokens[last].End);
                    return mention with { Title = span.Of(text), TitleSpan = span };
                }

                if (Stopwords.Contains(Lower(text, tokens[t])))
                {
                    break;
                }
            }
        }

        return mention;
    }

    private static bool IsSpeechVerbAfter(string text, List<Token> tokens, int index)
    {
        var next = index + 1;
        if (next < tokens.Count && text[tokens[next].Start] == ',')
        {
            return false;
        }

        return next < tokens.Count && Lower(text, tokens[next]) is "said" or "says" or "told" or "added" or "stated" or "asked" or "wrote";
    }

    private static bool LooksLikeName(List<string> words)
    {
        // "of" joins the parts of a name but never opens one ("Minister of Defense" holds no person "of Defense"); a
        // verb's particle or an abbreviation never closes one ("Cashing In", "Moving On", "Maria St").
        if (words.Count is < 1 or > 4 || words[0].Equals("of", StringComparison.OrdinalIgnoreCase)
            || (words.Count > 1 && words[^1] is "In" or "On" or "Up" or "Out" or "Off" or "Down" or "Over" or "Into" or "St" or "Mt" or "Ft"))
        {
            return false;
        }

        // After a given name, a place's name is a surname ("Marta Riga", "Kaarel Jordan").
        var given = words.Count > 1 && GivenNames.Contains(words[0]);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var lower = word.ToLowerInvariant();
            if (s_orgWords.Contains(lower) || s_venueWords.Contains(lower) || s_eventWords.Contains(lower) || s_titleHeads.Contains(lower)
                || (Gazetteer.Shared.Find(word) is not null && !(given && i > 0)))
            {
                return false;
            }

            // "Year-Over-Year Catches": a function word inside a hyphenated word is no part of a name.
            if (word.Contains('-') && word.Split('-').Skip(1).Any(part => part.Length >= 3 && Stopwords.Contains(part.ToLowerInvariant())))
            {
                return false;
            }

            if (!s_joiners.Contains(lower) && !s_nameParticles.Contains(lower) && !((char.IsUpper(word[0]) || HasArticle(word)) && word.All(c => char.IsLetter(c) || c is '-' or '\'' or '’' or '.')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool JoinsOf(string text, Token previous) =>
        In(s_orgWords, text, previous) || In(s_titleHeads, text, previous) || In(s_geoHeads, text, previous) || In(s_venueWords, text, previous) || In(s_eventWords, text, previous);

    /// <summary>
    /// A word that starts with a capital (or the Arabic article before one). A word glued to the number before it is
    /// part of that figure, not a name: the "T09" of a timestamp, the "M" of "15M"; nor is an adjective made from a
    /// name ("Tallinn-based").
    /// </summary>
    private static bool IsCapitalised(string text, Token token) =>
        token.Kind == TokenKind.Word && (char.IsUpper(text[token.Start]) || HasArticle(text.AsSpan(token.Start, token.Length)))
        && !(token.Start > 0 && char.IsDigit(text[token.Start - 1])) && !IsAdjective(text.AsSpan(token.Start, token.Length));

    private static bool IsAdjective(ReadOnlySpan<char> word)
    {
        foreach (var ending in s_adjectiveEndings)
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"al-Nadir", "el-Masri": the Arabic article is written small before a capitalised name.</summary>
    public static bool HasArticle(ReadOnlySpan<char> word) =>
        word.Length > 4 && word[0] is 'a' or 'e' && word[1] == 'l' && word[2] == '-' && char.IsUpper(word[3]);

    private static bool IsCalendar(string text, Token token) => In(s_calendar, text, token);

    /// <summary>
    /// Whether two capitalised words with no other sign of a person name one. They do not when both are ordinary
    /// words that the text also writes in lower case ("Price Index", "Catch Limits"), when one has no name's shape
    /// ("BWS P", "North American"), when the first is a compass word, an institution's adjective or a function word
    /// ("Far East", "Federal Reserve", "If Valenko"), or when they stand in a title-case heading.
    /// </summary>
    private static bool PairReadsAsName(string text, List<Token> tokens, List<string> words) =>
        words.All(NameShaped) && !s_compass.Contains(words[0]) && !s_openers.Contains(words[0]) && !s_institutional.Contains(words[0])
        && !words.All(w => IsOrdinary(text, w) || IsCommon(w)) && !IsTitleCase(text, tokens);

    /// <summary>A common English word ("Market", "Free-Trade"): every part of a hyphenated one is.</summary>
    private static bool IsCommon(string word) => word.Split('-', StringSplitOptions.RemoveEmptyEntries).All(CommonWords.Contains);

    /// <summary>A word shaped like part of a name: not a demonym ("North American", "More Estonians"), an acronym or a lone letter ("BWS P").</summary>
    private static bool NameShaped(string word) =>
        word.Length >= 2 && !word.All(c => char.IsUpper(c) || !char.IsLetter(c)) && !IsCompoundAdjective(word)
        && Gazetteer.Shared.FindDemonym(word) is null && !(word.EndsWith('s') && Gazetteer.Shared.FindDemonym(word[..^1]) is not null);

    /// <summary>"New York-based", "Russian-made", "Party-led": a compound adjective is no part of a name.</summary>
    private static bool IsCompoundAdjective(string word)
    {
        var dash = word.LastIndexOf('-');
        return dash > 0 && word[(dash + 1)..].ToLowerInvariant() is "based" or "made" or "built" or "led" or "owned" or "backed" or "run" or "controlled" or "funded"
            or "friendly" or "style" or "era" or "day" or "linked" or "aligned" or "allied" or "appointed" or "sponsored" or "oriented";
    }

    /// <summary>
    /// Function words that open a sentence before a name ("If Valenko", "The Gazette", "But Tamm") and are part of no
    /// name; unlike "He" or "An", which are ("He Lanfen", "Tep An"). Sentence splits after quotes are not always
    /// found, so this holds anywhere in a sentence.
    /// </summary>
    private static readonly HashSet<string> s_openers = Set(
        "the a if but and or although though because is was were are let now unlike when while as at in on for with by to " +
        "whenever wherever however several many some few most all both two three four five six seven eight nine ten about " +
        "from that this these those there then so not no nor yet after before since until unless whether what which who why how");

    /// <summary>Adjectives that open the name of an institution or a body, not of a person ("Federal Reserve", "National Guard").</summary>
    private static readonly HashSet<string> s_institutional = Set(
        "federal national royal supreme constitutional imperial municipal regional provincial metropolitan international " +
        "european global public civil social democratic republican liberal conservative socialist communist special");

    /// <summary>Faiths and their branches ("Roman Catholic", "Sunni Muslim"): a community or a group, not a person.</summary>
    private static readonly HashSet<string> s_faiths = Set(
        "catholic catholics catholicism protestant orthodox sunni shiite shia islamic muslim muslims jewish christians hindu buddhist evangelical");

    /// <summary>Words that open the name of a region, not of a person ("Far East", "South Harbour"; but "Kaia West").</summary>
    private static readonly HashSet<string> s_compass = Set("north south east west northern southern eastern western central far middle northeast northwest southeast southwest");

    /// <summary>
    /// A heading in title case ("Quota Fears Out, Harbour Fees In", "About Supply Chains"), where capitals mark no
    /// names: no sentence ending, and three in four of its words capitalised (a list of names in a sentence ends
    /// with a full stop), or a short one capitalised throughout.
    /// </summary>
    private static bool IsTitleCase(string text, List<Token> tokens)
    {
        if (tokens.Count == 0 || text[tokens[^1].End - 1] is '.' or '!' or '?' or '"' or '”' or '\'' or '’')
        {
            return false;
        }

        int words = 0, capitalised = 0, stops = 0;
        foreach (var token in tokens)
        {
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            if (Stopwords.Contains(Lower(text, token)))
            {
                stops++;
                continue;
            }

            words++;
            capitalised += char.IsUpper(text[token.Start]) ? 1 : 0;
        }

        // A short heading is capitalised throughout and has a small word too ("About Supply Chains"); a name alone
        // on its line ("Kaarel Kask") has none.
        return (words >= 4 && capitalised * 4 >= words * 3) || (words >= 2 && capitalised == words && stops >= 1);
    }

    /// <summary>
    /// A sentence-initial word that is an ordinary word: a stop word, a discourse word ("Indeed, ..."), or one the
    /// article also writes in lower case.
    /// </summary>
    /// <summary>"Prime Minister Liisa Tamm", "Deputy Prime Minister ...": the word is a title's head or the next one is.</summary>
    private static bool OpensTitle(string text, List<Token> tokens, int i) =>
        i + 1 < tokens.Count && IsCapitalised(text, tokens[i + 1])
        && (In(s_titleHeads, text, tokens[i]) || In(s_titleHeads, text, tokens[i + 1]))
        && !In(s_discourse, text, tokens[i]) && !Stopwords.Contains(text.AsSpan(tokens[i].Start, tokens[i].Length).ToString().ToLowerInvariant());

    private static bool IsOrdinaryWord(string text, Token token) => In(s_discourse, text, token) || IsOrdinary(text, text[token.Span.Range]);

    private static readonly HashSet<string> s_discourse = Set(
        "indeed however meanwhile moreover nevertheless nonetheless furthermore besides instead otherwise therefore thus hence " +
        "still yet also overall finally first second third lastly later earlier now then today tonight here there yes no " +
        "sadly luckily unfortunately fortunately clearly obviously perhaps maybe surely certainly notably importantly");

    /// <summary>
    /// A stop word, a title word, or a word the text also writes in lower case; a hyphenated word when all its parts
    /// are ("Year-Over-Year").
    /// </summary>
    private static bool IsOrdinary(string text, string written)
    {
        if (written.Contains('-') && written.Split('-', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } parts)
        {
            return parts.All(part => IsOrdinary(text, part));
        }

        var word = written.ToLowerInvariant();
        if (Stopwords.Contains(word) || s_titleHeads.Contains(word) || WrittenInLowerCase(text, word))
        {
            return true;
        }

        return false;
    }

    /// <summary>Whether the text also has the word in lower case as a word of its own (not inside "co-operate").</summary>
    private static bool WrittenInLowerCase(string text, string word) => WordsOf(text).Contains(word);

    [ThreadStatic]
    private static (string Text, HashSet<string> Words)? t_words;

    /// <summary>
    /// Every whole word of a text as written, read once per text (the last text read on this thread is kept): a word
    /// is a run of letters and digits whose ends do not touch a letter, digit, or a hyphen or apostrophe joined to a
    /// letter. Looking each capitalised word up in it keeps recognition linear in the text's length.
    /// </summary>
    private static HashSet<string> WordsOf(string text)
    {
        if (t_words is { } cached && ReferenceEquals(cached.Text, text))
        {
            return cached.Words;
        }

        bool Starts(int at) => at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || (text[at - 1] is '-' or '\'' or '’' && at >= 2 && char.IsLetter(text[at - 2])));
        bool Ends(int end) => end == text.Length || !(char.IsLetterOrDigit(text[end]) || (text[end] is '-' or '\'' or '’' && end + 1 < text.Length && char.IsLetter(text[end + 1])));

        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < text.Length; start++)
        {
            if (!char.IsLetterOrDigit(text[start]) || !Starts(start))
            {
                continue;
            }

            var end = start + 1;
            while (!Ends(end))
            {
                end++;
            }

            words.Add(text[start..end]);
        }

        t_words = (text, words);
        return words;
    }

    private static string Lower(string text, Token token) => text[token.Span.Range].ToLowerInvariant();

    // Case-insensitive, so a token is looked up by its span without a lower-case copy; the words are written in lower case.
    private static HashSet<string> Set(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    private static bool In(HashSet<string> set, string text, Token token) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(token.Start, token.Length));
}
