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
            .Select((a, order) => (Article: a, Order: order, Terms: a.Article.Title is { } t ? TermsOf(t) : []))
            .Where(x => x.Terms.Count > 0)
            .ToList();
        var scores = Scores(titled.Select(x => x.Terms).ToList());
        var candidates = Enumerable.Range(0, titled.Count).Where(i => !copies.Contains(titled[i].Article.Id)).ToList();
        if (candidates.Count == 0)
        {
            candidates = Enumerable.Range(0, titled.Count).ToList();
        }

        return candidates
            .OrderByDescending(i => scores[i])
            .ThenByDescending(i => quality(titled[i].Article.Id))
            .ThenBy(i => titled[i].Order)
            .Select(i => titled[i].Article)
            .FirstOrDefault();
    }

    /// <summary>
    /// The index of the most representative of a story's headlines (given in arrival order): the one sharing most words
    /// with the others, the earliest on a tie; -1 when there are none.
    /// </summary>
    public static int Representative(IReadOnlyList<string> headlines)
    {
        var scores = Scores(headlines.Select(TermsOf).ToList());
        var best = -1;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsNegativeInfinity(scores[i]) && (best < 0 || scores[i] > scores[best]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// How representative each headline is: the sum of its cosines with every other headline; a headline with no terms
    /// scores negative infinity and counts for no other.
    /// </summary>
    private static double[] Scores(IReadOnlyList<HashSet<string>> terms) =>
        terms.Select((t, i) => t.Count == 0 ? double.NegativeInfinity : terms.Where((o, j) => j != i && o.Count > 0).Sum(o => Shared(t, o))).ToArray();

    private static HashSet<string> TermsOf(string headline) => TextAnalyzer.Terms(headline, 0, headline.Length).ToHashSet(StringComparer.Ordinal);

    /// <summary>The cosine of two headlines' term sets.</summary>
    private static double Shared(HashSet<string> a, HashSet<string> b) => a.Count(b.Contains) / Math.Sqrt(a.Count * (double)b.Count);
}
