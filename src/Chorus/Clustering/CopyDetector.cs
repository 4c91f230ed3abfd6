using Chorus.Extraction;
using Chorus.Similarity;
using Chorus.Text;

namespace Chorus.Clustering;

/// <summary>
/// What copy detection reads of an article, kept small so a stream of a million articles fits: its id and date, a
/// 64-bit hash of its text key (exact copies), its MinHash signature (near-duplicates), and each sentence's terms
/// as a sorted set of 32-bit hashes (rewrites). Built from a full analysis, or straight from an article when
/// nothing else needs the analysis; both give the same print.
/// </summary>
public sealed class CopyPrint
{
    // Every kept sentence's sorted term hashes, one after another; _ends[i] is where sentence i ends, and _counted
    // lists the sentences of five terms or more. One array each instead of one per sentence.
    private readonly uint[] _terms;
    private readonly int[] _ends;
    private readonly int[] _counted;

    private CopyPrint(string id, DateTimeOffset? published, string text, MinHashSignature signature, IEnumerable<string[]> sentenceTerms)
    {
        Id = id;
        Published = published;
        Key = TextKey.Hash(text);
        Signature = signature;
        var terms = new List<uint>();
        var ends = new List<int>();
        var counted = new List<int>();
        foreach (var sentence in sentenceTerms)
        {
            if (sentence.Length >= 3)
            {
                if (sentence.Length >= 5)
                {
                    counted.Add(ends.Count);
                }

                terms.AddRange(sentence.Select(TermHash).Distinct().Order());
                ends.Add(terms.Count);
            }
        }

        _terms = [.. terms];
        _ends = [.. ends];
        _counted = [.. counted];
    }

    public string Id { get; }

    public DateTimeOffset? Published { get; }

    /// <summary><see cref="TextKey.Hash"/> of the text: equal for the same words under other spacing, case and punctuation.</summary>
    public ulong Key { get; }

    public MinHashSignature Signature { get; }

    /// <summary>How many sentences have three terms or more: the ones a copy's sentences may align with.</summary>
    public int SentenceCount => _ends.Length;

    /// <summary>How many sentences have five terms or more: the ones whose alignment counts towards a rewrite.</summary>
    public int CountedCount => _counted.Length;

    /// <summary>The sorted term hashes of sentence <paramref name="i"/> (of three terms or more).</summary>
    public ReadOnlySpan<uint> Sentence(int i) => _terms.AsSpan((i == 0 ? 0 : _ends[i - 1]).._ends[i]);

    /// <summary>The sorted term hashes of counted sentence <paramref name="i"/> (of five terms or more).</summary>
    public ReadOnlySpan<uint> Counted(int i) => Sentence(_counted[i]);

    public static CopyPrint Of(AnalyzedArticle article) =>
        new(article.Id, article.Article.Published, article.Text, article.Signature, article.Sentences.Select(s => s.Terms));

    /// <summary>The same print as from a full analysis, without recognising names, dates and quantities.</summary>
    public static CopyPrint Of(Article article) =>
        Of(article, SentenceSplitter.Split(article.Text).Select(s => TextAnalyzer.Terms(article.Text, s.Start, s.End)));

    /// <summary>The print of an article whose sentences' terms (every sentence, in order) are already known.</summary>
    public static CopyPrint Of(Article article, IEnumerable<string[]> sentenceTerms) =>
        new(article.Id, article.Published, article.Text, MinHashSignature.Of(article.Text), sentenceTerms);

    /// <summary>Cosine of two sorted hash sets: shared members over the root of the product of their sizes.</summary>
    public static double SetCosine(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared / Math.Sqrt(a.Length * (double)b.Length);
    }

    // FNV-1a: stable across runs and machines.
    private static uint TermHash(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

/// <summary>
/// Finds, within one story, which articles are copies of an earlier one: the same text, the same text
/// under other chrome (MinHash), a rewrite whose sentences mostly align with the earlier article's, or a spun
/// rewrite whose sentences follow the earlier article's in order with many words swapped.
/// Links point to the root origin, so a copy of a copy names the first article.
/// </summary>
public static class CopyDetector
{
    public const double NearDuplicateSimilarity = 0.6;
    public const double SentenceMatch = 0.6;
    public const double CloseSentenceMatch = 0.7;
    public const double RewriteCoverage = 0.75;
    public const double CloseRewriteCoverage = 0.5;

    /// <summary>Least cosine for a spun sentence to stand for its source sentence when the order of sentences is kept.</summary>
    public const double SpunSentenceMatch = 0.3;

    /// <summary>Least share of a copy's sentences that an order-keeping alignment must cover for a spun rewrite.</summary>
    public const double SpunCoverage = 0.8;

    /// <summary>How many of the latest earlier articles a spun rewrite's source is sought among (a spin follows its source).</summary>
    public const int SpunWindow = 200;

    public static IReadOnlyList<CopyLink> Detect(IReadOnlyList<AnalyzedArticle> articles) => Detect(articles.Select(CopyPrint.Of).ToList());

    public static IReadOnlyList<CopyLink> Detect(IReadOnlyList<CopyPrint> prints)
    {
        var prepared = StoryClusterer.ArrivalOrder(prints.Select(p => p.Published).ToList()).Select(i => prints[i]).ToList();
        var links = new Dictionary<string, CopyLink>(StringComparer.Ordinal);
        var firstWithKey = new Dictionary<ulong, int>();
        for (var b = 0; b < prepared.Count; b++)
        {
            var best = BestSource(prepared, b, firstWithKey);
            firstWithKey.TryAdd(prepared[b].Key, b);
            if (best is not null)
            {
                links[prepared[b].Id] = best with { SourceId = RootOf(links, best.SourceId) };
            }
        }

        LinkUndatedExcerpts(prepared, links);
        return [.. links.Values];
    }

    private static string RootOf(Dictionary<string, CopyLink> links, string id)
    {
        var root = id;
        for (var hops = 0; hops <= links.Count && links.TryGetValue(root, out var up); hops++)
        {
            root = up.SourceId;
        }

        return root;
    }

    /// <summary>
    /// Without dates, input order says nothing about which text came first: an outlet's excerpt may come before
    /// the full text it was cut from. An undated article that nothing else explains, and whose sentences a later
    /// undated article of at least twice as many sentences covers as a rewrite's would, is an excerpt of it.
    /// Links then point to the new roots again. Sought among the next <see cref="SpunWindow"/> articles.
    /// </summary>
    private static void LinkUndatedExcerpts(List<CopyPrint> prepared, Dictionary<string, CopyLink> links)
    {
        var added = false;
        for (var a = 0; a < prepared.Count; a++)
        {
            var excerpt = prepared[a];
            if (excerpt.Published is not null || links.ContainsKey(excerpt.Id) || excerpt.CountedCount < 2)
            {
                continue;
            }

            CopyLink? best = null;
            for (var b = a + 1; b < prepared.Count && b <= a + SpunWindow; b++)
            {
                var whole = prepared[b];
                if (whole.Published is not null || whole.SentenceCount < 2 * excerpt.SentenceCount || RootOf(links, whole.Id) == excerpt.Id)
                {
                    continue;
                }

                var coverage = Rewrite(whole, excerpt);
                if (coverage >= RewriteCoverage && (best is null || coverage > best.Score + 1e-9))
                {
                    best = new CopyLink(excerpt.Id, whole.Id, CopyKind.Rewrite, coverage);
                }
            }

            if (best is not null)
            {
                links[excerpt.Id] = best;
                added = true;
            }
        }

        if (added)
        {
            foreach (var id in links.Keys.ToList())
            {
                links[id] = links[id] with { SourceId = RootOf(links, links[id].SourceId) };
            }
        }
    }

    /// <summary>
    /// The best earlier source of article <paramref name="b"/>, kind first: the first earlier article with the same
    /// text; else the closest near-duplicate; else the rewrite source that covers most of it. Each kind is sought
    /// only when no better kind exists, so a story of a thousand copies costs a thousand hash lookups and MinHash
    /// comparisons per article, not a sentence alignment per pair.
    /// </summary>
    private static CopyLink? BestSource(List<CopyPrint> prepared, int b, Dictionary<ulong, int> firstWithKey)
    {
        var copy = prepared[b];
        if (firstWithKey.TryGetValue(copy.Key, out var same))
        {
            return new CopyLink(copy.Id, prepared[same].Id, CopyKind.Exact, 1);
        }

        // A later exact copy holds the words of the first; the first stands for it as a rewrite source.
        bool FirstOfItsText(int a) => firstWithKey[prepared[a].Key] == a;
        return Best(0, _ => true, CopyKind.NearDuplicate, source => source.Signature.Similarity(copy.Signature), NearDuplicateSimilarity)
            ?? Best(0, FirstOfItsText, CopyKind.Rewrite, source => Rewrite(source, copy), RewriteCoverage)
            ?? Best(Math.Max(0, b - SpunWindow), FirstOfItsText, CopyKind.Rewrite, source => SpunShare(copy, source), SpunCoverage);

        // The earlier article from index `from` on that scores highest, at `least` or more (the first of equals).
        CopyLink? Best(int from, Func<int, bool> eligible, CopyKind kind, Func<CopyPrint, double> score, double least)
        {
            CopyLink? best = null;
            for (var a = from; a < b; a++)
            {
                if (!eligible(a))
                {
                    continue;
                }

                var value = score(prepared[a]);
                if (value >= least && (best is null || value > best.Score + 1e-9))
                {
                    best = new CopyLink(copy.Id, prepared[a].Id, kind, value);
                }
            }

            return best;
        }
    }

    /// <summary>
    /// The share of the copy's sentences that an order-keeping alignment with the source's matches at
    /// <see cref="SpunSentenceMatch"/>. A spun rewrite swaps many words for synonyms ("negotiators concluded" for
    /// "talks ended"), so few of its sentences reach the cosine of a rewrite, but it keeps the source's sentences in
    /// their order, which independent reports of one event do not. Needs five sentences of five terms or more; a
    /// source of less than half or more than twice as many sentences is not one.
    /// </summary>
    private static double SpunShare(CopyPrint copy, CopyPrint source)
    {
        var n = copy.CountedCount;
        var m = source.SentenceCount;
        if (n < 5 || m < n / 2 || m > 2 * n)
        {
            return 0;
        }

        // Longest chain of matching sentences in order, row by row; given up once the rows left cannot reach the goal.
        var needed = SpunCoverage * n;
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (var i = 0; i < n; i++)
        {
            if (previous[m] + (n - i) < needed)
            {
                return 0;
            }

            var terms = copy.Counted(i);
            for (var j = 1; j <= m; j++)
            {
                var match = CopyPrint.SetCosine(terms, source.Sentence(j - 1)) >= SpunSentenceMatch ? 1 : 0;
                current[j] = Math.Max(Math.Max(previous[j], current[j - 1]), previous[j - 1] + match);
            }

            (previous, current) = (current, previous);
        }

        return previous[m] / (double)n;
    }

    /// <summary>
    /// How much of <paramref name="copy"/> derives from <paramref name="source"/> when it is a rewrite of it, else 0.
    /// A rewrite keeps most sentences recognisably (cosine >= 0.6) and half of them closely (>= 0.7); independent
    /// reports of one event share facts but not that many sentence-level matches.
    /// </summary>
    private static double Rewrite(CopyPrint source, CopyPrint copy)
    {
        var coverage = AlignedShare(copy, source, SentenceMatch, RewriteCoverage);
        return coverage >= RewriteCoverage && AlignedShare(copy, source, CloseSentenceMatch, CloseRewriteCoverage) >= CloseRewriteCoverage
            ? coverage
            : 0;
    }

    /// <summary>The share of the copy's sentences (of five terms or more) that match some sentence of the source at the given cosine.</summary>
    public static double AlignedShare(AnalyzedArticle copy, AnalyzedArticle source, double sentenceMatch = SentenceMatch)
    {
        return AlignedShare(CopyPrint.Of(copy), CopyPrint.Of(source), sentenceMatch, goal: 0);
    }

    /// <summary>
    /// The aligned share, or 0 as soon as it can no longer reach <paramref name="goal"/> (the caller only
    /// compares it with that goal).
    /// </summary>
    private static double AlignedShare(CopyPrint copy, CopyPrint source, double sentenceMatch, double goal)
    {
        var count = copy.CountedCount;
        if (count < 3)
        {
            return 0;
        }

        var needed = goal * count;
        var matched = 0;
        for (var i = 0; i < count; i++)
        {
            if (matched + (count - i) < needed)
            {
                return 0;
            }

            var terms = copy.Counted(i);
            for (var j = 0; j < source.SentenceCount; j++)
            {
                if (CopyPrint.SetCosine(terms, source.Sentence(j)) >= sentenceMatch)
                {
                    matched++;
                    break;
                }
            }
        }

        return matched / (double)count;
    }

    public static double SetCosine(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return shared / Math.Sqrt(a.Count * (double)b.Count);
    }
}
