using System.Text.Json;
using System.Text.RegularExpressions;
using Chorus.Text;

namespace Chorus.Bench.Facts;

/// <summary>One citation that fails the check: the cited source, what cites it, and why.</summary>
public sealed record CitationProblem(string Event, string Source, string Kind, string Claim, string Reason);

/// <summary>
/// Checks every citation of the briefs without the product's aligner: a summary sentence may cite an article only
/// when that article holds a sentence with at least 60 % of the summary sentence's stemmed content words, and giving
/// no different number, weekday or month where both speak of one; a fact may cite an article only when one sentence of
/// the article states the fact's value: it gives some of the value's numbers, weekdays or months, and none other of a
/// type it shares with the value ("Saturday" backs "Saturday 7 July 2012"; "Friday, July 6" does not). Words are split, lower-cased and stemmed here; only the stemmer and stop-word list are shared.
/// </summary>
public static partial class CitationCheck
{
    public const double LeastShare = 0.6;

    private static readonly string[] s_weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly string[] s_months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Checks one brief against its articles as read; returns how many citations were checked and the failures.</summary>
    public static (int Checked, List<CitationProblem> Problems) Check(string eventId, JsonElement brief, IReadOnlyDictionary<string, Chorus.Extraction.Article> articles)
    {
        var problems = new List<CitationProblem>();
        var count = 0;
        var split = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string> SentencesOf(string source) =>
            split.TryGetValue(source, out var found) ? found : split[source] = articles.TryGetValue(source, out var article) ? Sentences(article.Text) : [];
        foreach (var story in Items(brief, "stories"))
        {
            foreach (var line in Items(story, "summary"))
            {
                var text = line.GetProperty("text").GetString() ?? "";
                foreach (var source in Items(line, "sources").Select(s => s.GetString()!))
                {
                    count++;
                    if (SentenceProblem(text, SentencesOf(source)) is { } reason)
                    {
                        problems.Add(new CitationProblem(eventId, source, "summary", text, reason));
                    }
                }
            }

            foreach (var fact in Items(story, "facts"))
            {
                var statement = fact.GetProperty("statement").GetString() ?? "";
                foreach (var source in Items(fact, "sources").Select(s => s.GetString()!))
                {
                    count++;
                    if (FactProblem(statement, SentencesOf(source), articles.GetValueOrDefault(source)?.Published) is { } reason)
                    {
                        problems.Add(new CitationProblem(eventId, source, "fact", statement, reason));
                    }
                }
            }
        }

        return (count, problems);
    }

    /// <summary>Why a source does not back a summary sentence, or null when one of its sentences does.</summary>
    public static string? SentenceProblem(string claim, IReadOnlyList<string> sourceSentences)
    {
        var words = Content(claim);
        if (words.Count == 0)
        {
            return null;
        }

        var best = sourceSentences.Select(s => (Sentence: s, Share: Content(s).Count(words.Contains) / (double)words.Count)).DefaultIfEmpty((Sentence: "", Share: 0.0)).MaxBy(x => x.Share);
        if (best.Share < LeastShare)
        {
            return $"no sentence shares {LeastShare:P0} of its content words (best {best.Share:P0})";
        }

        var backing = sourceSentences.Where(s => Content(s).Count(words.Contains) / (double)words.Count >= LeastShare).ToList();
        var differing = backing.Select(s => Differs(claim, s)).ToList();
        return differing.All(d => d is not null) ? $"its matching sentence {differing[0]}: \"{backing[0]}\"" : null;
    }

    /// <summary>Why a source does not back a fact: it never states the fact's value, or says otherwise about the same subject.</summary>
    public static string? FactProblem(string statement, IReadOnlyList<string> sourceSentences, DateTimeOffset? published = null)
    {
        var colon = statement.LastIndexOf(':');
        var value = colon > 0 ? statement[(colon + 1)..] : statement;
        var marks = Marks(value);
        if (marks.Count == 0)
        {
            return null;
        }

        return sourceSentences.Any(s => States(value, s) || StatesRelatively(value, s, published)) ? null : $"states nowhere {string.Join(", ", marks)}";
    }

    /// <summary>Whether a sentence names the value's day relative to the article's publication ("today", "yesterday").</summary>
    private static bool StatesRelatively(string value, string sentence, DateTimeOffset? published)
    {
        if (published is not { } when || !DateOnly.TryParse(DayOf().Match(value).Value, System.Globalization.CultureInfo.InvariantCulture, out var day))
        {
            return false;
        }

        var words = Named(sentence, ["today", "tonight", "yesterday"]);
        var date = DateOnly.FromDateTime(when.DateTime);
        return (words.Contains("today") || words.Contains("tonight")) && day == date || words.Contains("yesterday") && day == date.AddDays(-1);
    }

    /// <summary>Whether a sentence gives some of the value's marks (for a date, its weekday or month) and, of each type of mark it shares with the value, only the value's.</summary>
    private static bool States(string value, string sentence)
    {
        var given = false;
        var named = Named(value, s_weekdays).Count + Named(value, s_months).Count > 0;
        foreach (var of in new Func<string, HashSet<string>>[] { Numbers, s => Named(s, s_weekdays), s => Named(s, s_months) })
        {
            if (named && of == Numbers)
            {
                continue; // a date is told by its weekday or month; the sentence's other numbers are ages, times, counts
            }

            var mine = of(value);
            var theirs = of(sentence);
            if (mine.Count > 0 && theirs.Count > 0)
            {
                if (!theirs.Overlaps(mine))
                {
                    return false;
                }

                given = true;
            }
        }

        return given;
    }

    /// <summary>How a sentence gives a different number, weekday or month from the claim, or null when it does not.</summary>
    private static string? Differs(string claim, string sentence)
    {
        foreach (var (kind, of) in new (string, Func<string, HashSet<string>>)[] { ("number", Numbers), ("weekday", s => Named(s, s_weekdays)), ("month", s => Named(s, s_months)) })
        {
            var mine = of(claim);
            var theirs = of(sentence);
            if (mine.Count > 0 && theirs.Count > 0 && !mine.IsSubsetOf(theirs) && !theirs.IsSubsetOf(mine))
            {
                return $"gives another {kind} ({string.Join(", ", theirs.Except(mine))} for {string.Join(", ", mine.Except(theirs))})";
            }
        }

        return null;
    }

    private static HashSet<string> Marks(string text) => [.. Numbers(text), .. Named(text, s_weekdays), .. Named(text, s_months)];

    /// <summary>Numbers in digits, and in words ("four", "twenty-two"), as digits.</summary>
    private static HashSet<string> Numbers(string text)
    {
        var found = NumberPattern().Matches(text).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        if (OneScale().IsMatch(text))
        {
            found.Add("1"); // "a million dollars"
        }

        foreach (Match word in NumberWordPattern().Matches(text))
        {
            if (word.Length > 2 && NumberWords.TryParse(word.Value, out var n) && n >= 2)
            {
                found.Add(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return found;
    }

    private static HashSet<string> Named(string text, string[] names) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(names.Contains).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Content(string text) =>
        WordPattern().Matches(text)
            .Select(m => PossessiveEnd().Replace(m.Value.ToLowerInvariant(), ""))
            .Where(w => w.Length > 2 && !Stopwords.Contains(w))
            .Select(w => PorterStemmer.Stem(w))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Sentences as a reader would cut them: after ., ! or ? (with closing quotes) before a space and a capital, digit or
    /// quote, but not after an initial or a title's abbreviation ("U. S.", "Gov. Palin", "Capt. Tennant").
    /// </summary>
    private static List<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [];

    [GeneratedRegex(@"\d{1,3}(?:, ?\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"[\p{L}][\p{L}'’]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\b(?:a|one)\s+(?:million|billion|thousand|hundred)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OneScale();

    [GeneratedRegex(@"\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}")]
    private static partial Regex DayOf();

    [GeneratedRegex(@"['’]s?$")]
    private static partial Regex PossessiveEnd();

    [GeneratedRegex(@"\b[a-zA-Z]+(?:-[a-z]+)?\b")]
    private static partial Regex NumberWordPattern();

    [GeneratedRegex(@"(?<![\s(][\p{Lu}]\.|\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Capt|Lt|Sgt|Gen|Col|Cmdr|St|Jr|Sr|Inc|Co|Corp|No|Mt|Ft|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Gen|Prof|Rev|Sgt|Det|Insp|Supt)\.)(?<=[.!?][""”’']?)\s+(?=[\p{Lu}\d""“‘])|\n+")]
    private static partial Regex SentenceEnd();
}
