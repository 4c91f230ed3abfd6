using Chorus.Text;

namespace Chorus.Clustering;

/// <summary>
/// Finds, within one story, which articles are copies of an earlier one: the same text, the same text
/// under other chrome (MinHash), or a rewrite whose sentences mostly align with the earlier article's.
/// Links point to the root origin, so a copy of a copy names the first article.
/// </summary>
public static class CopyDetector
{
    public const double NearDuplicateSimilarity = 0.6;
    public const double SentenceMatch = 0.6;
    public const double CloseSentenceMatch = 0.7;
    public const double RewriteCoverage = 0.75;
    public const double CloseRewriteCoverage = 0.5;

    public static IReadOnlyList<CopyLink> Detect(IReadOnlyList<AnalyzedArticle> articles)
    {
        var ordered = StoryClusterer.ArrivalOrder(articles);
        var prepared = ordered.Select(a => new Prepared(a)).ToList();
        var links = new Dictionary<string, CopyLink>(StringComparer.Ordinal);
        for (var b = 1; b < ordered.Count; b++)
        {
            CopyLink? best = null;
            for (var a = 0; a < b; a++)
            {
                var link = Compare(prepared[a], prepared[b]);
                if (link is not null && (best is null || link.Kind < best.Kind || (link.Kind == best.Kind && link.Score > best.Score + 1e-9)))
                {
                    best = link;
                }
            }

            if (best is not null)
            {
                var root = best.SourceId;
                while (links.TryGetValue(root, out var up))
                {
                    root = up.SourceId;
                }

                links[ordered[b].Id] = best with { SourceId = root };
            }
        }

        return [.. links.Values];
    }

    private static CopyLink? Compare(Prepared source, Prepared copy)
    {
        if (source.Key == copy.Key)
        {
            return new CopyLink(copy.Article.Id, source.Article.Id, CopyKind.Exact, 1);
        }

        var jaccard = source.Article.Signature.Similarity(copy.Article.Signature);
        if (jaccard >= NearDuplicateSimilarity)
        {
            return new CopyLink(copy.Article.Id, source.Article.Id, CopyKind.NearDuplicate, jaccard);
        }

        // A rewrite keeps most sentences recognisably (cosine >= 0.6) and half of them closely (>= 0.7);
        // independent reports of one event share facts but not that many sentence-level matches.
        var coverage = AlignedShare(copy.Counted, source.Sentences, SentenceMatch, RewriteCoverage);
        return coverage >= RewriteCoverage && AlignedShare(copy.Counted, source.Sentences, CloseSentenceMatch, CloseRewriteCoverage) >= CloseRewriteCoverage
            ? new CopyLink(copy.Article.Id, source.Article.Id, CopyKind.Rewrite, coverage)
            : null;
    }

    /// <summary>The share of the copy's sentences (of five terms or more) that match some sentence of the source at the given cosine.</summary>
    public static double AlignedShare(AnalyzedArticle copy, AnalyzedArticle source, double sentenceMatch = SentenceMatch)
    {
        var prepared = new Prepared(source);
        return AlignedShare(new Prepared(copy).Counted, prepared.Sentences, sentenceMatch, goal: 0);
    }

    /// <summary>
    /// The aligned share, or 0 as soon as it can no longer reach <paramref name="goal"/> (the caller only
    /// compares it with that goal).
    /// </summary>
    private static double AlignedShare(List<HashSet<string>> counted, List<HashSet<string>> source, double sentenceMatch, double goal)
    {
        if (counted.Count < 3)
        {
            return 0;
        }

        var needed = goal * counted.Count;
        var matched = 0;
        for (var i = 0; i < counted.Count; i++)
        {
            if (matched + (counted.Count - i) < needed)
            {
                return 0;
            }

            var terms = counted[i];
            if (source.Any(s => SetCosine(terms, s) >= sentenceMatch))
            {
                matched++;
            }
        }

        return matched / (double)counted.Count;
    }

    /// <summary>What comparisons read of an article, computed once: its text key, its sentences of three terms or more as sets, and those of five or more (the ones counted).</summary>
    private sealed class Prepared(AnalyzedArticle article)
    {
        public AnalyzedArticle Article { get; } = article;

        public string Key { get; } = TextKey.Of(article.Text);

        public List<HashSet<string>> Sentences { get; } = article.Sentences.Where(s => s.Terms.Length >= 3).Select(s => s.Terms.ToHashSet(StringComparer.Ordinal)).ToList();

        public List<HashSet<string>> Counted { get; } = article.Sentences.Where(s => s.Terms.Length >= 5).Select(s => s.Terms.ToHashSet(StringComparer.Ordinal)).ToList();
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
