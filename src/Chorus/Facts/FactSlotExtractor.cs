using System.Globalization;
using System.Text.RegularExpressions;
using Chorus.Text;

namespace Chorus.Facts;

/// <summary>
/// Reads the fact slots of one article: when the main event happened (the first past-tense date in the
/// lead), where (the first venue in the lead), how long things lasted (durations tied to an event noun),
/// amounts, percentages and counts (with the noun they measure), people's titles and ages, and who met whom.
/// Values are normalised: dates resolved against the publication date, durations in seconds, money with currency.
/// </summary>
public static partial class FactSlotExtractor
{
    private const int LeadSentences = 2;
    private const int VenueSentences = 3;

    private static readonly Dictionary<string, string> s_eventNouns = new(StringComparer.Ordinal)
    {
        ["talks"] = "talks", ["talk"] = "talks", ["negotiations"] = "talks", ["negotiation"] = "talks", ["meeting"] = "talks",
        ["session"] = "talks", ["discussions"] = "talks", ["summit"] = "talks", ["conference"] = "talks",
        ["strike"] = "strike", ["walkout"] = "strike", ["stoppage"] = "strike", ["protest"] = "protest", ["protests"] = "protest",
        ["visit"] = "visit", ["trip"] = "visit", ["tour"] = "visit", ["trial"] = "trial", ["hearing"] = "trial",
        ["debate"] = "debate", ["speech"] = "speech", ["flight"] = "flight", ["journey"] = "journey", ["siege"] = "siege",
        ["ceasefire"] = "ceasefire", ["truce"] = "ceasefire", ["closure"] = "closure", ["shutdown"] = "closure",
        ["outage"] = "outage", ["blackout"] = "outage", ["delay"] = "delay", ["renovation"] = "renovation", ["operation"] = "operation",
        ["match"] = "match", ["game"] = "match", ["race"] = "race", ["campaign"] = "campaign", ["sentence"] = "sentence",
    };

    private static readonly Dictionary<string, string> s_percentAnchors = new(StringComparer.Ordinal)
    {
        ["cut"] = "decrease", ["reduc"] = "decrease", ["reduct"] = "decrease", ["lower"] = "decrease", ["decreas"] = "decrease", ["fall"] = "decrease",
        ["fell"] = "decrease", ["drop"] = "decrease", ["slash"] = "decrease", ["declin"] = "decrease",
        ["rise"] = "increase", ["rose"] = "increase", ["increas"] = "increase", ["rais"] = "increase", ["grow"] = "increase", ["growth"] = "increase", ["hike"] = "increase",
        ["turnout"] = "turnout", ["unemploy"] = "unemployment", ["inflat"] = "inflation", ["vote"] = "vote", ["stake"] = "stake", ["share"] = "share",
    };

    private static readonly HashSet<string> s_moneyAnchors = new(StringComparer.Ordinal)
    {
        "fund", "budget", "cost", "price", "loan", "aid", "fine", "deal", "contract", "invest", "bill", "grant", "salari", "wage", "pai",
        "compens", "damag", "bail", "revenu", "profit", "loss", "debt", "bonu", "ransom", "award", "prize", "tax", "packag", "spend",
    };

    private static readonly HashSet<string> s_personNouns = new(
        new[] { "people", "person", "persons", "civilians", "soldiers", "passengers", "residents", "children", "workers", "police", "officers", "troops", "victims", "migrants", "protesters", "students", "men", "women", "miners", "fans", "pilgrims", "refugees", "crew", "tourists" }.Select(w => PorterStemmer.Stem(w)),
        StringComparer.Ordinal);

    private static readonly Dictionary<string, string> s_fates = new Dictionary<string, string>
    {
        ["killed"] = "killed", ["killing"] = "killed", ["kill"] = "killed", ["dead"] = "killed", ["died"] = "killed", ["die"] = "killed", ["death"] = "killed", ["deaths"] = "killed", ["lives"] = "killed",
        ["injured"] = "injured", ["injuring"] = "injured", ["injuries"] = "injured", ["wounded"] = "injured", ["wounding"] = "injured", ["hurt"] = "injured",
        ["missing"] = "missing", ["arrested"] = "arrested", ["detained"] = "arrested", ["held"] = "arrested", ["evacuated"] = "evacuated", ["rescued"] = "rescued",
        ["displaced"] = "displaced", ["homeless"] = "displaced", ["stranded"] = "stranded", ["trapped"] = "trapped", ["hospitalized"] = "injured", ["hospitalised"] = "injured",
    }.GroupBy(p => PorterStemmer.Stem(p.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    private static readonly HashSet<string> s_meetVerbs = new(StringComparer.OrdinalIgnoreCase) { "met", "meets", "meeting", "encountered", "received", "hosted" };

    private static readonly HashSet<string> s_reportVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "confirmed", "confirms", "told", "announced", "announces", "reported", "reports", "stated", "revealed", "disclosed", "filed",
        "posted", "published", "updated",
    };

    private static readonly HashSet<string> s_futureCues = new(StringComparer.OrdinalIgnoreCase) { "will", "expected", "due", "plans", "planned", "scheduled", "would", "shall", "upcoming" };

    public static List<FactSlot> Extract(AnalyzedArticle article, IReadOnlyList<StoryEntity> entities)
    {
        var slots = new List<FactSlot>();
        EventDate(article, slots);
        Venue(article, slots);
        Durations(article, slots);
        Quantities(article, slots);
        Titles(article, entities, slots);
        Ages(article, entities, slots);
        Meetings(article, entities, slots);
        return slots;
    }

    private static void EventDate(AnalyzedArticle article, List<FactSlot> slots)
    {
        foreach (var date in article.Dates.OrderBy(d => d.Span.Start))
        {
            var sentence = article.SentenceAt(date.Span.Start);
            if (sentence < 0 || sentence >= LeadSentences || date.InDateline || IsFuture(article, date.Span) || IsReportingDate(article, date.Span))
            {
                continue;
            }

            var value = Resolve(date, article.Article.Published, future: false);
            if (value is null)
            {
                continue;
            }

            slots.Add(Slot(article, SlotKind.EventDate, "event-date", "Date of the event", value, date.Span, sentence));
            return;
        }
    }

    /// <summary>A date mention as a calendar day when the publication date allows, else a weekday.</summary>
    public static SlotValue? Resolve(DateMention date, DateTimeOffset? published, bool future)
    {
        DateOnly? day = null;
        if (published is { } when)
        {
            var reference = DateOnly.FromDateTime(when.DateTime);
            if (date.Month is { } month && date.Day is { } dayOfMonth)
            {
                var year = date.Year ?? reference.Year;
                if (dayOfMonth <= DateTime.DaysInMonth(year, month))
                {
                    day = new DateOnly(year, month, dayOfMonth);
                    if (date.Year is null && day > reference.AddDays(1) && dayOfMonth <= DateTime.DaysInMonth(year - 1, month))
                    {
                        day = new DateOnly(year - 1, month, dayOfMonth);
                    }
                }
            }
            else if (date.RelativeDays is { } offset)
            {
                day = reference.AddDays(offset);
            }
            else if (date.Weekday is { } weekday)
            {
                var back = ((int)reference.DayOfWeek - (int)weekday + 7) % 7;
                day = future ? reference.AddDays(back == 0 ? 7 : 7 - back) : reference.AddDays(-back);
            }
        }
        else if (date is { Month: { } m, Day: { } d, Year: { } y } && d <= DateTime.DaysInMonth(y, m))
        {
            day = new DateOnly(y, m, d);
        }

        if (day is { } resolved)
        {
            return new SlotValue(resolved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), resolved.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture));
        }

        return date.Weekday is { } only ? new SlotValue("weekday:" + only, only.ToString()) : null;
    }

    private static void Venue(AnalyzedArticle article, List<FactSlot> slots)
    {
        foreach (var mention in article.Mentions.Where(m => m.Kind == EntityKind.Place && m.Canonical is null && m.Sentence < VenueSentences).OrderBy(m => m.Span.Start))
        {
            var before = article.Text[Math.Max(0, mention.Span.Start - 12)..mention.Span.Start].ToLowerInvariant();
            if (!(before.EndsWith(" at the ", StringComparison.Ordinal) || before.EndsWith(" in the ", StringComparison.Ordinal) || before.EndsWith(" at ", StringComparison.Ordinal) || before.EndsWith("inside the ", StringComparison.Ordinal)))
            {
                continue;
            }

            var key = NameMatcher.Fold(mention.Name);
            slots.Add(Slot(article, SlotKind.Venue, "venue", "Venue", new SlotValue(key, mention.Name), mention.Span, mention.Sentence) with { SentenceTerms = LeadTerms(article, VenueSentences) });
            return;
        }
    }

    private static void Durations(AnalyzedArticle article, List<FactSlot> slots)
    {
        foreach (var duration in article.Durations)
        {
            var sentence = article.SentenceAt(duration.Span.Start);
            var anchor = EventNounNear(article, duration.Span, sentence);
            if (sentence < 0 || anchor is null)
            {
                continue;
            }

            var (low, high) = Range(duration.Seconds, duration.Qualifier);
            var display = article.Text[duration.Span.Range];
            var value = new SlotValue(duration.Iso + Suffix(duration.Qualifier), display, low, high) { Normal = QualifierWords(duration.Qualifier) + HumanDuration(duration.Seconds) };
            slots.Add(Slot(article, SlotKind.Duration, "duration:" + anchor, $"Duration of the {anchor}", value, duration.Span, sentence));
        }
    }

    private static void Quantities(AnalyzedArticle article, List<FactSlot> slots)
    {
        foreach (var quantity in article.Quantities)
        {
            var sentence = article.SentenceAt(quantity.Span.Start);
            if (sentence < 0)
            {
                continue;
            }

            var (low, high) = Range(quantity.Value, quantity.Qualifier);
            if (quantity.Low is { } rangeLow)
            {
                low = Range(rangeLow, quantity.Qualifier).Low; // "2,500 to 3,000 people" agrees with any count between
            }

            var display = article.Text[quantity.Span.Range];
            var window = WindowTerms(article, quantity.Span, 5);
            switch (quantity.Kind)
            {
                case QuantityKind.Money:
                    var anchor = window.FirstOrDefault(s_moneyAnchors.Contains);
                    if (anchor is not null)
                    {
                        var money = new SlotValue($"{quantity.Unit} {quantity.Value.ToString("0.##", CultureInfo.InvariantCulture)}{Suffix(quantity.Qualifier)}", display, low, high) { Normal = QualifierWords(quantity.Qualifier) + HumanMoney(quantity.Value, quantity.Unit) };
                        slots.Add(Slot(article, SlotKind.Money, $"money:{quantity.Unit}:{anchor}", $"Amount ({anchor})", money, quantity.Span, sentence));
                    }

                    break;
                case QuantityKind.Percent:
                    var change = window.Select(t => s_percentAnchors.GetValueOrDefault(t)).FirstOrDefault(c => c is not null);
                    if (change is not null)
                    {
                        var percent = new SlotValue($"{quantity.Value.ToString("0.##", CultureInfo.InvariantCulture)}%{Suffix(quantity.Qualifier)}", display, low, high) { Normal = QualifierWords(quantity.Qualifier) + quantity.Value.ToString("0.##", CultureInfo.InvariantCulture) + "%" };
                        slots.Add(Slot(article, SlotKind.Percent, $"percent:{change}", $"Percentage ({change})", percent, quantity.Span, sentence));
                    }

                    break;
                default:
                    // "three of the seven trawlers" counts a part; the whole is told elsewhere, so the part is no total to compare.
                    if (quantity.Whole is not null)
                    {
                        break;
                    }

                    // A count of people says nothing until we know what happened to them: "14 people died" and
                    // "600 people were evacuated" are about different things.
                    var fate = "";
                    if (s_personNouns.Contains(quantity.Unit))
                    {
                        fate = FateOf(article, quantity.Span) ?? "";
                        if (fate.Length == 0)
                        {
                            break;
                        }
                    }

                    if (quantity.Qualifier == Qualifier.Exact && quantity.Low is null && IsCountedOneByOne(quantity.Value))
                    {
                        (low, high) = (quantity.Value, quantity.Value);
                    }

                    (string Key, string Normal) from = quantity.Low is { } least
                        ? (least.ToString("0.##", CultureInfo.InvariantCulture) + "-", least.ToString("#,0.##", CultureInfo.InvariantCulture) + " to ")
                        : ("", "");
                    var count = new SlotValue($"{from.Key}{quantity.Value.ToString("0.##", CultureInfo.InvariantCulture)} {quantity.Unit}{Suffix(quantity.Qualifier)}", display, low, high) { Normal = QualifierWords(quantity.Qualifier) + from.Normal + quantity.Value.ToString("#,0.##", CultureInfo.InvariantCulture) };
                    slots.Add(fate.Length == 0
                        ? Slot(article, SlotKind.Count, $"count:{quantity.Unit}", $"Number of {quantity.Noun}", count, quantity.Span, sentence)
                        : Slot(article, SlotKind.Count, $"count:{quantity.Unit}:{fate}", $"Number of {quantity.Noun} {fate}", count, quantity.Span, sentence));
                    break;
            }
        }
    }

    private static void Titles(AnalyzedArticle article, IReadOnlyList<StoryEntity> entities, List<FactSlot> slots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in entities.Where(e => e.Kind == EntityKind.Person))
        {
            foreach (var mention in entity.Mentions.Where(m => m.ArticleId == article.Id && m.Mention.Title is not null && m.Mention.TitleSpan is not null))
            {
                var title = NormalizedTitle.Parse(mention.Mention.Title!);
                if (title.Head.Length == 0 || !seen.Add(entity.Id + "|" + title.Head))
                {
                    continue;
                }

                var span = new TextSpan(Math.Min(mention.Mention.TitleSpan!.Value.Start, mention.Mention.Span.Start), Math.Max(mention.Mention.TitleSpan.Value.End, mention.Mention.Span.End));
                slots.Add(Slot(article, SlotKind.Title, $"title:{entity.Id}:{title.Head}", $"Title of {entity.Name}", new SlotValue(title.Key, mention.Mention.Title!), span, mention.Mention.Sentence));
            }
        }
    }

    /// <summary>
    /// People's ages where the text ties them to the name: "Aaron Kell, 21," / "Aaron Kell (21)" / "Aaron Kell,
    /// aged 21" after it, or "the 21-year-old student Aaron Kell" just before it, with nothing between that could
    /// introduce someone else ("a 21-year-old who was beaten by Aaron Kell", "the 26-year-old head of Kell Media").
    /// </summary>
    private static void Ages(AnalyzedArticle article, IReadOnlyList<StoryEntity> entities, List<FactSlot> slots)
    {
        var text = article.Text;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in entities.Where(e => e.Kind == EntityKind.Person))
        {
            foreach (var mention in entity.Mentions.Where(m => m.ArticleId == article.Id).Select(m => m.Mention))
            {
                var sentence = article.Sentences[mention.Sentence].Span;
                var after = AgeAfterName().Match(text, mention.Span.End, Math.Min(32, sentence.End - mention.Span.End));
                var gapStart = Math.Max(sentence.Start, mention.Span.Start - 80);
                var before = AgeBeforeName().Match(text[gapStart..mention.Span.Start]);
                var (value, span) = after.Success
                    ? (after.Groups["age"].Value, new TextSpan(after.Groups["age"].Index, after.Groups["age"].Index + after.Groups["age"].Length))
                    : before.Success
                        ? (before.Groups["age"].Value, new TextSpan(gapStart + before.Groups["age"].Index, gapStart + before.Groups["age"].Index + before.Groups["age"].Length + "-year-old".Length))
                        : ("", default);
                if (!int.TryParse(value, CultureInfo.InvariantCulture, out var age) || age is < 1 or > 120 || !seen.Add(entity.Id + "|" + value))
                {
                    continue;
                }

                slots.Add(Slot(article, SlotKind.Age, $"age:{entity.Id}", $"Age of {entity.Name}", new SlotValue(value, value, age, age), span, mention.Sentence));
            }
        }
    }

    // Right after the name: ", 21," / ", 21." / " (21)" / ", aged 21" (not ", 21 percent" or ", 6-3").
    [GeneratedRegex(@"\G(?:,\s*(?:aged\s+)?(?<age>\d{1,3})(?=\s*[,.;)]|\s*$)|\s*\((?:aged\s+)?(?<age>\d{1,3})\))")]
    private static partial Regex AgeAfterName();

    // Just before the name, in the same clause: "21-year-old (retired) pilot " with no word between that starts a
    // clause or ties the age to someone else ("the 26-year-old cofounder of Netscape").
    [GeneratedRegex(@"\b(?<age>\d{1,3})-year-old\s+(?:(?!(?:who|which|that|by|and|or|with|of|for|at|in|to|on|was|is|were|said|after|when|from|whose|whom|than)\b)[\w.'’-]+\s+){0,6}$")]
    private static partial Regex AgeBeforeName();

    private static void Meetings(AnalyzedArticle article, IReadOnlyList<StoryEntity> entities, List<FactSlot> slots)
    {
        var people = entities.Where(e => e.Kind == EntityKind.Person)
            .SelectMany(e => e.Mentions.Where(m => m.ArticleId == article.Id).Select(m => (Entity: e, m.Mention)))
            .OrderBy(x => x.Mention.Span.Start)
            .ToList();
        foreach (var sentence in article.Sentences)
        {
            foreach (var token in Tokenizer.Tokenize(article.Text, sentence.Span.Start, sentence.Span.End))
            {
                if (token.Kind != TokenKind.Word || !s_meetVerbs.Contains(article.Text[token.Span.Range]))
                {
                    continue;
                }

                var subject = people.LastOrDefault(p => sentence.Span.Contains(p.Mention.Span.Start) && p.Mention.Span.End <= token.Start);
                var obj = people.FirstOrDefault(p => sentence.Span.Contains(p.Mention.Span.Start) && p.Mention.Span.Start >= token.End);
                if (subject.Entity is null || obj.Entity is null || subject.Entity == obj.Entity)
                {
                    continue;
                }

                var pair = new[] { subject.Entity, obj.Entity }.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
                var label = $"{pair[0].Name} met {pair[1].Name}";
                slots.Add(Slot(article, SlotKind.Meeting, $"meeting:{pair[0].Id}:{pair[1].Id}", label, new SlotValue("met", label), token.Span, sentence.Index));
                break;
            }
        }
    }

    /// <summary>The main event's slots (its date and venue) are about the lead, so their context is the lead's words.</summary>
    private static string[] LeadTerms(AnalyzedArticle article, int sentences) =>
        article.Sentences.Take(sentences).SelectMany(s => s.Terms).Distinct(StringComparer.Ordinal).ToArray();

    private static FactSlot Slot(AnalyzedArticle article, SlotKind kind, string topic, string label, SlotValue value, TextSpan span, int sentence) =>
        new(article.Id, kind, topic, label, value, span, article.Sentences[sentence].Span, sentence, article.Sentences[sentence].Terms) { Published = article.Article.Published };

    /// <summary>
    /// A plain whole number under a thousand that does not end in zero ("157 injured", "65 dead") was counted, not
    /// rounded: another figure is another count. Round figures ("160", "2,000") keep the rounding margin.
    /// </summary>
    private static bool IsCountedOneByOne(double value) => value is > 0 and < 1000 && value == Math.Floor(value) && value % 10 != 0;

    private static (double Low, double High) Range(double value, Qualifier qualifier) => qualifier switch
    {
        Qualifier.About => (value * 0.8, value * 1.2),
        Qualifier.Nearly => (value * 0.75, value),
        Qualifier.AtLeast => (value, value * 3),
        Qualifier.AtMost => (0, value),
        _ => (value * 0.97, value * 1.03),
    };

    private static string QualifierWords(Qualifier qualifier) => qualifier switch
    {
        Qualifier.About => "about ",
        Qualifier.Nearly => "nearly ",
        Qualifier.AtLeast => "at least ",
        Qualifier.AtMost => "at most ",
        _ => "",
    };

    /// <summary>"3 hours", "1 hour 40 minutes", "2 years".</summary>
    public static string HumanDuration(double seconds)
    {
        (double Size, string Name)[] units = [(365 * 86400, "year"), (30 * 86400, "month"), (7 * 86400, "week"), (86400, "day"), (3600, "hour"), (60, "minute"), (1, "second")];
        var parts = new List<string>();
        var rest = Math.Round(seconds);
        foreach (var (size, name) in units)
        {
            if (size >= 86400 && seconds < 2 * 86400)
            {
                continue; // "24 hours" reads better than "1 day"
            }

            var n = Math.Floor(rest / size);
            if (n >= 1 && parts.Count < 2)
            {
                parts.Add($"{n.ToString(CultureInfo.InvariantCulture)} {name}{(n == 1 ? "" : "s")}");
                rest -= n * size;
            }
            else if (parts.Count > 0)
            {
                break;
            }
        }

        return parts.Count == 0 ? "0 seconds" : string.Join(' ', parts);
    }

    /// <summary>"€45 million", "$3.5 billion", "GBP 12,000".</summary>
    public static string HumanMoney(double value, string currency)
    {
        var symbol = currency switch { "EUR" => "€", "USD" => "$", "GBP" => "£", "JPY" => "¥", _ => currency + " " };
        return value switch
        {
            >= 1e9 => $"{symbol}{(value / 1e9).ToString("0.##", CultureInfo.InvariantCulture)} billion",
            >= 1e6 => $"{symbol}{(value / 1e6).ToString("0.##", CultureInfo.InvariantCulture)} million",
            _ => $"{symbol}{value.ToString("#,0.##", CultureInfo.InvariantCulture)}",
        };
    }

    private static string Suffix(Qualifier qualifier) => qualifier switch
    {
        Qualifier.About => " (about)",
        Qualifier.Nearly => " (nearly)",
        Qualifier.AtLeast => " (at least)",
        Qualifier.AtMost => " (at most)",
        _ => "",
    };

    /// <summary>
    /// Whether a date tells when something was said or filed rather than when it happened: a verb of saying comes before
    /// it in its clause ("her spokesman confirmed to reporters on Friday", "Tamm said Friday that ...", "charges were filed Friday").
    /// </summary>
    private static bool IsReportingDate(AnalyzedArticle article, TextSpan date)
    {
        var sentence = article.Sentences[article.SentenceAt(date.Start)].Span;
        var clause = article.Text.AsSpan(sentence.Start, date.Start - sentence.Start).LastIndexOfAny(",;—") is var cut and >= 0 ? sentence.Start + cut + 1 : sentence.Start;
        return Tokenizer.Tokenize(article.Text, clause, date.Start)
            .Where(t => t.Kind == TokenKind.Word)
            .Any(t => s_reportVerbs.Contains(article.Text[t.Span.Range]));
    }

    /// <summary>A date is about the future when a future cue ("will", "expected", "next") comes shortly before it in its clause.</summary>
    private static bool IsFuture(AnalyzedArticle article, TextSpan date)
    {
        var sentence = article.Sentences[article.SentenceAt(date.Start)].Span;
        var before = Tokenizer.Tokenize(article.Text, sentence.Start, date.Start)
            .Where(t => t.Kind == TokenKind.Word)
            .TakeLast(8)
            .Select(t => article.Text[t.Span.Range]);
        return before.Any(s_futureCues.Contains);
    }

    /// <summary>
    /// The event noun a duration measures, read from tight patterns only: "three hours of talks",
    /// "a 24-hour strike", "the talks (, which) lasted three hours". A duration near an event noun in any
    /// other way ("a rise over two years ... return to talks") is not about that event.
    /// </summary>
    private static string? EventNounNear(AnalyzedArticle article, TextSpan span, int sentence)
    {
        if (sentence < 0)
        {
            return null;
        }

        var range = article.Sentences[sentence].Span;
        var words = Tokenizer.Tokenize(article.Text, range.Start, range.End).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).ToList();
        string Word(int i) => article.Text[words[i].Span.Range].ToLowerInvariant();
        string? Event(int i) => i >= 0 && i < words.Count ? s_eventNouns.GetValueOrDefault(Word(i)) : null;

        var after = words.FindIndex(t => t.Start >= span.End);
        if (after >= 0)
        {
            // "three hours of (the) talks" / "a 24-hour strike" / "a two-hour (closed-door) meeting"
            if (Word(after) == "of")
            {
                for (var k = after + 1; k <= after + 3 && k < words.Count; k++)
                {
                    if (Event(k) is { } noun)
                    {
                        return noun;
                    }
                }
            }
            else if (article.Text[span.Range].Contains('-', StringComparison.Ordinal))
            {
                for (var k = after; k <= after + 2 && k < words.Count; k++)
                {
                    if (Event(k) is { } noun)
                    {
                        return noun;
                    }
                }
            }
        }

        // "the talks lasted three hours" / "talks, which lasted three hours"
        var before = words.FindLastIndex(t => t.End <= span.Start);
        if (before >= 0 && Word(before) is "lasted" or "lasting" or "last" or "lasts" or "took" or "ran")
        {
            for (var k = before - 1; k >= Math.Max(0, before - 6); k--)
            {
                if (Event(k) is { } noun)
                {
                    return noun;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What happened to the people counted: the verb just before the count ("killing two people"), else one
    /// shortly after ("14 people had died"), else one further before ("the blast left 24 people wounded").
    /// </summary>
    private static string? FateOf(AnalyzedArticle article, TextSpan span)
    {
        var sentence = article.Sentences[article.SentenceAt(span.Start)].Span;
        var tokens = Tokenizer.Tokenize(article.Text, sentence.Start, sentence.End).Where(t => t.Kind == TokenKind.Word).ToList();
        string? Fate(Token t) => s_fates.GetValueOrDefault(PorterStemmer.Stem(article.Text[t.Span.Range].ToLowerInvariant()));
        var before = tokens.Where(t => t.End <= span.Start).Reverse().Take(5).ToList();
        var after = tokens.Where(t => t.Start >= span.End).Take(4);
        return (before.Count > 0 ? Fate(before[0]) : null)
            ?? after.Select(Fate).FirstOrDefault(f => f is not null)
            ?? before.Skip(1).Select(Fate).FirstOrDefault(f => f is not null);
    }

    private static List<string> WindowTerms(AnalyzedArticle article, TextSpan span, int words)
    {
        var sentence = article.Sentences[article.SentenceAt(span.Start)].Span;
        var tokens = Tokenizer.Tokenize(article.Text, sentence.Start, sentence.End).Where(t => t.Kind == TokenKind.Word).ToList();
        var after = tokens.Where(t => t.Start >= span.End).Take(words);
        var before = tokens.Where(t => t.End <= span.Start).Reverse().Take(words);
        return after.Concat(before)
            .Select(t => article.Text[t.Span.Range].ToLowerInvariant())
            .Where(w => !Stopwords.Contains(w))
            .Select(PorterStemmer.Stem)
            .ToList();
    }
}
