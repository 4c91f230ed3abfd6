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
        var links = new Dictionary<string, CopyLink>(StringComparer.Ordinal);
        for (var b = 1; b < ordered.Count; b++)
        {
            CopyLink? best = null;
            for (var a = 0; a < b; a++)
            {
                var link = Compare(ordered[a], ordered[b]);
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

    private static CopyLink? Compare(AnalyzedArticle source, AnalyzedArticle copy)
    {
        if (TextKey.Of(source.Text) == TextKey.Of(copy.Text))
        {
            return new CopyLink(copy.Id, source.Id, CopyKind.Exact, 1);
        }

        var jaccard = source.Signature.Similarity(copy.Signature);
        if (jaccard >= NearDuplicateSimilarity)
        {
            return new CopyLink(copy.Id, source.Id, CopyKind.NearDuplicate, jaccard);
        }

        // A rewrite keeps most sentences recognisably (cosine >= 0.6) and half of them closely (>= 0.7);
        // independent reports of one event share facts but not that many sentence-level matches.
        var coverage = AlignedShare(copy, source);
        return coverage >= RewriteCoverage && AlignedShare(copy, source, CloseSentenceMatch) >= CloseRewriteCoverage
            ? new CopyLink(copy.Id, source.Id, CopyKind.Rewrite, coverage)
            : null;
    }

    /// <summary>The share of the copy's sentences (of five terms or more) that match some sentence of the source at the given cosine.</summary>
    public static double AlignedShare(AnalyzedArticle copy, AnalyzedArticle source, double sentenceMatch = SentenceMatch)
    {
        var sourceSets = source.Sentences.Where(s => s.Terms.Length >= 3).Select(s => s.Terms.ToHashSet(StringComparer.Ordinal)).ToList();
        var counted = 0;
        var matched = 0;
        foreach (var sentence in copy.Sentences)
        {
            if (sentence.Terms.Length < 5)
            {
                continue;
            }

            counted++;
            var terms = sentence.Terms.ToHashSet(StringComparer.Ordinal);
            if (sourceSets.Any(s => SetCosine(terms, s) >= sentenceMatch))
            {
                matched++;
            }
        }

        return counted >= 3 ? matched / (double)counted : 0;
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
