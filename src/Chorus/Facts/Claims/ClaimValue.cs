using System.Globalization;
using System.Text.RegularExpressions;
using Chorus.Text;

namespace Chorus.Facts.Claims;

/// <summary>What kind of value a sentence states; values are compared only with values of their own kind.</summary>
public enum ValueKind
{
    Count,
    Money,
    Percent,
    Day,
    Month,
    Year,
    Duration,
    TimeOfDay,
    Age,
}

/// <summary>
/// A typed value one sentence of an article states: its kind, the range it stands for (<see cref="Low"/> to
/// <see cref="High"/>, once "about" or "more than" is read), the stem of what it counts or measures
/// (<see cref="Unit"/>: "bullet", "magnitud", a currency), and its span in the article's text. Days carry a
/// <see cref="Key"/> instead ("2008-12-09", "weekday:Tuesday").
/// </summary>
public sealed record ClaimValue(string ArticleId, int Sentence, ValueKind Kind, double Low, double High, string Unit, TextSpan Span, string Key = "")
{
    /// <summary>Whether the two values could be the same fact: equal days, or ranges that meet (with 1 % for rounding).</summary>
    public bool CompatibleWith(ClaimValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        if (Kind == ValueKind.Day)
        {
            return DayKeysAgree(Key, other.Key);
        }

        // Large figures are rounded in the telling ("1.2 million" for 1,214,000); years, ages and small counts are not.
        var largest = Math.Max(Math.Abs(High), Math.Abs(other.High));
        var slack = Kind is ValueKind.Count or ValueKind.Money or ValueKind.Duration && largest >= 1000 && !double.IsInfinity(largest) ? 0.01 * largest : 0;
        return Low <= other.High + slack && other.Low <= High + slack;
    }

    private static bool DayKeysAgree(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        // "Tuesday, December 9" carries both keys: "2008-12-09|weekday:Tuesday".
        return a.Split('|').Any(x => b.Split('|').Contains(x));
    }
}

/// <summary>
/// Reads every typed value of an article, sentence by sentence: counts and decimals (in digits or words, "twice"),
/// money, percentages, days (calendar dates, weekdays, relative days resolved against the publication date), months
/// and years named alone, durations, times of day and ages. A value inside another's span is read once, as the wider.
/// </summary>
public static partial class ClaimValueReader
{
    /// <summary>Every value of the article, in text order.</summary>
    public static List<ClaimValue> Read(AnalyzedArticle article) => Read(article, article.Sentences, _ => true);

    /// <summary>The values of one sentence of the article: the same as <see cref="Read(AnalyzedArticle)"/> gives for it.</summary>
    public static List<ClaimValue> Read(AnalyzedArticle article, int sentence)
    {
        var span = article.Sentences[sentence].Span;
        return Read(article, [article.Sentences[sentence]], s => span.Contains(s.Start));
    }

    private static List<ClaimValue> Read(AnalyzedArticle article, IReadOnlyList<Sentence> sentences, Func<TextSpan, bool> inScope)
    {
        var text = article.Text;
        var values = new List<ClaimValue>();
        var published = article.Article.Published;

        // A dateline's date ("TALLINN, March 11 (BWS) -") dates the filing, not a fact: it is no value, nor are its numbers.
        var datelines = article.Dates.Where(d => d.InDateline && inScope(d.Span)).Select(d => d.Span).ToList();
        foreach (var date in article.Dates.Where(d => inScope(d.Span)))
        {
            if (!date.InDateline && DayKey(date, published) is { } key)
            {
                Add(values, article, ValueKind.Day, 0, 0, "", date.Span, key);
            }
        }

        foreach (var duration in article.Durations.Where(d => inScope(d.Span)))
        {
            var (low, high) = Range(duration.Seconds, duration.Qualifier);
            Add(values, article, ValueKind.Duration, low, high, "s", duration.Span);
        }

        foreach (var quantity in article.Quantities.Where(q => inScope(q.Span)))
        {
            var kind = quantity.Kind switch
            {
                QuantityKind.Money => ValueKind.Money,
                QuantityKind.Percent => ValueKind.Percent,
                _ => ValueKind.Count,
            };
            var (low, high) = Range(quantity.Value, quantity.Qualifier);
            Add(values, article, kind, quantity.Low ?? low, high, quantity.Unit, quantity.Span);
        }

        foreach (var sentence in sentences)
        {
            var slice = text[sentence.Span.Range];
            var at = sentence.Span.Start;
            foreach (Match m in AgePattern().Matches(slice))
            {
                var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                AddFree(values, article, ValueKind.Age, n, n, "year", new TextSpan(at + m.Groups["n"].Index, at + m.Groups["n"].Index + m.Groups["n"].Length));
            }

            foreach (Match m in TimePattern().Matches(slice))
            {
                if (MinuteOfDay(m) is { } minute)
                {
                    AddFree(values, article, ValueKind.TimeOfDay, minute, minute, "", new TextSpan(at + m.Index, at + m.Index + m.Length));
                }
            }

            foreach (Match m in MonthPattern().Matches(slice))
            {
                var month = Extraction.DateParser.Month(m.Groups["m"].Value);
                AddFree(values, article, ValueKind.Month, month, month, "", new TextSpan(at + m.Groups["m"].Index, at + m.Groups["m"].Index + m.Groups["m"].Length));
            }

            foreach (Match m in YearPattern().Matches(slice))
            {
                var year = int.Parse(m.Value, CultureInfo.InvariantCulture);
                AddFree(values, article, ValueKind.Year, year, year, "", new TextSpan(at + m.Index, at + m.Index + m.Length));
            }

            foreach (Match m in NumberPattern().Matches(slice))
            {
                var word = m.Groups["n"].Value;
                double n;
                var unit = "";
                if (word.Equals("twice", StringComparison.OrdinalIgnoreCase) || word.Equals("once", StringComparison.OrdinalIgnoreCase) || word.Equals("thrice", StringComparison.OrdinalIgnoreCase))
                {
                    n = char.ToLowerInvariant(word[0]) == 'o' ? 1 : char.ToLowerInvariant(word[1]) == 'w' ? 2 : 3;
                    unit = "time";
                }
                else if (!NumberWords.TryParse(word.Replace(" ", "", StringComparison.Ordinal), out n))
                {
                    continue;
                }

                var start = at + m.Index;
                if (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] is '/' or ':' or '#'
                    || (text[start - 1] == '-' && (start < 2 || !char.IsLower(text[start - 2])))))
                {
                    continue; // "G-20", "COVID-19", "9/11", "10:30"; "magnitude-5" is a value
                }

                if (unit.Length == 0)
                {
                    unit = UnitAround(text, sentence.Span, start, start + m.Length);
                }

                var (low, high) = Range(n, QualifierBefore(text, sentence.Span.Start, start));
                AddFree(values, article, ValueKind.Count, low, high, unit, new TextSpan(start, start + m.Length));
            }
        }

        values.RemoveAll(v => datelines.Any(d => d.Overlaps(v.Span)));
        values.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return values;
    }

    private static void Add(List<ClaimValue> values, AnalyzedArticle article, ValueKind kind, double low, double high, string unit, TextSpan span, string key = "")
    {
        var sentence = article.SentenceAt(span.Start);
        if (sentence >= 0 && !values.Any(v => v.Span.Overlaps(span)))
        {
            values.Add(new ClaimValue(article.Id, sentence, kind, low, high, unit, span, key));
        }
    }

    /// <summary>
    /// A value the patterns here found: kept only where no recognizer's value already covers it, except that a count
    /// read wider here ("1, 500 kilometres" against the recognizer's "500 kilometres") replaces the narrower.
    /// </summary>
    private static void AddFree(List<ClaimValue> values, AnalyzedArticle article, ValueKind kind, double low, double high, string unit, TextSpan span)
    {
        if (kind == ValueKind.Count)
        {
            values.RemoveAll(v => v.Kind == ValueKind.Count && v.Span.Overlaps(span) && span.Start < v.Span.Start);
        }

        Add(values, article, kind, low, high, unit, span);
    }

    /// <summary>The days a date mention names, as keys: the calendar day when known, and the weekday.</summary>
    private static string? DayKey(DateMention date, DateTimeOffset? published)
    {
        var keys = new List<string>();
        if (date.Month is { } month && date.Day is { } day)
        {
            keys.Add(date.Year is { } year ? $"{year:D4}-{month:D2}-{day:D2}" : $"--{month:D2}-{day:D2}");
            if (date.Year is { } y && day <= DateTime.DaysInMonth(y, month))
            {
                keys.Add("weekday:" + new DateOnly(y, month, day).DayOfWeek);
            }
        }
        else if (date.RelativeDays is { } offset && published is { } when)
        {
            var resolved = DateOnly.FromDateTime(when.DateTime).AddDays(offset);
            keys.Add($"{resolved:yyyy-MM-dd}");
            keys.Add("weekday:" + resolved.DayOfWeek);
        }

        if (date.Weekday is { } weekday)
        {
            keys.Add("weekday:" + weekday);
        }

        // A day with no year compares with a dated one by month and day: "--12-09" against "2008-12-09".
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        foreach (var key in distinct.Where(k => k.Length == 10 && char.IsDigit(k[0])).ToList())
        {
            distinct.Add("--" + key[5..]);
        }

        return distinct.Count == 0 ? null : string.Join('|', distinct);
    }

    private static (double Low, double High) Range(double value, Qualifier qualifier) => qualifier switch
    {
        Qualifier.About => (value * 0.9, value * 1.1),
        Qualifier.AtLeast => (value, double.PositiveInfinity),
        Qualifier.AtMost => (0, value),
        Qualifier.Nearly => (value * 0.9, value),
        _ => (value, value),
    };

    private static Qualifier QualifierBefore(string text, int sentenceStart, int at)
    {
        var before = text.AsSpan(Math.Max(sentenceStart, at - 16), at - Math.Max(sentenceStart, at - 16)).TrimEnd().ToString().ToLowerInvariant();
        return before switch
        {
            _ when before.EndsWith("about") || before.EndsWith("around") || before.EndsWith("roughly") || before.EndsWith("approximately") || before.EndsWith("some") => Qualifier.About,
            _ when before.EndsWith("nearly") || before.EndsWith("almost") || before.EndsWith("just under") => Qualifier.Nearly,
            // "no more than" before "more than": the longer phrase decides.
            _ when before.EndsWith("less than") || before.EndsWith("under") || before.EndsWith("up to") || before.EndsWith("fewer than") || before.EndsWith("no more than") => Qualifier.AtMost,
            _ when before.EndsWith("more than") || before.EndsWith("over") || before.EndsWith("at least") || before.EndsWith("upwards of") => Qualifier.AtLeast,
            _ => Qualifier.Exact,
        };
    }

    /// <summary>
    /// What a bare number counts or measures: the next word when it is a lower-case noun ("11 trawlers", "7 nets"),
    /// else the word before it ("magnitude 5.9"), as a stem; "" when neither says.
    /// </summary>
    private static string UnitAround(string text, TextSpan sentence, int start, int end)
    {
        var after = Tokenizer.Tokenize(text, end, Math.Min(sentence.End, end + 30));
        foreach (var token in after.Take(2))
        {
            var word = text.Substring(token.Start, token.Length);
            if (token.Kind == TokenKind.Word && word.Length > 1 && char.IsLower(word[0]))
            {
                if (Stopwords.Contains(word) && word is not ("times" or "people"))
                {
                    break;
                }

                return PorterStemmer.Stem(word.TrimEnd('-'));
            }
        }

        var before = Tokenizer.Tokenize(text, Math.Max(sentence.Start, start - 30), start);
        if (before.Count > 0 && before[^1].Kind == TokenKind.Word)
        {
            var word = text.Substring(before[^1].Start, before[^1].Length).ToLowerInvariant();
            if (!Stopwords.Contains(word))
            {
                return PorterStemmer.Stem(word);
            }
        }

        return "";
    }

    private static int? MinuteOfDay(Match m)
    {
        var word = m.Value.ToLowerInvariant();
        if (word == "midnight")
        {
            return 0;
        }

        if (word == "noon")
        {
            return 720;
        }

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["mi"].Success ? int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour is < 1 or > 12 || minute > 59)
        {
            return null;
        }

        var pm = m.Groups["ap"].Value.StartsWith('p') || m.Groups["ap"].Value.StartsWith('P');
        return ((hour % 12) + (pm ? 12 : 0)) * 60 + minute;
    }

    [GeneratedRegex(@"\b(?<n>\d{1,3})(?:-|\s)years?(?:-|\s)old\b|\b(?:aged|age)\s+(?<n>\d{1,3})\b|(?<=\b[A-Z][a-z]+),\s(?<n>\d{1,2}),")]
    private static partial Regex AgePattern();

    [GeneratedRegex(@"\b(?<h>\d{1,2})(?::(?<mi>\d{2}))?\s?(?<ap>[ap]\.\s?m\.|[ap]m\b)|\bmidnight\b|\bnoon\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\b(?:in|since|until|by|last|next|early|late|of|mid-|through)\s+(?<m>January|February|March|April|June|July|August|September|October|November|December|May)\b")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"(?<![\d,.$€£])\b(?:1[89]\d{2}|20\d{2})\b(?![\d,.]\d)")]
    private static partial Regex YearPattern();

    // "1, 500" is how some copies write 1,500 (text rejoined from its tokens).
    [GeneratedRegex(@"(?<![\d.,])\b(?<n>\d{1,3}(?:, ?\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|once|twice|thrice)\b(?![.,]\d)", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();
}
