namespace Chorus.Text;

/// <summary>
/// Splits text into sentence spans. Line breaks end sentences; inside a paragraph a sentence ends at
/// . ! ? or … (with closing quotes) before a capital, digit or opening quote, except after titles,
/// initials, month abbreviations and similar, unless a typical sentence opener ("The", "He") follows. Abbreviations
/// that often close a sentence (a.m., Inc., U.S.) end one only before such an opener too.
/// </summary>
public static class SentenceSplitter
{
    // Abbreviations whose full stop ends a sentence only before a typical opener: titles and months (followed by a
    // name or a day otherwise) and those that often close a sentence anyway (a.m., Inc., U.S.).
    private static readonly HashSet<string> s_abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "hon",
        "pres", "supt", "insp", "det", "maj", "brig", "no", "nos", "vs", "approx", "fig", "vol", "p", "pp", "art", "sec", "para", "ch", "ft", "mt", "ave", "blvd",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "cf", "al", "ca",
        "a.m", "p.m", "inc", "ltd", "co", "corp", "jr", "sr", "u.s", "u.k", "u.n", "e.u", "etc", "plc", "llc",
    };

    private static readonly HashSet<string> s_openers = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "His", "Her", "Their", "Its",
        "In", "On", "At", "But", "And", "Yet", "So", "After", "Before", "When", "While", "Officials", "There", "Some", "Many", "No",
    };

    public static List<TextSpan> Split(string text) => Split(text, 0, text.Length);

    /// <summary>The first <paramref name="limit"/> sentences only, without scanning the rest of the text.</summary>
    public static List<TextSpan> Split(string text, int limit) => Split(text, 0, text.Length, limit);

    public static List<TextSpan> Split(string text, int start, int end, int limit = int.MaxValue)
    {
        var sentences = new List<TextSpan>();
        var begin = start;
        var i = start;
        while (i < end && sentences.Count < limit)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(begin, i);
                begin = i + 1;
                i++;
                continue;
            }

            if (c is '.' or '!' or '?' or '…')
            {
                var stop = i + 1;
                while (stop < end && text[stop] is '.' or '!' or '?' or '"' or '\'' or '”' or '’' or ')' or ']' or '»')
                {
                    stop++;
                }

                if (IsBoundary(text, i, stop, end))
                {
                    Add(begin, stop);
                    begin = stop;
                }

                i = stop;
                continue;
            }

            i++;
        }

        if (sentences.Count < limit)
        {
            Add(begin, end);
        }

        return sentences;

        void Add(int from, int to)
        {
            while (from < to && char.IsWhiteSpace(text[from]))
            {
                from++;
            }

            while (to > from && char.IsWhiteSpace(text[to - 1]))
            {
                to--;
            }

            if (to > from)
            {
                sentences.Add(new TextSpan(from, to));
            }
        }
    }

    private static bool IsBoundary(string text, int mark, int stop, int end)
    {
        if (stop >= end || !char.IsWhiteSpace(text[stop]))
        {
            return stop >= end;
        }

        var next = stop;
        while (next < end && text[next] is ' ' or '\t' or '\u00A0')
        {
            next++;
        }

        if (next >= end || text[next] == '\n')
        {
            return true;
        }

        var first = text[next];
        var opensSentence = char.IsUpper(first) || char.IsDigit(first) || first is '"' or '“' or '\'' or '‘' or '(' or '[' or '-' or '–' or '—' or '«';
        if (!opensSentence)
        {
            return false;
        }

        if (text[mark] != '.')
        {
            return true;
        }

        var word = WordBefore(text, mark);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false; // an initial: "John F. Kennedy"
        }

        // A title or a month abbreviation is followed by a name or a day, never by "The" or "He": before such a
        // word, the full stop ends a name that looks like a title ("Arvo Gen."). Abbreviations that often close a
        // sentence end one only before such a word.
        if (s_abbreviations.Contains(word))
        {
            return OpenerAt(text, next, end);
        }

        return true;
    }

    private static bool OpenerAt(string text, int start, int end)
    {
        var wordEnd = start;
        while (wordEnd < end && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        return s_openers.Contains(text[start..wordEnd]);
    }

    private static string WordBefore(string text, int mark)
    {
        var begin = mark;
        while (begin > 0 && (char.IsLetter(text[begin - 1]) || (text[begin - 1] == '.' && begin >= 2 && char.IsLetter(text[begin - 2]))))
        {
            begin--;
        }

        return text[begin..mark];
    }
}
