using Chorus.Text;

namespace Chorus.Facts;

/// <summary>The exact words of an article that back a value.</summary>
public sealed record Evidence(string Source, TextSpan Span, string Text);

/// <summary>
/// One side of a conflict: a value, the articles that state it, and their words. <see cref="VersionOf"/> names the
/// article whose value every source of this side changed, when all of them are copies of it: an agency's revised
/// version of its story, or a copying error.
/// </summary>
public sealed record ConflictValue(string Value, IReadOnlyList<string> Sources, IReadOnlyList<Evidence> Evidence, int Origins, string? VersionOf = null);

/// <summary>
/// Sources that state incompatible values about the same thing. <see cref="Confidence"/> is <see cref="Confirmed"/> for a
/// disagreement the brief states, <see cref="Possible"/> for a lead a reader should check; <see cref="Score"/> (0-1)
/// ranks them; an update (<see cref="IsUpdate"/>) is a later report that changes a value, its sides in date order.
/// </summary>
public sealed record Conflict(string Topic, SlotKind Kind, IReadOnlyList<ConflictValue> Values)
{
    public const string Confirmed = "confirmed";
    public const string Possible = "possible";

    public string Confidence { get; init; } = Confirmed;

    public double Score { get; init; } = 1;

    public bool IsUpdate { get; init; }
}

/// <summary>A value a copy states where its own source says something incompatible about the same thing: garbling, most often.</summary>
public sealed record Deviation(string ArticleId, string SourceId, string Topic, string Value, string SourceValue, Evidence Evidence);

/// <summary>A value that two or more independent origins state, with nothing contradicting it.</summary>
public sealed record Agreement(string Statement, SlotKind Kind, IReadOnlyList<string> Sources, int Origins);

/// <summary>
/// Aligns the slots of a story and gives each aligned group a verdict. Within a topic, slots are about the same
/// thing only when their sentences share enough content and name the same time ("in May", "2023"); those
/// groups are then split into classes of compatible values ("Wednesday" with "Wednesday evening", "three hours"
/// with "more than three hours"). Precision comes first, so two classes conflict only when no origin states both
/// (one origin stating two values is talking about two things), and when a pair of their slots is a clean
/// statement each: not one of several values of its kind in one sentence ("rose 6.5% in March and 6% in May"),
/// not hedged ("could", "if", "forecast") or a question, and of the same polarity. Different days and figures
/// from reports more than two days apart are a running story's updates unless worded nearly alike. Copies share
/// their origin, so they never outvote independent reports; a copy that changes its source's value (a revised
/// version, a copying error) stands for itself on that value, and its side of the conflict names the source it changed.
/// </summary>
public static class SlotAligner
{
    // Case matters: "may" hedges, "May" is a month.
    private static readonly HashSet<string> s_hedges = new(StringComparer.Ordinal)
    {
        "could", "may", "might", "would", "if", "If", "unless", "Unless", "forecast", "forecasts", "projected", "projects", "predicted", "predicts",
        "expected", "expects", "estimate", "estimates", "estimated", "likely", "possibly", "perhaps", "whether", "target", "aims",
    };

    private static readonly HashSet<string> s_timeWords = new(
        new[] { "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "quarter", "yesterday" }
            .Select(w => PorterStemmer.Stem(w)),
        StringComparer.Ordinal);

    /// <summary>
    /// A figure is stated as agreed only when some source gives it in its first sentences: what the story is about. A
    /// count deep in the text is background (a player's season statistics, the weapons of an earlier raid).
    /// </summary>
    public const int LeadOfFigures = 4;

    public static (List<Agreement> Agreements, List<Conflict> Conflicts) Align(IReadOnlyList<FactSlot> slots, Func<string, string> originOf, Func<string, string> textOf) =>
        Align(slots, originOf, textOf, Changed(slots, originOf, textOf));

    /// <summary>Aligns with the copies' changed values already found (<see cref="Changed"/>), which deviations also report.</summary>
    internal static (List<Agreement> Agreements, List<Conflict> Conflicts) Align(
        IReadOnlyList<FactSlot> slots, Func<string, string> originOf, Func<string, string> textOf, IReadOnlyList<(FactSlot Copy, FactSlot Source)> changedValues)
    {
        var agreements = new List<Agreement>();
        var conflicts = new List<Conflict>();
        var ambiguous = Ambiguous(slots);
        string OriginOfSlot(FactSlot s) => originOf(s.ArticleId);
        // A copy that changes a value of its source (an agency's revised version, a copying error) speaks for itself
        // on that value; versions of one origin that carry the same changed value speak with one voice.
        var changed = changedValues.Select(c => c.Copy).ToHashSet();
        string VoiceOf(FactSlot s) => changed.Contains(s) ? $"{originOf(s.ArticleId)}#{s.Value.Key}" : originOf(s.ArticleId);
        foreach (var topic in slots.GroupBy(s => s.Topic, StringComparer.Ordinal).OrderBy(g => g.Min(s => s.Sentence)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var kind = topic.First().Kind;
            var profiles = topic.Select(s => new Profile(s, textOf(s.ArticleId))).ToList();
            // Agreement may rest on looser wording ("a €45m fund" / "a fund worth 45 million euros") than a conflict may.
            var least = LeastSimilarity(kind);
            bool Related(Profile a, Profile b) => Linked(a, b, kind, least * 0.6);
            bool Same(Profile a, Profile b) => Linked(a, b, kind, least);
            // Of the agreements on different things under one topic, only the best supported is stated: "Date of the
            // event: Sunday" beside "Date of the event: Friday" would read as a contradiction the sources do not make.
            Agreement? agreed = null;
            foreach (var group in SameThing(profiles, Related))
            {
                var classes = Classes(group);
                var conflicting = ConflictingClasses(classes, VoiceOf, ambiguous, Same);
                if (conflicting.Count >= 2)
                {
                    var values = conflicting
                        .OrderByDescending(c => Origins(c, VoiceOf))
                        .ThenBy(c => c.Min(p => p.Slot.Sentence))
                        .Select(c => new ConflictValue(
                            Display(c),
                            c.Select(p => p.Slot.ArticleId).Distinct(StringComparer.Ordinal).ToList(),
                            EvidenceByOrigin(c, VoiceOf, textOf),
                            Origins(c, VoiceOf),
                            c.All(p => changed.Contains(p.Slot)) && c.Select(p => originOf(p.Slot.ArticleId)).Distinct(StringComparer.Ordinal).ToList() is [var source] ? source : null))
                        .ToList();
                    conflicts.Add(new Conflict(topic.First().TopicLabel, kind, values));
                    continue;
                }

                // An agreement stands when no other value comes from an origin outside it: an origin that also
                // states the main value is talking about something else with its other one ("12%" cut, "at least 20%" asked).
                // The fact is cited by the sources that state its value, not by those whose vaguer value merely allows it
                // ("at least 30" does not state 33).
                var main = classes.OrderByDescending(c => Origins(c, OriginOfSlot)).First();
                var mainOrigins = main.Select(p => originOf(p.Slot.ArticleId)).ToHashSet(StringComparer.Ordinal);
                var stated = Stated(main);
                var stating = main.Where(p => States(p.Slot, stated.Slot)).ToList();
                var origins = Origins(stating, OriginOfSlot);
                if (origins >= 2 && origins > (agreed?.Origins ?? 0) && classes.All(c => c == main || c.All(p => mainOrigins.Contains(originOf(p.Slot.ArticleId))))
                    && (kind is not (SlotKind.Count or SlotKind.Money or SlotKind.Percent) || stating.Any(p => p.Slot.Sentence < LeadOfFigures)))
                {
                    agreed = new Agreement(Statement(topic.First(), stated.Slot.Value.Normal), kind, stating.Select(p => p.Slot.ArticleId).Distinct(StringComparer.Ordinal).ToList(), origins);
                }
            }

            if (agreed is not null)
            {
                agreements.Add(agreed);
            }
        }

        return (agreements, conflicts);
    }

    /// <summary>
    /// The values a copy changed: slots of a copy (an article whose origin is another article) that its origin also
    /// fills for the same topic, in a sentence about the same thing, with no compatible value. They become trust
    /// notes on the copy; in <see cref="Align"/> the same changed values are conflict sides of their own.
    /// </summary>
    public static List<Deviation> Deviations(IReadOnlyList<FactSlot> slots, Func<string, string> originOf, Func<string, string> textOf) =>
        Deviations(Changed(slots, originOf, textOf), textOf);

    internal static List<Deviation> Deviations(IReadOnlyList<(FactSlot Copy, FactSlot Source)> changed, Func<string, string> textOf) =>
        changed
            .Select(c => new Deviation(c.Copy.ArticleId, c.Source.ArticleId, c.Copy.TopicLabel, c.Copy.Value.Display, c.Source.Value.Display, new Evidence(c.Copy.ArticleId, c.Copy.Evidence, textOf(c.Copy.ArticleId)[c.Copy.Evidence.Range])))
            .ToList();

    /// <summary>Each slot of a copy that changes a value its source states about the same thing, with the source's slot.</summary>
    internal static List<(FactSlot Copy, FactSlot Source)> Changed(IReadOnlyList<FactSlot> slots, Func<string, string> originOf, Func<string, string> textOf)
    {
        var changed = new List<(FactSlot, FactSlot)>();
        var reported = new HashSet<(string, string, string)>();
        var byArticleTopic = slots.ToLookup(s => (s.ArticleId, s.Topic));
        foreach (var slot in slots)
        {
            var source = originOf(slot.ArticleId);
            var said = byArticleTopic[(source, slot.Topic)].ToList();
            if (source == slot.ArticleId || said.Count == 0 || said.Any(s => Compatible(s, slot))
                || reported.Contains((slot.ArticleId, slot.TopicLabel, slot.Value.Display)))
            {
                continue;
            }

            var copy = new Profile(slot, textOf(slot.ArticleId));
            if (said.Select(s => new Profile(s, textOf(source))).FirstOrDefault(p => Linked(copy, p, slot.Kind, LeastSimilarity(slot.Kind))) is { } original)
            {
                reported.Add((slot.ArticleId, slot.TopicLabel, slot.Value.Display));
                changed.Add((slot, original.Slot));
            }
        }

        return changed;
    }

    /// <summary>A slot with what alignment reads of its sentence: content words (no numbers), time words, and hedges.</summary>
    private sealed class Profile
    {
        public Profile(FactSlot slot, string text)
        {
            Slot = slot;
            Content = slot.SentenceTerms.Where(t => !t.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
            Names = new HashSet<string>(StringComparer.Ordinal);
            // The period a sentence names, without its dateline ("TALLINN, March 11 (BWS) -" dates the filing, not the figure).
            var dateline = slot.Evidence.End <= text.Length ? Dateline.Length(text, slot.Evidence.Start, slot.Evidence.Length) : 0;
            var periodTerms = dateline > 0 ? TextAnalyzer.Terms(text, slot.Evidence.Start + dateline, slot.Evidence.End) : slot.SentenceTerms;
            Times = periodTerms.Where(t => s_timeWords.Contains(t) || IsYear(t)).ToHashSet(StringComparer.Ordinal);
            var sentence = slot.Evidence.End <= text.Length ? text.AsSpan(slot.Evidence.Start, slot.Evidence.Length).TrimEnd() : [];
            Hedged = sentence.EndsWith("?"); // a question states nothing
            foreach (var range in sentence.SplitAny(" ,;:()\"“”"))
            {
                var word = sentence[range];
                if (word.Length > 1 && char.IsUpper(word[0]) && range.Start.Value > 0)
                {
                    Names.Add(PorterStemmer.Stem(word.ToString().ToLowerInvariant().TrimEnd('\'', '’', 's')));
                }

                Hedged |= s_hedges.Contains(word.ToString());
                Negated |= word.Equals("not", StringComparison.OrdinalIgnoreCase) || word.Equals("no", StringComparison.OrdinalIgnoreCase)
                    || word.Equals("never", StringComparison.OrdinalIgnoreCase) || word.Equals("without", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n't");
            }
        }

        public FactSlot Slot { get; }

        public HashSet<string> Content { get; }

        public HashSet<string> Times { get; }

        public bool Hedged { get; }

        /// <summary>Stems of capitalised words inside the sentence: names, which say who but not what happened.</summary>
        public HashSet<string> Names { get; }

        /// <summary>The sentence denies something: "10 states do not have the law" is not "40 states have it".</summary>
        public bool Negated { get; }

        private static bool IsYear(string term) => term.Length == 5 && int.TryParse(term.AsSpan(1), out var year) && year is >= 1900 and <= 2100;
    }

    /// <summary>How much content two sentences must share (set cosine) for their values to be about the same thing.</summary>
    private static double LeastSimilarity(SlotKind kind) => kind switch
    {
        SlotKind.Title or SlotKind.Meeting or SlotKind.Age => 0.0,
        SlotKind.Duration => 0.2,
        SlotKind.EventDate => 0.2,
        SlotKind.Venue => 0.3,
        _ => 0.35,
    };

    /// <summary>Groups of slots about the same thing: the connected parts of the "same" relation (single link).</summary>
    private static List<List<Profile>> SameThing(List<Profile> profiles, Func<Profile, Profile, bool> same)
    {
        var parent = Enumerable.Range(0, profiles.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < profiles.Count; i++)
        {
            for (var j = i + 1; j < profiles.Count; j++)
            {
                if (Find(i) != Find(j) && same(profiles[i], profiles[j]))
                {
                    parent[Find(i)] = Find(j);
                }
            }
        }

        return profiles.Select((p, i) => (p, Root: Find(i))).GroupBy(x => x.Root).Select(g => g.Select(x => x.p).ToList()).ToList();
    }

    private static bool Linked(Profile a, Profile b, SlotKind kind, double least)
    {
        if (least == 0)
        {
            return true;
        }

        // Numbers must be about the same period ("in May" is not "in June"; "in 2023" is not a figure with no time).
        var numeric = kind is SlotKind.Money or SlotKind.Percent or SlotKind.Count or SlotKind.Duration;
        if (numeric && (!(a.Times.IsSubsetOf(b.Times) || b.Times.IsSubsetOf(a.Times)) || (a.Times.Count == 0) != (b.Times.Count == 0)))
        {
            return false;
        }

        // Coverage of a running story reports a new day's events and figures each day: two reports of a different
        // day or figure are about the same moment only when both were published in the same news cycle, or when
        // they say the same thing nearly word for word.
        if (kind is not (SlotKind.Title or SlotKind.Meeting or SlotKind.Venue) && !SameNewsCycle(a.Slot, b.Slot) && a.Slot.Value.Key != b.Slot.Value.Key)
        {
            least = Math.Max(least, 0.5);
        }

        if (a.Negated != b.Negated)
        {
            return false;
        }

        // Two leads about one story share its names; whether they tell the same event shows in the other words.
        if (kind == SlotKind.EventDate)
        {
            return Clustering.CopyDetector.SetCosine(a.Content.Except(a.Names).ToHashSet(StringComparer.Ordinal), b.Content.Except(b.Names).ToHashSet(StringComparer.Ordinal)) >= least;
        }

        return Clustering.CopyDetector.SetCosine(a.Content, b.Content) >= least;
    }

    private static bool SameNewsCycle(FactSlot a, FactSlot b) =>
        a.Published is { } x && b.Published is { } y && Math.Abs((x - y).TotalDays) <= 2;

    /// <summary>
    /// Slots that share their sentence with another value of their topic ("rose 6.5% in March and 6% in May"): which
    /// value answers which question is unclear. Values of different topics ("killing 12 and injuring 40") are not.
    /// </summary>
    private static HashSet<FactSlot> Ambiguous(IReadOnlyList<FactSlot> slots) =>
        slots.Where(s => s.Kind is not (SlotKind.Title or SlotKind.Meeting or SlotKind.Age))
            .GroupBy(s => (s.ArticleId, s.Sentence, s.Topic))
            .Where(g => g.Select(s => s.Value.Key).Distinct(StringComparer.Ordinal).Count() > 1)
            .SelectMany(g => g)
            .ToHashSet();

    private static string Statement(FactSlot slot, string value) => slot.Kind switch
    {
        SlotKind.Meeting => slot.TopicLabel,
        SlotKind.Title => $"{slot.TopicLabel["Title of ".Length..]}: {value}",
        _ => $"{slot.TopicLabel}: {value}",
    };

    /// <summary>Greedy classes: a slot joins the first class whose every member is compatible with it.</summary>
    private static List<List<Profile>> Classes(List<Profile> group)
    {
        var ordered = group.GroupBy(p => p.Slot.Value.Key, StringComparer.Ordinal).OrderByDescending(g => g.Count()).SelectMany(g => g);
        return GreedyGroups.Of(ordered, (members, p) => members.All(m => Compatible(m.Slot, p.Slot)));
    }

    private static bool Compatible(FactSlot a, FactSlot b)
    {
        if (a.Value.Key == b.Value.Key)
        {
            return true;
        }

        return a.Kind switch
        {
            SlotKind.EventDate => SameDay(a.Value.Key, b.Value.Key),
            SlotKind.Venue => a.Value.Key.Contains(b.Value.Key, StringComparison.Ordinal) || b.Value.Key.Contains(a.Value.Key, StringComparison.Ordinal),
            SlotKind.Title => NormalizedTitle.Parse(a.Value.Display).CompatibleWith(NormalizedTitle.Parse(b.Value.Display)),
            SlotKind.Meeting => true,
            SlotKind.Age => OneBirthdayApart(a, b),
            _ => a.Value.Low <= b.Value.High && b.Value.Low <= a.Value.High,
        };
    }

    /// <summary>
    /// Ages agree when they differ by no more than the years between the reports, plus one: a birthday may fall between
    /// reports of different days, and a trial two years on gives an age two years on.
    /// </summary>
    private static bool OneBirthdayApart(FactSlot a, FactSlot b) =>
        a.Published is { } x && b.Published is { } y && x.Date != y.Date
        && Math.Abs(a.Value.Low - b.Value.Low) <= Math.Floor(Math.Abs((x - y).TotalDays) / 365.25) + 1;

    private static bool SameDay(string a, string b)
    {
        static DayOfWeek? Weekday(string key) =>
            key.StartsWith("weekday:", StringComparison.Ordinal) ? Enum.Parse<DayOfWeek>(key["weekday:".Length..]) :
            DateOnly.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d.DayOfWeek : null;

        var weekdayOnly = a.StartsWith("weekday:", StringComparison.Ordinal) || b.StartsWith("weekday:", StringComparison.Ordinal);
        return weekdayOnly && Weekday(a) == Weekday(b);
    }

    /// <summary>
    /// The classes that take part in a conflict: each has a rival with disjoint origins, and a pair of clean
    /// statements (one per class), themselves about the same thing, says the two values.
    /// </summary>
    private static List<List<Profile>> ConflictingClasses(List<List<Profile>> classes, Func<FactSlot, string> voiceOf, HashSet<FactSlot> ambiguous, Func<Profile, Profile, bool> same)
    {
        // An age stated beside a name is a fact whatever the clause says ("Aaron Kell, 21, could face life").
        bool Clean(Profile p) => p.Slot.Kind == SlotKind.Age || (!p.Hedged && !ambiguous.Contains(p.Slot) && (p.Slot.Kind is SlotKind.Title or SlotKind.Meeting || p.Content.Count >= 4));
        var result = new List<List<Profile>>();
        for (var i = 0; i < classes.Count; i++)
        {
            for (var j = 0; j < classes.Count; j++)
            {
                if (i == j || result.Contains(classes[i]))
                {
                    continue;
                }

                var originsA = classes[i].Select(p => voiceOf(p.Slot)).ToHashSet(StringComparer.Ordinal);
                var originsB = classes[j].Select(p => voiceOf(p.Slot)).ToHashSet(StringComparer.Ordinal);
                if (!originsA.Overlaps(originsB) && classes[i].Any(a => Clean(a) && classes[j].Any(b => Clean(b) && same(a, b))))
                {
                    result.Add(classes[i]);
                }
            }
        }

        return result;
    }

    private static int Origins(List<Profile> group, Func<FactSlot, string> voiceOf) =>
        group.Select(p => voiceOf(p.Slot)).Distinct(StringComparer.Ordinal).Count();

    /// <summary>One piece of evidence per origin: the origin's own words when it is in the class, else its first copy's.</summary>
    private static List<Evidence> EvidenceByOrigin(List<Profile> group, Func<FactSlot, string> voiceOf, Func<string, string> textOf) =>
        group.Select(p => p.Slot)
            .GroupBy(voiceOf, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(s => s.ArticleId == g.Key) ?? g.First())
            .Select(s => new Evidence(s.ArticleId, s.Evidence, textOf(s.ArticleId)[s.Evidence.Range]))
            .ToList();

    /// <summary>The member whose value an agreement states: the first that names a calendar day rather than a weekday.</summary>
    private static Profile Stated(List<Profile> group) =>
        group.FirstOrDefault(p => !p.Slot.Value.Key.StartsWith("weekday:", StringComparison.Ordinal)) ?? group[0];

    /// <summary>
    /// Whether a slot states the value of another: the same value, or one compatible with it and no vaguer ("Wednesday"
    /// states "5 May 2010", a Wednesday; "at least 30" and "about 300" do not state 33 or 310).
    /// </summary>
    private static bool States(FactSlot slot, FactSlot stated) =>
        slot.Value.Key == stated.Value.Key
        || (Compatible(slot, stated) && slot.Value.Low >= stated.Value.Low && slot.Value.High <= stated.Value.High);

    /// <summary>The most common wording of a class; for dates, one that names the calendar day when any does.</summary>
    private static string Display(List<Profile> group)
    {
        var candidates = group.Where(p => !p.Slot.Value.Key.StartsWith("weekday:", StringComparison.Ordinal)).ToList();
        return (candidates.Count > 0 ? candidates : group)
            .GroupBy(p => p.Slot.Value.Display, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
    }
}
