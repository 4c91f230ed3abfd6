using System.Globalization;
using System.Text.RegularExpressions;

namespace Chorus.Text;

/// <summary>How exact a stated value is ("more than three hours" is at least three hours).</summary>
public enum Qualifier
{
    Exact,
    About,
    AtLeast,
    AtMost,
    Nearly,
}

/// <summary>A duration mention: seconds, with its qualifier.</summary>
public sealed record DurationMention(TextSpan Span, double Seconds, Qualifier Qualifier)
{
    /// <summary>ISO 8601 form, e.g. PT1H40M.</summary>
    public string Iso => IsoDuration(Seconds);

    public static string IsoDuration(double seconds)
    {
        var total = (long)Math.Round(seconds);
        var days = total / 86400;
        var rest = total % 86400;
        var hours = rest / 3600;
        var minutes = rest % 3600 / 60;
        var secs = rest % 60;
        var date = days > 0 ? $"{days}D" : "";
        var time = (hours > 0 ? $"{hours}H" : "") + (minutes > 0 ? $"{minutes}M" : "") + (secs > 0 ? $"{secs}S" : "");
        return "P" + date + (time.Length > 0 ? "T" + time : "") + (date.Length + time.Length == 0 ? "T0S" : "");
    }
}

/// <summary>A date mention: a weekday, a calendar date, or a relative day, resolved later against the publication date.</summary>
public sealed record DateMention(TextSpan Span, DayOfWeek? Weekday, int? Month, int? Day, int? Year, int? RelativeDays, string? PartOfDay, bool InDateline);

/// <summary>An amount: money (with currency), a percentage, or a count of something (with its noun).</summary>
public sealed record QuantityMention(TextSpan Span, QuantityKind Kind, double Value, string Unit, Qualifier Qualifier)
{
    /// <summary>For counts, the noun as written (the <see cref="Unit"/> is its stem).</summary>
    public string Noun { get; init; } = Unit;

    /// <summary>For a range ("2,500 to 3,000 people"), its low end; <see cref="Value"/> is then the high end.</summary>
    public double? Low { get; init; }

    /// <summary>For a part of a whole ("64 of the 122 seats"), the whole; <see cref="Value"/> is then the part.</summary>
    public double? Whole { get; init; }
}

public enum QuantityKind
{
    Money,
    Percent,
    Count,
}

/// <summary>Recognizers for durations, dates and quantities, each returning spans with normalised values.</summary>
public static partial class Recognizers
{
    private static readonly System.Buffers.SearchValues<string> s_timeUnits = System.Buffers.SearchValues.Create(
        ["second", "sec", "minute", "min", "hour", "hr", "day", "week", "month", "year"], StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<string> s_moneyCues = System.Buffers.SearchValues.Create(
        ["€", "$", "£", "¥", "eur", "usd", "gbp", "dollar", "pound", "sterling", "yen", "kron", "crown", "rouble", "ruble"], StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<string> s_percentCues = System.Buffers.SearchValues.Create(["%", "percent", "per cent"], StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string> s_pluralNouns = new(StringComparer.Ordinal)
    {
        "people", "police", "children", "women", "staff", "crew", "cattle", "sheep", "fish", "aircraft", "personnel", "livestock", "deer", "clergy", "youth", "feet", "teeth", "mice", "geese",
    };

    private static readonly System.Buffers.SearchValues<string> s_countWords = System.Buffers.SearchValues.Create(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "dozen", "hundred", "thousand"],
        StringComparison.OrdinalIgnoreCase);

    private const string QualifierPattern = @"(?:(?<q>about|around|roughly|approximately|some|nearly|almost|just under|just over|no more than|more than|over|at least|less than|under|up to|fewer than)\s+)?";

    public static List<DurationMention> Durations(string text, int start, int end)
    {
        var found = new List<DurationMention>();
        var slice = text[start..end];
        // The pattern runs only when a unit it needs is present: most sentences hold no duration at all.
        if (slice.AsSpan().IndexOfAny(s_timeUnits) >= 0)
        {
            foreach (Match m in DurationPattern().Matches(slice))
            {
                var number = m.Groups["n"].Value;
                if ((number is "a" or "an" && !AllowsArticle(slice, m.Index)) || slice.AsSpan(m.Index + m.Length).StartsWith("-old", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // "twice a day"; "a 12-year-old boy" is an age
                }

                if (!NumberWords.TryParse(number, out var n))
                {
                    continue;
                }

                var seconds = n * UnitSeconds(m.Groups["u"].Value);
                if (m.Groups["half"].Success || m.Groups["half2"].Success)
                {
                    seconds += 0.5 * UnitSeconds(m.Groups["u"].Value);
                }

                if (m.Groups["n2"].Success && NumberWords.TryParse(m.Groups["n2"].Value, out var n2))
                {
                    seconds += n2 * UnitSeconds(m.Groups["u2"].Value);
                }

                found.Add(new DurationMention(new TextSpan(start + m.Index, start + m.Index + m.Length), seconds, QualifierOf(m.Groups["q"].Value)));
            }
        }

        foreach (Match m in CompactDuration().Matches(slice))
        {
            var seconds = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 3600) + (m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * 60 : 0);
            found.Add(new DurationMention(new TextSpan(start + m.Index, start + m.Index + m.Length), seconds, Qualifier.Exact));
        }

        return found;
    }

    public static List<DateMention> Dates(string text, int start, int end)
    {
        var found = new List<DateMention>();
        var slice = text[start..end];
        var datelineEnd = OpensParagraph(text, start) ? Dateline.Length(text, start, end - start) : 0;
        foreach (Match m in DatePattern().Matches(slice))
        {
            DayOfWeek? weekday = m.Groups["wd"].Success ? Enum.Parse<DayOfWeek>(m.Groups["wd"].Value, ignoreCase: true) : null;
            int? month = null, day = null, year = null, relative = null;
            var monthName = m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value;
            if (monthName.Length > 0)
            {
                month = Extraction.DateParser.Month(monthName);
                day = int.Parse(m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value, CultureInfo.InvariantCulture);
                year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
                if (month == 0 || day is < 1 or > 31)
                {
                    continue;
                }
            }

            if (m.Groups["iy"].Success)
            {
                (year, month, day) = (Number(m.Groups["iy"]), Number(m.Groups["im"]), Number(m.Groups["id"]));
            }
            else if (m.Groups["ny"].Success)
            {
                // 3/11/2026 is 11 March in most of the world and 3 November in the United States: only a day above
                // 12, or the same number twice, says which is which.
                var (a, b) = (Number(m.Groups["na"]), Number(m.Groups["nb"]));
                if (a is < 1 or > 31 || b is < 1 or > 31 || (a > 12 && b > 12) || (a <= 12 && b <= 12 && a != b))
                {
                    continue;
                }

                (year, month, day) = (Number(m.Groups["ny"]), a > 12 ? b : a, a > 12 ? a : b);
            }

            if (m.Groups["rel"].Success)
            {
                relative = m.Groups["rel"].Value.ToLowerInvariant() switch
                {
                    "yesterday" or "last night" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
            }

            var part = m.Groups["part"].Success ? m.Groups["part"].Value.ToLowerInvariant() : null;
            found.Add(new DateMention(new TextSpan(start + m.Index, start + m.Index + m.Length), weekday, month, day, year, relative, part, m.Index < datelineEnd));
        }

        return found;
    }

    private static int Number(Group group) => int.Parse(group.ValueSpan, CultureInfo.InvariantCulture);

    public static List<QuantityMention> Quantities(string text, int start, int end, IReadOnlyList<TextSpan> taken)
    {
        var found = new List<QuantityMention>();
        var slice = text[start..end];
        var chars = slice.AsSpan();
        if (chars.IndexOfAny(s_moneyCues) >= 0)
        {
            foreach (Match m in MoneyPattern().Matches(slice))
            {
                var numberText = m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["n2"].Value;
                if (!NumberWords.TryParse(numberText, out var n))
                {
                    continue;
                }

                var scale = NumberWords.Scale(m.Groups["s"].Success ? m.Groups["s"].Value : m.Groups["s2"].Value);
                var currency = Currency(m.Groups["c"].Success ? m.Groups["c"].Value : m.Groups["c2"].Value);
                found.Add(new QuantityMention(new TextSpan(start + m.Index, start + m.Index + m.Length), QuantityKind.Money, n * scale, currency, QualifierOf(m.Groups["q"].Value)));
            }
        }

        if (chars.IndexOfAny(s_percentCues) >= 0)
        {
            foreach (Match m in PercentPattern().Matches(slice))
            {
                if (NumberWords.TryParse(m.Groups["n"].Value, out var n))
                {
                    found.Add(new QuantityMention(new TextSpan(start + m.Index, start + m.Index + m.Length), QuantityKind.Percent, n, "%", QualifierOf(m.Groups["q"].Value)));
                }
            }
        }

        if (chars.IndexOfAnyInRange('0', '9') >= 0 || chars.IndexOfAny(s_countWords) >= 0)
        {
            foreach (Match m in CountPattern().Matches(slice))
            {
                var span = new TextSpan(start + m.Index, start + m.Index + m.Length);
                if (found.Any(f => f.Span.Overlaps(span)) || taken.Any(t => t.Overlaps(span)) || !NumberWords.TryParse(m.Groups["n"].Value, out var n))
                {
                    continue;
                }

                // "1.5 million people" and "0.4 percentage points" have fractions; "3.5 people" is no count.
                if (n != Math.Floor(n) && !m.Groups["scale"].Success && !m.Groups["noun"].Value.StartsWith("percentage", StringComparison.OrdinalIgnoreCase)
                    && !m.Groups["noun"].Value.StartsWith("basis", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                n *= NumberWords.Scale(m.Groups["scale"].Value);

                // "COVID-19", "G-20", "F16": a number glued to a name is part of the name, not a count.
                var at = m.Groups["n"].Index;
                if (at > 0 && (char.IsLetter(slice[at - 1]) || (slice[at - 1] == '-' && !(at > 1 && char.IsDigit(slice[at - 2])))))
                {
                    continue;
                }

                var before = slice.AsSpan(0, m.Index).TrimEnd();
                if (before.EndsWith("another", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // "another 600 people" adds to a count told elsewhere; it is not a total
                }

                // "2,500 to 3,000 people", "between 40 and 50 boats": a range, which any count inside it agrees with.
                double? low = null;
                var qualifier = QualifierOf(m.Groups["q"].Value);
                if (!m.Groups["q"].Success && RangeStart().Match(slice, 0, m.Index) is { Success: true } range
                    && NumberWords.TryParse(range.Groups["lo"].Value, out var lowValue) && lowValue < n
                    && (range.Groups["between"].Success || !range.Groups["and"].Success)
                    && !slice.AsSpan(0, range.Index).TrimEnd().EndsWith("from", StringComparison.OrdinalIgnoreCase))
                {
                    span = new TextSpan(start + range.Index, span.End);
                    low = lowValue;
                    qualifier = QualifierOf(range.Groups["q"].Value);
                }

                // "64 of the 122 seats": the count is the part (64); the whole (122) is context.
                double? whole = null;
                if (low is null && PartOfWhole().Match(slice, 0, m.Index) is { Success: true } part && NumberWords.TryParse(part.Groups["part"].Value, out var partValue))
                {
                    span = new TextSpan(start + part.Index, span.End);
                    whole = n;
                    n = partValue;
                }

                var noun = m.Groups["noun"].Value.ToLowerInvariant();
                var rest = slice.AsSpan(m.Index + m.Length).TrimStart();
                if (noun is "basis" or "percentage" && rest.StartsWith("point", StringComparison.OrdinalIgnoreCase))
                {
                    noun += " points";
                    var points = rest.StartsWith("points", StringComparison.OrdinalIgnoreCase) ? 6 : 5;
                    span = new TextSpan(span.Start, start + (slice.Length - rest.Length) + points);
                }

                // "three dissident": a plural number with a singular noun is garbled text or a compound ("two-state
                // solution"); it is not a count to compare.
                if (n >= 2 && noun.Length > 3 && !noun.EndsWith('s') && !noun.EndsWith("men", StringComparison.Ordinal) && !noun.Contains(' ', StringComparison.Ordinal) && !s_pluralNouns.Contains(noun))
                {
                    continue;
                }

                if (Stopwords.Contains(noun) || IsUnitWord(noun) || (n >= 1900 && n <= 2100 && !m.Groups["n"].Value.Contains(',', StringComparison.Ordinal)))
                {
                    continue;
                }

                found.Add(new QuantityMention(span, QuantityKind.Count, n, PorterStemmer.Stem(noun), qualifier) { Noun = noun, Low = low, Whole = whole });
            }

            // "killing two people and wounding 21": a bare number right after a casualty verb counts people.
            foreach (Match m in CasualtyCount().Matches(slice))
            {
                var number = m.Groups["n"];
                var span = new TextSpan(start + number.Index, start + number.Index + number.Length);
                if (!found.Any(f => f.Span.Overlaps(span)) && !taken.Any(t => t.Overlaps(span)) && NumberWords.TryParse(number.Value, out var n))
                {
                    found.Add(new QuantityMention(span, QuantityKind.Count, n, PorterStemmer.Stem("people"), m.Value.Contains("least", StringComparison.OrdinalIgnoreCase) ? Qualifier.AtLeast : Qualifier.Exact) { Noun = "people" });
                }
            }
        }

        return found;
    }

    private static bool IsUnitWord(string noun) =>
        noun.TrimEnd('s') is "second" or "minute" or "hour" or "day" or "week" or "month" or "year" or "decade" or "century" or "centurie" or "percent" or "per" or "million" or "billion" or "thousand" or "euro" or "dollar" or "pound" or "time" or "o'clock" or "a.m" or "p.m" or "am" or "pm";

    /// <summary>Whether a position opens its paragraph: a line break (or the text's start) comes right before it.</summary>
    private static bool OpensParagraph(string text, int position) => position == 0 || text[position - 1] == '\n';

    /// <summary>"a day" is a duration after "for", "after", "within" or "lasting", not in "twice a day" or "cod a year".</summary>
    private static bool AllowsArticle(string slice, int index)
    {
        var before = slice[..index].TrimEnd();
        var space = before.LastIndexOf(' ');
        var word = (space < 0 ? before : before[(space + 1)..]).ToLowerInvariant();
        return word is "for" or "after" or "within" or "in" or "lasting" or "lasted" or "nearly" or "almost" or "about" or "than" or "over" or "half" or "";
    }

    private static double UnitSeconds(string unit) => unit.ToLowerInvariant().TrimEnd('s') switch
    {
        "second" or "sec" => 1,
        "minute" or "min" => 60,
        "hour" or "hr" => 3600,
        "day" => 86400,
        "week" => 7 * 86400,
        "month" => 30 * 86400,
        "year" => 365 * 86400,
        _ => 0,
    };

    internal static Qualifier QualifierOf(string word) => word.ToLowerInvariant() switch
    {
        "about" or "around" or "roughly" or "approximately" or "some" => Qualifier.About,
        "nearly" or "almost" or "just under" => Qualifier.Nearly,
        "more than" or "over" or "at least" or "just over" => Qualifier.AtLeast,
        "less than" or "under" or "up to" or "fewer than" or "no more than" => Qualifier.AtMost,
        _ => Qualifier.Exact,
    };

    private static string Currency(string symbol) => symbol.ToLowerInvariant() switch
    {
        "€" or "eur" or "euro" or "euros" => "EUR",
        "$" or "usd" or "dollar" or "dollars" or "us$" => "USD",
        "£" or "gbp" or "pound" or "pounds" or "sterling" => "GBP",
        "¥" or "yen" or "jpy" => "JPY",
        "kronor" or "krona" or "sek" => "SEK",
        "crowns" or "crown" => "CRN",
        "rubles" or "roubles" or "rub" => "RUB",
        _ => symbol.ToUpperInvariant(),
    };

    [GeneratedRegex(QualifierPattern + @"\b(?<n>" + NumberWords.Pattern + @")(?:\s+and\s+(?<half>a\s+half))?[\s-]+(?<u>seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)(?:\s+and\s+(?:(?<half2>a\s+half)\b|(?<n2>" + NumberWords.Pattern + @")\s+(?<u2>seconds?|minutes?|hours?|days?|weeks?|months?))|,?\s+(?<n2>\d+)\s*(?<u2>minutes?|mins?|seconds?|secs?))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\b(\d{1,2})h(?:\s?(\d{1,2})(?:m(?:in)?)?)?\b")]
    private static partial Regex CompactDuration();

    [GeneratedRegex(@"\b(?:(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?<part>morning|afternoon|evening|night))?(?:,?\s+(?:(?<m1>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(?<d1>\d{1,2})|(?<d2>\d{1,2})\s+(?<m2>January|February|March|April|May|June|July|August|September|October|November|December)))?|(?:(?<m1>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?|(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?<m2>January|February|March|April|May|June|July|August|September|October|November|December))(?:,?\s+(?<y>(?:19|20)\d{2}))?|(?<rel>yesterday|today|tomorrow|last night|this morning|tonight)|(?<iy>(?:19|20)\d{2})-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01])(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|(?<na>\d{1,2})/(?<nb>\d{1,2})/(?<ny>(?:19|20)\d{2}))\b")]
    private static partial Regex DatePattern();

    [GeneratedRegex(QualifierPattern + @"(?:(?<c>€|\$|£|¥|US\$|EUR|USD|GBP)\s?(?<n>\d[\d,]*(?:\.\d+)?)\s?(?<s>million|billion|trillion|thousand|bn|mn|m|k)?\b|\b(?<n2>\d[\d,]*(?:\.\d+)?|" + NumberWords.Pattern + @")(?:\s|-)?(?<s2>million|billion|trillion|thousand|bn|m)?\s(?:U\.S\.\s|US\s)?(?<c2>euros?|dollars?|pounds?|sterling|yen|kronor|krona|crowns|roubles|rubles)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(QualifierPattern + @"\b(?<n>\d+(?:\.\d+)?|" + NumberWords.Pattern + @")\s?(?:%|per\s?cent\b|percent\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PercentPattern();

    [GeneratedRegex("(?i:" + QualifierPattern + @")\b(?<n>\d{1,3}(?:, ?\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens? of|hundreds? of|thousands? of)(?:\s+(?<scale>million|billion|thousand))?\s+(?:(?:[A-Z][a-z]+|more|fewer|new|other|small|large|extra|additional|consecutive|successive|straight|separate|different|further|major|key|full)\s+)?(?<noun>[a-z][a-z\-]+)\b")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"\b(?:killing|killed|wounding|wounded|injuring|injured|leaving)\s+(?:at\s+least\s+)?(?<n>\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=\s*(?:[,.;]|and\b|others\b|more\b|people\b|$))", RegexOptions.IgnoreCase)]
    private static partial Regex CasualtyCount();

    [GeneratedRegex(QualifierPattern + @"(?<between>between\s+)?\b(?<lo>\d{1,3}(?:, ?\d{3}(?!\d))+|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:to|–|-|(?<and>and))\s*\G", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex RangeStart();

    [GeneratedRegex(@"\b(?<part>\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+of\s+(?:the\s+|its\s+|their\s+)?\G", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex PartOfWhole();
}
