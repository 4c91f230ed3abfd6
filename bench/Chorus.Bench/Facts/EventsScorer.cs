using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Chorus.Bench.Facts;

/// <summary>Conflict counts of one tier: gold clear disagreements found, claimed pairs, and claimed pairs matching gold.</summary>
public sealed record TierScore(int Found, int Reported, int Matching)
{
    public TierScore Add(TierScore other) => new(Found + other.Found, Reported + other.Reported, Matching + other.Matching);
}

/// <summary>What the scorer counts for one event (or, summed, for all of them).</summary>
public sealed record EventScore(
    string Event,
    int GoldClear,
    TierScore Confirmed,
    TierScore All,
    int GoldQuotes,
    int QuotesFound,
    int ReportedQuotes,
    int ReportedGold,
    int WithSpeaker,
    int SpeakerRight)
{
    public EventScore Add(EventScore other) => new(
        Event,
        GoldClear + other.GoldClear,
        Confirmed.Add(other.Confirmed),
        All.Add(other.All),
        GoldQuotes + other.GoldQuotes,
        QuotesFound + other.QuotesFound,
        ReportedQuotes + other.ReportedQuotes,
        ReportedGold + other.ReportedGold,
        WithSpeaker + other.WithSpeaker,
        SpeakerRight + other.SpeakerRight);

    /// <summary>The topic of an event: the digits of its id ("12" for "12b").</summary>
    public string Topic => EventsSuite.TopicOf(Event);
}

/// <summary>The scores of every event, their total, and the MISSED / UNMATCHED / SPEAKER lines score.py prints with --verbose.</summary>
public sealed record EventsScore(IReadOnlyList<EventScore> Events, EventScore Total, IReadOnlyList<string> Notes)
{
    /// <summary>The one line score.py prints, character for character.</summary>
    public string SummaryLine()
    {
        var t = Total;
        return $"events {Events.Count}  conflicts (gold clear {t.GoldClear}) {Tier("confirmed", t.Confirmed)} | {Tier("all", t.All)}  "
            + $"quotes: gold {t.GoldQuotes} found {t.QuotesFound}; reported {t.ReportedQuotes} gold {t.ReportedGold} precision {EventsScorer.Ratio(t.ReportedGold, t.ReportedQuotes, "n/a")}; "
            + $"with speaker {t.WithSpeaker} right {t.SpeakerRight} accuracy {EventsScorer.Ratio(t.SpeakerRight, t.WithSpeaker, "0.000")}";
    }

    private string Tier(string name, TierScore s) =>
        $"{name}: found {s.Found} recall {EventsScorer.Ratio(s.Found, Total.GoldClear, "0.000")}; reported {s.Reported} matching gold {s.Matching} precision {EventsScorer.Ratio(s.Matching, s.Reported, "n/a")}";
}

/// <summary>
/// A port of ../shared/bench/events/score.py: scores briefs (parsed brief JSON, one per event) against the hand-read
/// annotations. Every rule follows the Python line for line, including its treatment of absent fields; see that
/// script's docstring for the rules themselves.
/// </summary>
public static class EventsScorer
{
    private const int MaxEvidenceLength = 400;
    private const int RunWords = 6;
    private const int KeyWords = 5;
    private const int MaxAliases = 12;

    private static readonly HashSet<string> s_suffix = ["jr", "sr", "2nd", "3rd", "ii", "iii"];
    private static readonly HashSet<string> s_determiners = ["a", "an", "the", "her", "his", "their", "its", "one", "some", "another"];
    private static readonly HashSet<string> s_stop = ["of", "for", "and", "to", "in", "at", "on", "with", "from", "by", "s", "who", "statement"];

    /// <summary>Scores the briefs (by event id; an event without one scores as an empty brief) against annotations.json.</summary>
    public static EventsScore Score(JsonElement annotations, IReadOnlyDictionary<string, JsonElement> briefs)
    {
        var notes = new List<string>();
        var events = Items(annotations, "events")
            .Select(e => ScoreEvent(e, briefs.TryGetValue(e.GetProperty("event").GetString()!, out var b) ? b : null, notes))
            .ToList();
        var total = events.Aggregate(
            new EventScore("all", 0, new TierScore(0, 0, 0), new TierScore(0, 0, 0), 0, 0, 0, 0, 0, 0),
            (sum, e) => sum.Add(e));
        return new EventsScore(events, total, notes);
    }

    private static EventScore ScoreEvent(JsonElement gold, JsonElement? brief, List<string> notes)
    {
        var id = gold.GetProperty("event").GetString()!;
        var stories = brief is { } b ? Items(b, "stories").ToList() : [];
        var all = stories.SelectMany(s => Items(s, "conflicts")).ToList();
        var confirmed = all.Where(IsConfirmed).ToList();
        var quotes = stories.SelectMany(s => Items(s, "quotes")).ToList();

        // Aliases by folded entity name; an entity with too many aliases gives none (it has swallowed others).
        var aliases = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entity in stories.SelectMany(s => Items(s, "entities")))
        {
            var names = Items(entity, "aliases").ToList();
            if (names.Count <= MaxAliases)
            {
                var key = Fold(entity.GetProperty("name").GetString());
                if (!aliases.TryGetValue(key, out var set))
                {
                    aliases[key] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(names.Select(n => Fold(n.GetString())));
            }
        }

        var disagreements = Items(gold, "disagreements").ToList();
        int clear = 0, foundConfirmed = 0, foundAll = 0;
        foreach (var d in disagreements.Where(d => Text(d, "confidence") == "clear"))
        {
            clear++;
            var inAll = all.Any(c => Pairs(c).Any(p => PairMatches(p.X, p.Y, d)));
            foundAll += inAll ? 1 : 0;
            foundConfirmed += confirmed.Any(c => Pairs(c).Any(p => PairMatches(p.X, p.Y, d))) ? 1 : 0;
            if (!inAll)
            {
                notes.Add($"MISSED {id} {Show(d, "thing")} {Repr(Items(d, "values").Select(v => Text(v, "value")))}");
            }
        }

        var tierAll = Claimed(all, disagreements, unmatched: (c, x, y) =>
            notes.Add($"UNMATCHED {id} {Show(c, "confidence", "confirmed")} {Show(c, "topic")} {Show(x, "value")} vs {Show(y, "value")}"));
        var tierConfirmed = Claimed(confirmed, disagreements, unmatched: null);

        // Quote precision: every (reported quote, cited article) pair that is a gold quote's opening in that article.
        var goldQuotes = Items(gold, "quotes").ToList();
        var goldKeys = goldQuotes.Select(q => (Key: QuoteKey(q), Article: Text(q, "article"))).ToList();
        int reported = 0, reportedGold = 0;
        foreach (var x in quotes)
        {
            var text = Fold(Text(x, "text"));
            foreach (var article in Items(x, "sources"))
            {
                reported++;
                reportedGold += goldKeys.Any(k => k.Key.Length > 0 && text.Contains(k.Key, StringComparison.Ordinal) && Same(article, k.Article)) ? 1 : 0;
            }
        }

        int found = 0, withSpeaker = 0, right = 0;
        foreach (var q in goldQuotes)
        {
            var key = QuoteKey(q);
            var article = Text(q, "article");

            // The most specific hit: the shortest reported text holding the key and citing the quote's article.
            var hit = quotes
                .Where(x => key.Length > 0 && Fold(Text(x, "text")).Contains(key, StringComparison.Ordinal) && Items(x, "sources").Any(s => Same(s, article)))
                .OrderBy(x => CodePoints(Text(x, "text")))
                .Take(1)
                .ToList();
            found += hit.Count;
            var speaker = Text(q, "speaker");
            if (string.IsNullOrEmpty(speaker))
            {
                continue;
            }

            withSpeaker++;
            var want = WantedSpeakerWords(speaker);
            var got = hit
                .SelectMany(x => Words(Fold(Text(x, "speaker")) + " " + string.Join(" ", aliases.GetValueOrDefault(Fold(Text(x, "speaker"))) ?? [])))
                .ToHashSet(StringComparer.Ordinal);
            var isRight = want.Count > 0 && want.Any(got.Contains);
            right += isRight ? 1 : 0;
            if (hit.Count > 0 && !isRight)
            {
                notes.Add($"SPEAKER {id} {speaker} -> {Repr(hit.Select(x => Text(x, "speaker")))}");
            }
        }

        return new EventScore(id, clear, new TierScore(foundConfirmed, tierConfirmed.Reported, tierConfirmed.Matching), new TierScore(foundAll, tierAll.Reported, tierAll.Matching), goldQuotes.Count, found, reported, reportedGold, withSpeaker, right);
    }

    /// <summary>
    /// The words a reported speaker must share with the gold one: a name's last word (its surname), or for a
    /// description ("her rep", "a police spokesman") every content word. A name starts with a capital and not with a determiner.
    /// </summary>
    public static IReadOnlyList<string> WantedSpeakerWords(string speaker)
    {
        var words = Words(Fold(speaker)).Where(w => !s_suffix.Contains(w)).ToList();
        var isName = Rune.TryGetRuneAt(speaker, 0, out var first) && Rune.IsUpper(first) && words.Count > 0 && !s_determiners.Contains(words[0]);
        return isName ? words[^1..] : words.Where(w => !s_determiners.Contains(w) && !s_stop.Contains(w)).ToList();
    }

    /// <summary>Claimed pairs of the given conflicts and how many match any gold disagreement (clear or arguable).</summary>
    private static (int Reported, int Matching) Claimed(List<JsonElement> conflicts, List<JsonElement> disagreements, Action<JsonElement, JsonElement, JsonElement>? unmatched)
    {
        int reported = 0, matching = 0;
        foreach (var c in conflicts)
        {
            foreach (var (x, y) in Pairs(c))
            {
                reported++;
                var ok = disagreements.Any(d => PairMatches(x, y, d));
                matching += ok ? 1 : 0;
                if (!ok)
                {
                    unmatched?.Invoke(c, x, y);
                }
            }
        }

        return (reported, matching);
    }

    /// <summary>A claimed pair matches a disagreement when its sides hit two different gold values, in either order.</summary>
    public static bool PairMatches(JsonElement x, JsonElement y, JsonElement disagreement)
    {
        var values = Items(disagreement, "values").ToList();
        for (var i = 0; i < values.Count; i++)
        {
            for (var j = i + 1; j < values.Count; j++)
            {
                if ((SideHits(x, values[i]) && SideHits(y, values[j])) || (SideHits(x, values[j]) && SideHits(y, values[i])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A side hits a gold value when one of its evidence lines, from the same article, overlaps that value's evidence.</summary>
    private static bool SideHits(JsonElement side, JsonElement value) =>
        Items(side, "evidence").Any(e => Items(value, "evidence").Any(g =>
            Same(e.GetProperty("source"), Text(g, "article")) && Overlap(Text(e, "text"), Text(g, "text"))));

    /// <summary>
    /// Whether reported evidence <paramref name="reported"/> and gold evidence overlap after folding: one holds the other,
    /// or they share a run of six words. Reported evidence over 400 characters counts for nothing.
    /// </summary>
    public static bool Overlap(string? reported, string? gold)
    {
        if (CodePoints(reported) > MaxEvidenceLength)
        {
            return false;
        }

        var a = Fold(reported);
        var b = Fold(gold);
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal))
        {
            return true;
        }

        var words = a.Split(' ');
        var padded = " " + b + " ";
        for (var i = 0; i + RunWords <= words.Length; i++)
        {
            if (padded.Contains(" " + string.Join(' ', words, i, RunWords) + " ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// score.py's fold: quotation marks dropped, whitespace runs made one space, trimmed, lower case. Python's whitespace
    /// also counts U+001C-U+001F, and its lower case turns U+0130 into two characters; both are kept here. (Python
    /// also lowers a word-final capital sigma to the final form; that one rule is not ported.)
    /// </summary>
    public static string Fold(string? text)
    {
        var folded = new StringBuilder((text ?? "").Length);
        var pendingSpace = false;
        foreach (var c in text ?? "")
        {
            if (c is '\u201c' or '\u201d' or '\u2018' or '\u2019' or '"' or '\'' or '`')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && folded.Length > 0)
            {
                folded.Append(' ');
            }

            pendingSpace = false;
            folded.Append(c);
        }

        return folded.ToString().Replace("\u0130", "i\u0307", StringComparison.Ordinal).ToLowerInvariant();
    }

    /// <summary>The runs of ASCII lower-case letters and digits, as score.py's [a-z0-9]+.</summary>
    public static IEnumerable<string> Words(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && (char.IsAsciiLetterLower(folded[i]) || char.IsAsciiDigit(folded[i]));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    /// <summary>A fraction to three places as Python's "%.3f" gives it (exact half-even), or <paramref name="empty"/> over zero.</summary>
    public static string Ratio(int numerator, int denominator, string empty)
    {
        if (denominator == 0)
        {
            return empty;
        }

        var thousandths = Math.DivRem(1000L * numerator, denominator, out var rest);
        if (2 * rest > denominator || (2 * rest == denominator && thousandths % 2 == 1))
        {
            thousandths++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{thousandths / 1000}.{thousandths % 1000:D3}");
    }

    /// <summary>A gold quote's key: its first five folded words.</summary>
    internal static string QuoteKey(JsonElement quote) => string.Join(' ', Fold(Text(quote, "quote")).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(KeyWords));

    /// <summary>A conflict counts as confirmed when its confidence is absent or "confirmed" (null or any other value is not).</summary>
    private static bool IsConfirmed(JsonElement conflict) =>
        !conflict.TryGetProperty("confidence", out var confidence) || (confidence.ValueKind == JsonValueKind.String && confidence.GetString() == "confirmed");

    private static IEnumerable<(JsonElement X, JsonElement Y)> Pairs(JsonElement conflict)
    {
        var values = Items(conflict, "values").ToList();
        for (var i = 0; i < values.Count; i++)
        {
            for (var j = i + 1; j < values.Count; j++)
            {
                yield return (values[i], values[j]);
            }
        }
    }

    /// <summary>The elements of an array property, none when it is absent (as Python's .get(name, [])).</summary>
    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    /// <summary>A string property, or null when it is absent, null or not a string.</summary>
    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Python's == between a JSON value and a string: equal only when the value is that string.</summary>
    private static bool Same(JsonElement value, string? text) => text is not null && value.ValueKind == JsonValueKind.String && value.GetString() == text;

    private static int CodePoints(string? text) => text is null ? 0 : text.EnumerateRunes().Count();

    /// <summary>A property as Python's print shows it: None when absent or null, a string as is, anything else as JSON.</summary>
    private static string Show(JsonElement element, string name, string? absent = null)
    {
        if (!element.TryGetProperty(name, out var v))
        {
            return absent ?? "None";
        }

        return v.ValueKind switch
        {
            JsonValueKind.Null => "None",
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => v.GetRawText(),
        };
    }

    /// <summary>A list of strings as Python's repr writes it: ['a', "it's", None].</summary>
    public static string Repr(IEnumerable<string?> items) => "[" + string.Join(", ", items.Select(Repr)) + "]";

    private static string Repr(string? text)
    {
        if (text is null)
        {
            return "None";
        }

        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var repr = new StringBuilder().Append(quote);
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            repr.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => "\\" + quote,
                _ when c == ' ' || IsPrintable(rune) => rune.ToString(),
                < 0x100 => $"\\x{c:x2}",
                < 0x10000 => $"\\u{c:x4}",
                _ => $"\\U{c:x8}",
            });
        }

        return repr.Append(quote).ToString();
    }

    /// <summary>Python's str.isprintable for one character: not a control, format, private, unassigned or separator character.</summary>
    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) is not (
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
}
