using Chorus.Clustering;
using Chorus.Facts;
using Chorus.Pipeline;
using Chorus.Text;

namespace Chorus.Tests.Support;

/// <summary>The bundled sample coverage, read, analysed and clustered once per test run.</summary>
internal static class DemoCorpus
{
    private static readonly Lazy<IReadOnlyList<Story>> s_stories = new(() =>
    {
        var batch = new ArticleSource().ReadAll([Repository.Samples]);
        return BriefPipeline.Number(new BriefPipeline().Cluster(BriefPipeline.Analyze(batch.Articles)));
    });

    private static readonly Lazy<StoryAnalysis> s_main = new(() => StoryAnalyzer.Analyze(MainStory));

    public static IReadOnlyList<Story> Stories => s_stories.Value;

    /// <summary>The story about the cod quota talks: the one with the most articles.</summary>
    public static Story MainStory => Stories.MaxBy(s => s.Articles.Count)!;

    public static StoryAnalysis Main => s_main.Value;

    public static AnalyzedArticle Article(string id) => Stories.SelectMany(s => s.Articles).Single(a => a.Id == id);
}
