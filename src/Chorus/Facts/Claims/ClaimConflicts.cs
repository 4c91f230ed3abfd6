using Chorus.Text;

namespace Chorus.Facts.Claims;

/// <summary>
/// Turns scored candidate pairs into a story's conflicts. Pairs are taken from the best score down; a pair joins a
/// conflict that already holds one of its sentences, or one whose sides already hold both its values; otherwise it
/// opens a conflict of its own. A value joins the side it agrees with, so one disagreement read in many articles is
/// one conflict with every article's words on its side. A conflict is confirmed from the verifier's upper cut-off,
/// possible from its lower one; it is an update when one side was published wholly after the other and the values
/// are counts or amounts (a toll that rises), and its sides then come in date order.
/// </summary>
public static class ClaimConflicts
{
    private const int MaxSides = 3;
    private const int MaxEvidenceChars = 360;

    public static List<Conflict> Build(
        IReadOnlyList<AnalyzedArticle> articles,
        IReadOnlyList<ClaimPair> pairs,
        IReadOnlyList<double> scores,
        Func<string, string> originOf,
        double possibleFrom,
        double confirmedFrom)
    {
        var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var groups = new List<Group>();
        foreach (var index in Enumerable.Range(0, pairs.Count).Where(i => scores[i] >= possibleFrom).OrderByDescending(i => scores[i]))
        {
            var pair = pairs[index];
            var group = groups.FirstOrDefault(g => g.Holds(pair.First) || g.Holds(pair.Second))
                ?? groups.FirstOrDefault(g => g.Kind == pair.First.Kind && g.SideOf(pair.First) is { } x && g.SideOf(pair.Second) is { } y && x != y);
            if (group is null)
            {
                groups.Add(group = new Group(pair.First.Kind, scores[index]));
            }

            group.Add(pair.First);
            group.Add(pair.Second);
        }

        return groups
            .Where(g => g.Sides.Count(s => s.Count > 0) >= 2)
            .Select(g => ToConflict(g, byId, originOf, confirmedFrom))
            .Where(c => c.Values.Count >= 2)
            .ToList();
    }

    private static Conflict ToConflict(Group group, Dictionary<string, AnalyzedArticle> byId, Func<string, string> originOf, double confirmedFrom)
    {
        DateTimeOffset? Earliest(List<ClaimValue> side) => side.Select(v => byId[v.ArticleId].Article.Published).Min();
        DateTimeOffset? Latest(List<ClaimValue> side) => side.Select(v => byId[v.ArticleId].Article.Published).Max();
        var sides = group.Sides.Where(s => s.Count > 0).ToList();
        var isUpdate = group.Kind is ValueKind.Count or ValueKind.Money or ValueKind.Percent && sides.Count == 2
            && sides.All(s => s.All(v => byId[v.ArticleId].Article.Published is not null))
            && (Latest(sides[0]) < Earliest(sides[1]) || Latest(sides[1]) < Earliest(sides[0]));
        var ordered = isUpdate
            ? sides.OrderBy(Earliest).ToList()
            : sides.OrderByDescending(s => s.Select(v => originOf(v.ArticleId)).Distinct(StringComparer.Ordinal).Count()).ToList();
        var values = ordered.Select(side => new ConflictValue(
                Display(side[0], byId),
                side.Select(v => v.ArticleId).Distinct(StringComparer.Ordinal).ToList(),
                side.GroupBy(v => v.ArticleId, StringComparer.Ordinal).Select(g => EvidenceOf(g.First(), byId[g.Key])).ToList(),
                side.Select(v => originOf(v.ArticleId)).Distinct(StringComparer.Ordinal).Count()))
            .ToList();
        return new Conflict(Label(group.Kind, sides), SlotKindOf(group.Kind), values)
        {
            Confidence = group.Score >= confirmedFrom ? Conflict.Confirmed : Conflict.Possible,
            Score = Math.Round(group.Score, 3),
            IsUpdate = isUpdate,
        };
    }

    /// <summary>The value as the side's first article writes it ("nearly 18,000", "Tuesday").</summary>
    private static string Display(ClaimValue value, Dictionary<string, AnalyzedArticle> byId) =>
        value.Span.Of(byId[value.ArticleId].Text);

    /// <summary>The sentence that states the value, cut to a window around the value when it is long.</summary>
    public static Evidence EvidenceOf(ClaimValue value, AnalyzedArticle article)
    {
        var sentence = article.Sentences[value.Sentence].Span;
        var start = sentence.Start;
        var end = sentence.End;
        if (end - start > MaxEvidenceChars)
        {
            start = Math.Max(sentence.Start, value.Span.Start - (MaxEvidenceChars / 2));
            end = Math.Min(sentence.End, start + MaxEvidenceChars);
            start = WordStart(article.Text, start, sentence.Start);
            end = WordEnd(article.Text, end, sentence.End);
        }

        var span = new TextSpan(start, end);
        return new Evidence(article.Id, span, span.Of(article.Text).Trim());
    }

    private static int WordStart(string text, int at, int floor)
    {
        while (at > floor && !char.IsWhiteSpace(text[at - 1]))
        {
            at--;
        }

        return at;
    }

    private static int WordEnd(string text, int at, int ceiling)
    {
        while (at < ceiling && !char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    private static SlotKind SlotKindOf(ValueKind kind) => kind switch
    {
        ValueKind.Money => SlotKind.Money,
        ValueKind.Percent => SlotKind.Percent,
        ValueKind.Duration => SlotKind.Duration,
        ValueKind.Age => SlotKind.Age,
        ValueKind.Day or ValueKind.Month or ValueKind.Year or ValueKind.TimeOfDay => SlotKind.EventDate,
        _ => SlotKind.Count,
    };

    private static string Label(ValueKind kind, List<List<ClaimValue>> sides)
    {
        var unit = sides.SelectMany(s => s).Select(v => v.Unit).FirstOrDefault(u => u.Length > 1);
        return kind switch
        {
            ValueKind.Count => unit is null ? "A number" : $"Number ({unit})",
            ValueKind.Money => "An amount",
            ValueKind.Percent => "A percentage",
            ValueKind.Day => "A day",
            ValueKind.Month => "A month",
            ValueKind.Year => "A year",
            ValueKind.Duration => "How long",
            ValueKind.TimeOfDay => "A time of day",
            ValueKind.Age => "An age",
            _ => "A value",
        };
    }

    private sealed class Group(ValueKind kind, double score)
    {
        public ValueKind Kind { get; } = kind;

        public double Score { get; } = score;

        public List<List<ClaimValue>> Sides { get; } = [];

        private readonly HashSet<(string, int)> _sentences = [];

        public bool Holds(ClaimValue value) => Kind == value.Kind && _sentences.Contains((value.ArticleId, value.Sentence));

        public List<ClaimValue>? SideOf(ClaimValue value) => Sides.FirstOrDefault(s => s.All(v => v.CompatibleWith(value)));

        public void Add(ClaimValue value)
        {
            if (_sentences.Contains((value.ArticleId, value.Sentence)) && Sides.Any(s => s.Contains(value)))
            {
                return;
            }

            if (SideOf(value) is { } side)
            {
                side.Add(value);
            }
            else if (Sides.Count < MaxSides)
            {
                Sides.Add([value]);
            }
            else
            {
                return;
            }

            _sentences.Add((value.ArticleId, value.Sentence));
        }
    }
}
