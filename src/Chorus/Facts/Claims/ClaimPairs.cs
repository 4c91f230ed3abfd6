using Chorus.Text;

namespace Chorus.Facts.Claims;

/// <summary>
/// Two incompatible values of one kind, stated by articles of different origins in sentences that may be about the
/// same thing, with what a verifier reads of them (<see cref="Features"/>, named by <see cref="ClaimPairs.FeatureNames"/>).
/// </summary>
public sealed record ClaimPair(ClaimValue First, ClaimValue Second, float[] Features);

/// <summary>
/// Finds the candidate disagreements of a story: every pair of incompatible values of one kind (amounts in one
/// currency) from different origins whose sentences or the words around the values share content, weighted by how rare
/// each word is in the story; whether two counts count the same thing is left to the verifier (a feature). Each pair carries the features the verifier scores: how alike the sentences and the
/// words around the values are, whether either origin also states the other value in a like sentence (then the two
/// are about different things), how many origins back each value, hedges, negation, other values of the kind in the
/// sentence, the distance in publication time, and update wording.
/// </summary>
public sealed class ClaimPairs
{
    /// <summary>Least weighted cosine of the sentences, or of the words around the values, for a pair to be a candidate.</summary>
    public const double LeastSimilarity = 0.05;

    private const double LikeSentence = 0.3;
    private const int WindowChars = 48;

    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "kind", "sentence_cosine", "window_cosine", "shared_window_words", "shared_names", "units_named", "log_ratio",
        "hedged", "negation_differs", "kind_values_in_sentences", "earliest_sentence", "days_apart", "update_words",
        "states_both", "support_min", "support_max", "in_quotes", "story_keys_of_kind", "lead_both", "sentence_words", "same_unit",
        "best_match_first", "best_match_second", "shared_neighbours", "other_values_agree", "other_values_differ", "word_before_same",
        "unit_rarity",
    ];

    private static readonly HashSet<string> s_hedges = new(StringComparer.Ordinal)
    {
        "could", "may", "might", "would", "if", "unless", "forecast", "projected", "predicted", "expected", "estimated", "likely", "possibly",
        "perhaps", "whether", "plans", "planned", "will", "reportedly", "rumored", "rumoured", "allegedly",
    };

    private static readonly HashSet<string> s_updateWords = new(StringComparer.Ordinal)
    {
        "rose", "risen", "climbed", "jumped", "now", "revised", "updated", "latest", "increased", "grew", "raised", "later", "since", "new", "total",
    };

    private readonly IReadOnlyList<AnalyzedArticle> _articles;
    private readonly Func<string, string> _originOf;
    private readonly Dictionary<string, AnalyzedArticle> _byId;
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), Dictionary<string, double>> _sentenceVectors = [];
    private readonly Dictionary<(string, int, int), double> _cosines = [];
    private readonly Dictionary<(string, int), double> _bestMatch = [];
    private readonly Dictionary<ClaimValue, HashSet<string>> _neighbours = [];
    private Dictionary<(string, int), List<ClaimValue>> _bySentence = [];

    private ClaimPairs(IReadOnlyList<AnalyzedArticle> articles, Func<string, string> originOf)
    {
        _articles = articles;
        _originOf = originOf;
        _byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var term in article.TermCounts.Keys)
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        foreach (var (term, count) in df)
        {
            _idf[term] = Math.Log(1 + ((double)articles.Count / count));
        }
    }

    /// <summary>The values of every article, and the candidate pairs between them.</summary>
    public static (List<ClaimValue> Values, List<ClaimPair> Pairs) Find(IReadOnlyList<AnalyzedArticle> articles, Func<string, string> originOf)
    {
        var finder = new ClaimPairs(articles, originOf);
        var values = articles.SelectMany(a => ClaimValueReader.Read(a)).ToList();
        return (values, finder.Pairs(values));
    }

    private List<ClaimPair> Pairs(List<ClaimValue> values)
    {
        var pairs = new List<ClaimPair>();
        var byKind = values.GroupBy(v => v.Kind).ToDictionary(g => g.Key, g => g.ToList());
        var support = new Dictionary<ClaimValue, int>();
        int Support(ClaimValue v) => support.TryGetValue(v, out var n) ? n : support[v] = byKind[v.Kind]
            .Where(o => o.CompatibleWith(v) && SameUnit(o, v) && Cosine(o, v) >= LikeSentence)
            .Select(o => _originOf(o.ArticleId))
            .Append(_originOf(v.ArticleId))
            .Distinct(StringComparer.Ordinal)
            .Count();

        _bySentence = values.GroupBy(v => (v.ArticleId, v.Sentence)).ToDictionary(g => g.Key, g => g.ToList());
        var windows = values.ToDictionary(v => v, Window);
        foreach (var (kind, ofKind) in byKind)
        {
            var keys = ofKind.Select(v => v.Kind == ValueKind.Day ? v.Key : $"{v.Low}-{v.High}-{v.Unit}").Distinct(StringComparer.Ordinal).Count();
            for (var i = 0; i < ofKind.Count; i++)
            {
                for (var j = i + 1; j < ofKind.Count; j++)
                {
                    var (a, b) = (ofKind[i], ofKind[j]);
                    if (a.ArticleId == b.ArticleId || _originOf(a.ArticleId) == _originOf(b.ArticleId) || a.CompatibleWith(b) || (a.Kind == ValueKind.Money && a.Unit != b.Unit))
                    {
                        continue;
                    }

                    var sentence = Cosine(a, b);
                    var window = WeightedCosine(windows[a], windows[b]);
                    if (sentence < LeastSimilarity && window < LeastSimilarity)
                    {
                        continue;
                    }

                    pairs.Add(new ClaimPair(a, b, Features(a, b, sentence, window, windows, ofKind, keys, Support)));
                }
            }
        }

        return pairs;
    }

    private float[] Features(ClaimValue a, ClaimValue b, double sentence, double window, Dictionary<ClaimValue, Dictionary<string, double>> windows, List<ClaimValue> ofKind, int keys, Func<ClaimValue, int> support)
    {
        var (articleA, articleB) = (_byId[a.ArticleId], _byId[b.ArticleId]);
        var (textA, textB) = (SentenceText(a), SentenceText(b));
        var wordsA = Words(textA);
        var wordsB = Words(textB);
        var namesA = Names(textA);
        var namesB = Names(textB);
        var sharedWindow = windows[a].Keys.Intersect(windows[b].Keys).Count();
        var logRatio = a.Kind is ValueKind.Day or ValueKind.Month ? 0 : Math.Abs(Math.Log((Mid(a) + 1) / (Mid(b) + 1)));
        var hedged = wordsA.Overlaps(s_hedges) || wordsB.Overlaps(s_hedges) || textA.TrimEnd().EndsWith('?') || textB.TrimEnd().EndsWith('?');
        var negated = Negated(wordsA) != Negated(wordsB);
        var inSentence = ofKind.Count(v => (v.ArticleId == a.ArticleId && v.Sentence == a.Sentence) || (v.ArticleId == b.ArticleId && v.Sentence == b.Sentence));
        var days = articleA.Article.Published is { } pa && articleB.Article.Published is { } pb ? Math.Abs((pa - pb).TotalDays) : -1;
        var update = wordsA.Overlaps(s_updateWords) || wordsB.Overlaps(s_updateWords);
        var statesBoth = Math.Max(StatesAlso(a, b, ofKind), StatesAlso(b, a, ofKind));
        var (supportA, supportB) = (support(a), support(b));
        var quoted = InQuotes(articleA.Text, a) || InQuotes(articleB.Text, b);
        return
        [
            (float)a.Kind, (float)sentence, (float)window, sharedWindow, namesA.Intersect(namesB).Count(), (a.Unit.Length > 0 ? 1 : 0) + (b.Unit.Length > 0 ? 1 : 0),
            (float)logRatio, hedged ? 1 : 0, negated ? 1 : 0, inSentence, Math.Min(a.Sentence, b.Sentence), (float)days, update ? 1 : 0,
            (float)statesBoth, Math.Min(supportA, supportB), Math.Max(supportA, supportB), quoted ? 1 : 0, keys,
            a.Sentence < 3 && b.Sentence < 3 ? 1 : 0, wordsA.Count + wordsB.Count, a.Unit == b.Unit ? 1 : 0,
            (float)(sentence / Math.Max(1e-9, BestMatch(a, articleB))), (float)(sentence / Math.Max(1e-9, BestMatch(b, articleA))),
            Neighbours(a).Intersect(Neighbours(b)).Count(),
            OtherValues(a, b, agree: true), OtherValues(a, b, agree: false), WordBefore(a) == WordBefore(b) ? 1 : 0,
            (float)(a.Unit.Length == 0 ? 0 : _idf.GetValueOrDefault(a.Unit, 0)),
        ];
    }

    /// <summary>How alike (weighted cosine) the sentence of <paramref name="value"/> is to a sentence of the same article that states a value compatible with <paramref name="other"/>.</summary>
    private double StatesAlso(ClaimValue value, ClaimValue other, List<ClaimValue> ofKind) =>
        ofKind.Where(v => v.ArticleId == value.ArticleId && v.CompatibleWith(other) && SameUnit(v, other))
            .Select(v => v.Sentence == value.Sentence ? 1 : Cosine(v, value))
            .DefaultIfEmpty(0)
            .Max();

    /// <summary>The weighted cosine of the value's sentence with the most alike sentence of another article.</summary>
    private double BestMatch(ClaimValue value, AnalyzedArticle other)
    {
        var key = (value.ArticleId + "\n" + other.Id, value.Sentence);
        if (!_bestMatch.TryGetValue(key, out var best))
        {
            var vector = SentenceVector(value);
            best = _bestMatch[key] = other.Sentences.Select(s => WeightedCosine(vector, SentenceVector(other.Id, s.Index))).DefaultIfEmpty(0).Max();
        }

        return best;
    }

    /// <summary>The nearest two content words on each side of the value, as stems: what the value is said of ("fined _ times", "on _ in Narva").</summary>
    private HashSet<string> Neighbours(ClaimValue value)
    {
        if (_neighbours.TryGetValue(value, out var found))
        {
            return found;
        }

        var article = _byId[value.ArticleId];
        var sentence = article.Sentences[value.Sentence].Span;
        var before = TextAnalyzer.Terms(article.Text, sentence.Start, value.Span.Start).Where(t => !t.StartsWith('#')).TakeLast(2);
        var after = TextAnalyzer.Terms(article.Text, value.Span.End, sentence.End).Where(t => !t.StartsWith('#')).Take(2);
        return _neighbours[value] = before.Concat(after).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// How many other values of the first sentence have a compatible value in the second (or, with
    /// <paramref name="agree"/> false, none): two tellings of one fact that differ in one figure agree on the rest.
    /// </summary>
    private int OtherValues(ClaimValue a, ClaimValue b, bool agree)
    {
        var mine = _bySentence.GetValueOrDefault((a.ArticleId, a.Sentence), []).Where(v => v != a);
        var theirs = _bySentence.GetValueOrDefault((b.ArticleId, b.Sentence), []).Where(v => v != b).ToList();
        return mine.Count(v => theirs.Any(t => t.CompatibleWith(v)) == agree);
    }

    /// <summary>The word just before a value, lower-cased: the preposition or verb that gives it its role ("on", "killed", "since").</summary>
    private string WordBefore(ClaimValue value)
    {
        var text = _byId[value.ArticleId].Text;
        var end = value.Span.Start;
        while (end > 0 && !char.IsLetter(text[end - 1]) && end > value.Span.Start - 3)
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text[start..end].ToLowerInvariant();
    }

    private static double Mid(ClaimValue v) => double.IsInfinity(v.High) ? v.Low : (v.Low + v.High) / 2;

    private static bool SameUnit(ClaimValue a, ClaimValue b) =>
        a.Kind is not (ValueKind.Count or ValueKind.Money) || a.Unit == b.Unit;

    private string SentenceText(ClaimValue v) => _byId[v.ArticleId].Sentences[v.Sentence].Span.Of(_byId[v.ArticleId].Text);

    private static HashSet<string> Words(string sentence) =>
        sentence.Split([' ', ',', ';', ':', '"', '“', '”', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Names(string sentence) =>
        sentence.Split([' ', ',', ';', ':', '"', '“', '”', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Where(w => w.Length > 1 && char.IsUpper(w[0]))
            .Select(w => w.TrimEnd('\'', '’', 's'))
            .ToHashSet(StringComparer.Ordinal);

    private static bool Negated(HashSet<string> words) =>
        words.Contains("not") || words.Contains("no") || words.Contains("never") || words.Contains("without") || words.Any(w => w.EndsWith("n't", StringComparison.Ordinal));

    private static bool InQuotes(string text, ClaimValue v)
    {
        var opened = 0;
        for (var i = Math.Max(0, v.Span.Start - 400); i < v.Span.Start; i++)
        {
            if (text[i] is '"' or '“' or '”')
            {
                opened ^= 1;
            }
        }

        return opened == 1;
    }

    private Dictionary<string, double> Window(ClaimValue v)
    {
        var article = _byId[v.ArticleId];
        var sentence = article.Sentences[v.Sentence].Span;
        return Vector(TextAnalyzer.Terms(article.Text, Math.Max(sentence.Start, v.Span.Start - WindowChars), Math.Min(sentence.End, v.Span.End + WindowChars)));
    }

    private double Cosine(ClaimValue a, ClaimValue b)
    {
        if (a.ArticleId == b.ArticleId && a.Sentence == b.Sentence)
        {
            return 1;
        }

        var key = string.CompareOrdinal(a.ArticleId, b.ArticleId) < 0 || (a.ArticleId == b.ArticleId && a.Sentence < b.Sentence)
            ? (a.ArticleId + "\n" + b.ArticleId, a.Sentence, b.Sentence)
            : (b.ArticleId + "\n" + a.ArticleId, b.Sentence, a.Sentence);
        if (!_cosines.TryGetValue(key, out var cosine))
        {
            cosine = _cosines[key] = WeightedCosine(SentenceVector(a), SentenceVector(b));
        }

        return cosine;
    }

    private Dictionary<string, double> SentenceVector(ClaimValue v) => SentenceVector(v.ArticleId, v.Sentence);

    private Dictionary<string, double> SentenceVector(string articleId, int sentence)
    {
        var key = (articleId, sentence);
        if (!_sentenceVectors.TryGetValue(key, out var vector))
        {
            vector = _sentenceVectors[key] = Vector(_byId[articleId].Sentences[sentence].Terms);
        }

        return vector;
    }

    /// <summary>Terms (numbers left out: they are what differs) weighted by their rarity across the story's articles.</summary>
    private Dictionary<string, double> Vector(IEnumerable<string> terms)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (!term.StartsWith('#'))
            {
                vector[term] = _idf.GetValueOrDefault(term, Math.Log(1 + _articles.Count));
            }
        }

        return vector;
    }

    private static double WeightedCosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        double dot = 0;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var other))
            {
                dot += weight * other;
            }
        }

        return dot / (Math.Sqrt(a.Values.Sum(w => w * w)) * Math.Sqrt(b.Values.Sum(w => w * w)));
    }
}
