using System.Globalization;
using Chorus.Clustering;
using Chorus.Pipeline;
using Chorus.Similarity;
using Chorus.Text;

namespace Chorus.Bench.Clustering;

/// <summary>
/// ./bench.sh clustering --ceiling: how far the bench's gold labels let any clusterer go, and how far the
/// clusterer's own features could go if they were handed the answers.
/// <list type="bullet">
/// <item>Copies kept together: the gold stories, except that articles with the same opening text under two gold stories
/// all go to the story most of them carry. A clusterer that keeps exact copies together can do no better.</item>
/// <item>Nearest gold story, leave one out: each article goes to the gold story whose centroid (without the article)
/// is nearest in the clusterer's feature space. It is told every story's members, so it bounds what those features
/// can separate; a clusterer that has to find the stories itself does worse.</item>
/// <item>Nearest gold article, leave one out: the same with the single nearest other article.</item>
/// </list>
/// </summary>
internal static class ClusteringCeiling
{
    public static void Report(IReadOnlyList<AnalyzedArticle> articles, IReadOnlyDictionary<string, string> gold, ClusteringOptions options, Action<string, Dictionary<string, string>> report)
    {
        var scored = articles.Where(a => gold.ContainsKey(a.Article.Id)).ToList();
        report("copies kept together", CopiesTogether(scored, gold));

        var vocabulary = new Vocabulary();
        var items = scored.Select(a => ClusterFeatures.Item(ClusterFeatures.Of(a, options), a.Article.Published, vocabulary)).ToList();
        var frequencies = new TermFrequencies();
        foreach (var item in items)
        {
            frequencies.Add(item.Terms);
        }

        var vectors = items.Select(i => SparseVector.Weighted(i.Terms, i.Counts, frequencies.Idf)).ToList();
        var alone = vectors.Select(v =>
        {
            var single = new RunningCentroid();
            single.Add(v);
            return single;
        }).ToList();
        var storyOf = scored.Select(a => gold[a.Article.Id]).ToList();
        var members = Enumerable.Range(0, scored.Count).GroupBy(i => storyOf[i]).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var nearestStory = new Dictionary<string, string>(StringComparer.Ordinal);
        var nearestArticle = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < scored.Count; i++)
        {
            var (bestStory, bestStoryScore) = (storyOf[i], double.MinValue);
            var (bestArticle, bestArticleScore) = (i, double.MinValue);
            foreach (var (story, ids) in members)
            {
                var centroid = new RunningCentroid();
                foreach (var j in ids.Where(j => j != i))
                {
                    centroid.Add(vectors[j]);
                    var score = alone[j].Cosine(vectors[i]);
                    if (score > bestArticleScore)
                    {
                        (bestArticle, bestArticleScore) = (j, score);
                    }
                }

                if (centroid.Count > 0 && centroid.Cosine(vectors[i]) is var c && c > bestStoryScore)
                {
                    (bestStory, bestStoryScore) = (story, c);
                }
            }

            nearestStory[scored[i].Article.Id] = bestStory;
            nearestArticle[scored[i].Article.Id] = storyOf[bestArticle];
        }

        report("nearest gold story (LOO)", nearestStory);
        report("nearest gold article (LOO)", nearestArticle);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"features: first {options.LeadSentences} sentences, title weight {options.TitleWeight}, entity weight {options.EntityWeight}"));
    }

    /// <summary>Articles that open with the same text share one story: the gold story most of them carry.</summary>
    private static Dictionary<string, string> CopiesTogether(IReadOnlyList<AnalyzedArticle> articles, IReadOnlyDictionary<string, string> gold)
    {
        var predicted = articles.ToDictionary(a => a.Article.Id, a => gold[a.Article.Id], StringComparer.Ordinal);
        foreach (var copies in articles.Where(a => a.Article.Text.Length > 200).GroupBy(a => OpeningKey(a.Article.Text), StringComparer.Ordinal))
        {
            var majority = copies.GroupBy(a => gold[a.Article.Id], StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            foreach (var copy in copies)
            {
                predicted[copy.Article.Id] = majority;
            }
        }

        return predicted;
    }

    /// <summary>The first 300 letters and digits of a text, lower-cased: what two copies of one text share.</summary>
    public static string OpeningKey(string text) => Chorus.Text.TextKey.Of(text) is var key && key.Length > 300 ? key[..300] : key;
}
