using Chorus.Clustering;

namespace Chorus.Tests.Clustering;

public class StoryIdsTests
{
    [Fact]
    public void AStoryThatGainsArticlesKeepsItsId()
    {
        var ids = StoryIds.Keep([[0, 1, 2], [3]], ["s1", "s1", "s9", "s2"], next: 10);
        Assert.Equal(["s1", "s1", "s1", "s2"], ids);
    }

    [Fact]
    public void MergedStoriesTakeTheIdOfTheLargerShare()
    {
        var ids = StoryIds.Keep([[0, 1, 2, 3, 4]], ["s2", "s1", "s1", "s1", "s2"], next: 3);
        Assert.Equal(["s1", "s1", "s1", "s1", "s1"], ids);
    }

    [Fact]
    public void TheSmallerPartOfASplitStoryGetsAFreshId()
    {
        var ids = StoryIds.Keep([[0, 1], [2, 3, 4]], ["s1", "s1", "s1", "s1", "s1"], next: 7);
        Assert.Equal(["s7", "s7", "s1", "s1", "s1"], ids);
    }

    [Fact]
    public void OnEqualSharesTheStoryWhoseArticlesCameFirstKeepsTheId()
    {
        var ids = StoryIds.Keep([[2, 3], [0, 1]], ["s1", "s1", "s1", "s1"], next: 2);
        Assert.Equal(["s1", "s1", "s2", "s2"], ids);
    }
}
