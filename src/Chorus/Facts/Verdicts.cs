using Chorus.Text;

namespace Chorus.Facts;

/// <summary>The exact words of an article that back a value.</summary>
public sealed record Evidence(string Source, TextSpan Span, string Text);

/// <summary>One side of a conflict: a value, the articles that state it, and their words.</summary>
public sealed record ConflictValue(string Value, IReadOnlyList<string> Sources, IReadOnlyList<Evidence> Evidence, int Origins);

/// <summary>Sources that state incompatible values about the same thing.</summary>
public sealed record Conflict(string Topic, SlotKind Kind, IReadOnlyList<ConflictValue> Values);

/// <summary>A value that two or more independent origins state, with nothing contradicting it.</summary>
public sealed record Agreement(string Statement, SlotKind Kind, IReadOnlyList<string> Sources, int Origins);

/// <summary>
/// Aligns the slots of a story by topic and gives each topic a verdict. Values are grouped into classes of
/// compatible values ("Wednesday" with "Wednesday evening", "three hours" with "more than three hours").
/// Two classes conflict only when no origin states both (one origin stating two values is talking about two
/// things) and, for numbers, when their sentences are about the same thing. Copies share their origin, so a
/// garbled copy never makes a conflict with its own source.
/// </summary>
public static class SlotAligner
{
    public static (List<Agreement> Agreements, List<Conflict> Conflicts) Align(IReadOnlyList<FactSlot> slots, Func<string, string> originOf, Func<string, string> textOf)
    {
        var agreements = new List<Agreement>();
        var conflicts = new List<Conflict>();
        foreach (var topic in slots.GroupBy(s => s.Topic, StringComparer.Ordinal).OrderBy(g => g.Min(s => s.Sentence)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var classes = Classes(topic.ToList());
            var kind = topic.First().Kind;
            var conflicting = ConflictingClasses(classes, kind, originOf);
            if (conflicting.Count >= 2)
            {
                var values = conflicting
                    .OrderByDescending(c => Origins(c, originOf))
                    .ThenBy(c => c.Min(s => s.Sentence))
                    .Select(c => new ConflictValue(
                        Display(c),
                        c.Select(s => s.ArticleId).Distinct(StringComparer.Ordinal).ToList(),
                        EvidenceByOrigin(c, originOf, textOf),
                        Origins(c, originOf)))
                    .ToList();
                conflicts.Add(new Conflict(topic.First().TopicLabel, kind, values));
                continue;
            }

            var main = classes.OrderByDescending(c => Origins(c, originOf)).First();
            var origins = Origins(main, originOf);
            if (origins >= 2 && classes.Count == 1)
            {
                agreements.Add(new Agreement(Statement(topic.First(), Normal(main)), kind, main.Select(s => s.ArticleId).Distinct(StringComparer.Ordinal).ToList(), origins));
            }
        }

        return (agreements, conflicts);
    }

    private static string Statement(FactSlot slot, string value) => slot.Kind switch
    {
        SlotKind.Meeting => slot.TopicLabel,
        SlotKind.Title => $"{slot.TopicLabel["Title of ".Length..]}: {value}",
        _ => $"{slot.TopicLabel}: {value}",
    };

    /// <summary>Greedy classes: a slot joins the first class whose every member is compatible with it.</summary>
    private static List<List<FactSlot>> Classes(List<FactSlot> slots)
    {
        var ordered = slots.GroupBy(s => s.Value.Key, StringComparer.Ordinal).OrderByDescending(g => g.Count()).SelectMany(g => g);
        return GreedyGroups.Of(ordered, (members, slot) => members.All(m => Compatible(m, slot)));
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
            _ => a.Value.Low <= b.Value.High && b.Value.Low <= a.Value.High,
        };
    }

    private static bool SameDay(string a, string b)
    {
        static DayOfWeek? Weekday(string key) =>
            key.StartsWith("weekday:", StringComparison.Ordinal) ? Enum.Parse<DayOfWeek>(key["weekday:".Length..]) :
            DateOnly.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d.DayOfWeek : null;

        var weekdayOnly = a.StartsWith("weekday:", StringComparison.Ordinal) || b.StartsWith("weekday:", StringComparison.Ordinal);
        return weekdayOnly && Weekday(a) == Weekday(b);
    }

    /// <summary>The classes that take part in a conflict: each has a rival with disjoint origins about the same thing.</summary>
    private static List<List<FactSlot>> ConflictingClasses(List<List<FactSlot>> classes, SlotKind kind, Func<string, string> originOf)
    {
        var result = new List<List<FactSlot>>();
        for (var i = 0; i < classes.Count; i++)
        {
            for (var j = 0; j < classes.Count; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var originsA = classes[i].Select(s => originOf(s.ArticleId)).ToHashSet(StringComparer.Ordinal);
                var originsB = classes[j].Select(s => originOf(s.ArticleId)).ToHashSet(StringComparer.Ordinal);
                if (!originsA.Overlaps(originsB) && AboutTheSameThing(classes[i], classes[j], kind) && !result.Contains(classes[i]))
                {
                    result.Add(classes[i]);
                }
            }
        }

        return result;
    }

    /// <summary>Numbers must come from sentences that share enough content; dates, venues, titles and anchored durations are aligned by topic alone.</summary>
    private static bool AboutTheSameThing(List<FactSlot> a, List<FactSlot> b, SlotKind kind)
    {
        var least = kind switch
        {
            SlotKind.Percent or SlotKind.Count => 0.2,
            SlotKind.Money => 0.1,
            _ => 0.0,
        };
        if (least == 0)
        {
            return true;
        }

        return a.Any(x => b.Any(y => Similarity(x.SentenceTerms, y.SentenceTerms) >= least));
    }

    private static double Similarity(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        Clustering.CopyDetector.SetCosine(a.ToHashSet(StringComparer.Ordinal), b.ToHashSet(StringComparer.Ordinal));

    private static int Origins(List<FactSlot> slots, Func<string, string> originOf) =>
        slots.Select(s => originOf(s.ArticleId)).Distinct(StringComparer.Ordinal).Count();

    /// <summary>One piece of evidence per origin: the origin's own words when it is in the class, else its first copy's.</summary>
    private static List<Evidence> EvidenceByOrigin(List<FactSlot> slots, Func<string, string> originOf, Func<string, string> textOf) =>
        slots.GroupBy(s => originOf(s.ArticleId), StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(s => s.ArticleId == g.Key) ?? g.First())
            .Select(s => new Evidence(s.ArticleId, s.Evidence, textOf(s.ArticleId)[s.Evidence.Range]))
            .ToList();

    private static string Normal(List<FactSlot> slots) =>
        slots.Where(s => !s.Value.Key.StartsWith("weekday:", StringComparison.Ordinal)).Select(s => s.Value.Normal).FirstOrDefault() ?? slots[0].Value.Normal;

    /// <summary>The most common wording of a class; for dates, one that names the calendar day when any does.</summary>
    private static string Display(List<FactSlot> slots)
    {
        var candidates = slots.Where(s => !s.Value.Key.StartsWith("weekday:", StringComparison.Ordinal)).ToList();
        return (candidates.Count > 0 ? candidates : slots)
            .GroupBy(s => s.Value.Display, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
    }
}
