namespace Chorus.Text;

/// <summary>What a token is.</summary>
public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

/// <summary>One token: a span into the text and its kind.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public TextSpan Span => new(Start, End);

    public int Length => End - Start;
}

/// <summary>
/// Splits text into words (letters with inner apostrophes, hyphens and periods of abbreviations),
/// numbers (with inner separators: 1,500 / 3.5 / 10:30), punctuation and symbols. Allocation-free over spans.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start = 0, int end = -1)
    {
        var tokens = new List<Token>();
        if (end < 0)
        {
            end = text.Length;
        }

        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            var begin = i;
            if (char.IsLetter(c))
            {
                i = WordEnd(text, i, end);
                tokens.Add(new Token(begin, i, TokenKind.Word));
            }
            else if (char.IsDigit(c))
            {
                i = NumberEnd(text, i, end);
                tokens.Add(new Token(begin, i, TokenKind.Number));
            }
            else
            {
                i++;
                tokens.Add(new Token(begin, i, char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol));
            }
        }

        return tokens;
    }

    /// <summary>Ranges of the word tokens only (letters, or letters and digits mixed), up to a limit.</summary>
    public static IEnumerable<Range> WordRanges(string text, int limit = int.MaxValue)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length && count < limit)
        {
            if (char.IsLetter(text[i]))
            {
                var begin = i;
                i = WordEnd(text, i, text.Length);
                count++;
                yield return begin..i;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Words in the text (runs of letters and digits, with inner apostrophes and hyphens), counting no further than <paramref name="atMost"/>.</summary>
    public static int CountWords(string text, int atMost = int.MaxValue)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var wordChar = char.IsLetterOrDigit(c);
            if (wordChar && !inWord && ++count >= atMost)
            {
                return count;
            }

            inWord = wordChar || (inWord && c is '\'' or '’' or '-');
        }

        return count;
    }

    private static int WordEnd(string text, int i, int end)
    {
        while (i < end)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || c == '\u0301' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                i++;
            }
            else if (c is '\'' or '’' or '-' or '‐' && i + 1 < end && char.IsLetter(text[i + 1]))
            {
                i += 2;
            }
            else if (c == '.' && i + 1 < end && char.IsLetter(text[i + 1]) && i + 2 < end && text[i + 2] == '.')
            {
                i += 2; // U.S. / e.g. style abbreviations stay one token.
            }
            else
            {
                break;
            }
        }

        if (i < end && text[i] == '.' && i >= 2 && text[i - 2] == '.')
        {
            i++; // final period of U.S.
        }

        return i;
    }

    private static int NumberEnd(string text, int i, int end)
    {
        while (i < end)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                i++;
            }
            else if (c is ',' or '.' or ':' && i + 1 < end && char.IsDigit(text[i + 1]))
            {
                i += 2;
            }
            else if (char.IsLetter(c) && i + 1 < end && !char.IsLetter(text[i + 1]) && c is 'h' or 'm' or 'k')
            {
                i++; // 1h45, 5m, 3k
            }
            else if (char.IsLetter(c) && (text.AsSpan(i, Math.Min(2, end - i)) is "st" or "nd" or "rd" or "th") && (i + 2 >= end || !char.IsLetter(text[i + 2])))
            {
                i += 2; // ordinals 4th, 21st
            }
            else
            {
                break;
            }
        }

        return i;
    }
}
