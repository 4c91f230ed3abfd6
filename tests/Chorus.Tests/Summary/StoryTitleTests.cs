using Chorus.Summary;
using Chorus.Tests.Support;

namespace Chorus.Tests.Summary;

public class StoryTitleTests
{
    private static readonly string[] s_headlines =
    [
        "Cod quota cut by 12 percent after Tallinn talks",
        "Baltic council agrees to cut cod quota",
        "Council cuts cod quota by 12 percent",
        "Fishing nations cut cod quota and set up fund",
    ];

    private static List<Chorus.Text.AnalyzedArticle> Coverage(params string[] titles) =>
        titles.Select((t, i) => Articles.Analyzed($"a{i}", "The council agreed to cut the cod quota by 12 percent.", title: t)).ToList();

    [Fact]
    public void ALateOutlierDoesNotRetitleAStoryEvenFromTheBestSource()
    {
        var articles = Coverage([.. s_headlines, "Harbour festival draws record crowds to Narva"]);
        var source = StoryTitle.Source(articles, new HashSet<string>(), id => id == "a4" ? 1.0 : 0.5);
        Assert.NotNull(source);
        Assert.NotEqual("a4", source.Id);
    }

    [Fact]
    public void TheHeadlineTheCoverageRepeatsNamesTheStory()
    {
        // The third headline holds most of each other one ('council', 'cut', 'cod quota', '12 percent'); the first comes first.
        var source = StoryTitle.Source(Coverage(s_headlines), new HashSet<string>(), _ => 1);
        Assert.Equal("a2", source!.Id);
    }

    [Fact]
    public void ACopyNeverGivesTheTitleWhileAnOriginalHasOne()
    {
        var articles = Coverage(s_headlines);
        var source = StoryTitle.Source(articles, new HashSet<string> { "a2" }, _ => 1);
        Assert.NotEqual("a2", source!.Id);
    }

    [Fact]
    public void WithTwoHeadlinesTheBetterSourceNamesTheStory()
    {
        var source = StoryTitle.Source(Coverage(s_headlines[0], s_headlines[2]), new HashSet<string>(), id => id == "a1" ? 0.9 : 0.4);
        Assert.Equal("a1", source!.Id);
    }

    [Fact]
    public void AStoryWithoutHeadlinesHasNoTitleSource() =>
        Assert.Null(StoryTitle.Source(Coverage(null!, null!), new HashSet<string>(), _ => 1));
}
