using Chorus.Clustering;
using Chorus.Extraction;
using Chorus.Facts;
using Chorus.Summary;
using Chorus.Text;

namespace Chorus.Pipeline;

/// <summary>
/// Composes the stages from articles to briefs: analyse each article (in parallel), cluster into stories,
/// analyse each story, and build the brief of every story with two or more articles.
/// </summary>
public sealed class BriefPipeline(ClusteringOptions clustering, BriefOptions brief)
{
    public BriefPipeline() : this(ClusteringOptions.Default, new BriefOptions())
    {
    }

    public BriefOptions Options => brief;

    public static IReadOnlyList<AnalyzedArticle> Analyze(IReadOnlyList<Article> articles) =>
        articles.AsParallel().AsOrdered().Select(TextAnalyzer.Analyze).ToList();

    public IReadOnlyList<Story> Cluster(IReadOnlyList<AnalyzedArticle> articles) => new StoryClusterer(clustering).Cluster(articles);

    /// <summary>
    /// Stories of a stream of plain articles, for inputs too large to hold: each article is reduced, in parallel and
    /// in input order, to its light clustering features and its copy print, and only those are kept. Term ids are
    /// given in input order, so the same input always gives the same stories (ties break by id).
    /// </summary>
    public LightStories ClusterLight(IEnumerable<Article> articles)
    {
        var vocabulary = new Similarity.Vocabulary();
        var ids = new List<string>();
        var items = new List<ClusterItem>();
        var prints = new List<CopyPrint>();
        var reduced = articles
            .AsParallel().AsOrdered().WithMergeOptions(ParallelMergeOptions.AutoBuffered)
            .Select(a => (a.Id, a.Published, Reduced: ClusterFeatures.WithPrint(a, clustering)));
        foreach (var (id, published, (features, print)) in reduced)
        {
            ids.Add(id);
            items.Add(ClusterFeatures.Item(features, published, vocabulary));
            prints.Add(print);
        }

        var stories = new StoryClusterer(clustering).Run(items, Enumerable.Repeat(-1, items.Count).ToArray(), existingStories: 0);
        return new LightStories(ids, stories.Select(g => g.Members).ToList(), prints);
    }

    public Brief Run(IReadOnlyList<Article> articles)
    {
        var stories = Number(Cluster(Analyze(articles)));
        return Briefs(stories);
    }

    /// <summary>One brief over all the articles, taken as one story given in advance (no clustering).</summary>
    public Brief RunAsOneStory(IReadOnlyList<Article> articles) =>
        articles.Count == 0 ? new Brief([], []) : Briefs([new Story("s1", Analyze(articles))]);

    /// <summary>The cited summary of articles given as one story (no clustering), within the brief's word cap.</summary>
    public IReadOnlyList<SummarySentence> Summarize(string story, IReadOnlyList<Article> articles) =>
        articles.Count == 0 ? [] : BriefSummarizer.Summarize(StoryAnalyzer.Analyze(new Story(story, Analyze(articles))), brief.MaxWords);

    /// <summary>Briefs for the given stories: full briefs for two or more articles, single lines for the rest.</summary>
    public Brief Briefs(IReadOnlyList<Story> stories)
    {
        var briefs = stories
            .Where(s => s.Articles.Count >= 2)
            .AsParallel().AsOrdered()
            .Select(s => BriefBuilder.Build(StoryAnalyzer.Analyze(s), brief))
            .ToList();
        var singles = stories
            .Where(s => s.Articles.Count == 1)
            .Select(s => s.Articles[0])
            .Select(a => new SingleLine(a.Id, a.Article.Title, a.Article.Site, a.Article.Url, BriefBuilder.Iso(a.Article.Published), StoryIdOf(stories, a.Id)))
            .ToList();
        return new Brief(briefs, singles);
    }

    /// <summary>The brief of articles given as one story with its id (no clustering).</summary>
    public Brief OfStory(string storyId, IReadOnlyList<Article> articles) => Briefs([new Story(storyId, Analyze(articles))]);

    /// <summary>Gives batch stories ids s1, s2, ... in the order the clusterer created them (the order of their first article).</summary>
    public static IReadOnlyList<Story> Number(IReadOnlyList<Story> stories) =>
        stories.Select((s, i) => new Story($"s{i + 1}", s.Articles)).ToList();

    private static string StoryIdOf(IReadOnlyList<Story> stories, string articleId) =>
        stories.First(s => s.Articles.Any(a => a.Id == articleId)).Id;
}
