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

    /// <summary>The cosine of two headlines' term sets.</summary>
    private static double Shared(HashSet<string> a, HashSet<string> b) => a.Count(b.Contains) / Math.Sqrt(a.Count * (double)b.Count);
}
