using Chorus.Text;

namespace Chorus.Summary;

/// <summary>
/// A story's title: its most representative headline. Each original report's headline (a copy's headline is its
/// source's) is scored by how many words it shares with the story's other headlines, copies included: the headline
/// the coverage repeats. A late outlier, a headline that shares little with the rest, never takes the title from
/// them. Ties go to the better source, then the earlier report.
/// </summary>
public static class StoryTitle
{
    /// <summary>The article whose headline names the story, or null when no article has a headline.</summary>
    public static AnalyzedArticle? Source(IReadOnlyList<AnalyzedArticle> articles, IReadOnlySet<string> copies, Func<string, double> quality)
    {
        var titled = articles
            .Select((a, order) => (Article: a, Order: order, Terms: a.Article.Title is { } t ? TextAnalyzer.Terms(t, 0, t.Length).ToHashSet(StringComparer.Ordinal) : []))
            .Where(x => x.Terms.Count > 0)
            .ToList();
        var candidates = titled.Where(x => !copies.Contains(x.Article.Id)).ToList();
        if (candidates.Count == 0)
        {
            candidates = titled;
        }

        return candidates
            .OrderByDescending(c => titled.Where(o => o.Article != c.Article).Sum(o => Shared(c.Terms, o.Terms)))
            .ThenByDescending(c => quality(c.Article.Id))
            .ThenBy(c => c.Order)
            .Select(c => c.Article)
            .FirstOrDefault();
    }

    /// <summary>
    /// The index of the most representative of a story's headlines (given in arrival order): the one sharing most words
    /// with the others, the earliest on a tie; -1 when there are none.
    /// </summary>
    public static int Representative(IReadOnlyList<string> headlines)
    {
        var terms = headlines.Select(h => TextAnalyzer.Terms(h, 0, h.Length).ToHashSet(StringComparer.Ordinal)).ToList();
        var (best, bestScore) = (-1, double.MinValue);
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Count == 0)
            {
                continue;
            }

            var score = terms.Where((t, j) => j != i && t.Count > 0).Sum(t => Shared(terms[i], t));
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }

    /// <summary>The cosine of two headlines' term sets.</summary>
    private static double Shared(HashSet<string> a, HashSet<string> b) => a.Count(b.Contains) / Math.Sqrt(a.Count * (double)b.Count);
}
