using Chorus.Clustering;
using Chorus.Pipeline;
using Chorus.Tests.Support;

namespace Chorus.Tests.Clustering;

public class StoryClustererTests
{
    [Fact]
    public void TheDemoCoverageFormsItsThreeStories()
    {
        var sizes = DemoCorpus.Stories.Select(s => s.Articles.Count).Order().ToList();
        Assert.Equal([1, 3, 8], sizes);
        Assert.Contains(DemoCorpus.Stories, s => s.Articles.Count == 1 && s.Articles[0].Id == "coastline-library");
        Assert.All(DemoCorpus.MainStory.Articles, a => Assert.Contains("cod", a.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ArticlesArriveInPublicationOrderAndUndatedOnesKeepInputOrder()
    {
        var late = Articles.Analyzed("late", "Ferry crews walked out on Monday over pay.", published: new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero));
        var early = Articles.Analyzed("early", "Ferry crews walked out on Monday over pay.", published: new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero));
        var undated1 = Articles.Analyzed("u1", "Ferry crews walked out.");
        var undated2 = Articles.Analyzed("u2", "Ferry crews walked out.");
        Assert.Equal(["early", "late", "u1", "u2"], StoryClusterer.ArrivalOrder([late, undated1, early, undated2]).Select(a => a.Id));
    }

    [Fact]
    public void ANewArticleJoinsTheExistingStoryItBelongsToAndKeepsItsId()
    {
        var cod = DemoCorpus.MainStory;
        var existing = new Story("s7", cod.Articles.Take(3).ToList());
        var stories = new StoryClusterer().Assign([existing], cod.Articles.Skip(3).ToList());
        var story = Assert.Single(stories);
        Assert.Equal("s7", story.Id);
        Assert.Equal(cod.Articles.Count, story.Articles.Count);
    }

    [Fact]
    public void InAStreamAnArticleThatCameBeforeItsStoryGrewJoinsItAtTheEnd()
    {
        // The first article shares one word with each later one: too little with any single article to join it on
        // arrival, enough with the story they form together.
        var items = new[]
        {
            Item(1, 2, 3, 10, 11, 12, 13),
            Item(1, 20, 21, 22, 23, 24, 25),
            Item(2, 20, 21, 22, 23, 24, 26),
            Item(3, 20, 21, 22, 23, 24, 27),
        };
        var groups = new StoryClusterer().Stream(items.Select((item, i) => (i, item)));
        Assert.Equal([0, 1, 2, 3], Assert.Single(groups).Members.Order());
    }

    [Fact]
    public void AnArticleThatJoinedTheWrongStoryEarlyMovesToTheStoryItFitsBetterAtTheEnd()
    {
        // The second article looks closest to the first when it comes; the story that fits it better forms after it.
        var items = new[]
        {
            Item(1, 2, 3, 4, 5, 6),
            Item(1, 20, 21, 22, 40),
            Item(21, 60, 61, 62, 63, 64, 80),
            Item(22, 20, 60, 61, 62, 63, 64, 81),
            Item(21, 22, 20, 60, 61, 62, 63, 64, 82),
        };
        var groups = new StoryClusterer().Run(items, [-1, -1, -1, -1, -1], 0);
        Assert.Contains(groups, g => g.Members.Order().SequenceEqual([1, 2, 3, 4]));
        Assert.Contains(groups, g => g.Members.SequenceEqual([0]));
    }

    private static ClusterItem Item(params int[] terms) => new(null, terms, terms.Select(_ => (Half)1).ToArray());

    [Fact]
    public void UnrelatedArticlesStartStoriesOfTheirOwn()
    {
        var stories = new StoryClusterer().Cluster(
        [
            Articles.Analyzed("a", "The town library reopened after a renovation that added a reading room and a rooftop garden for children."),
            Articles.Analyzed("b", "Ferry crews at the port walked out in a strike over pay, cancelling forty sailings and stranding passengers."),
        ]);
        Assert.Equal(2, stories.Count);
    }

    [Fact]
    public void AStoryLongPastIsNoCandidateForLaterDatedArticlesButAnUndatedArticleStillJoinsIt()
    {
        const string walkout = "Ferry crews at the port walked out in a strike over pay, cancelling forty sailings and stranding passengers.";
        var stories = new StoryClusterer().Cluster(
        [
            Articles.Analyzed("january", walkout, published: new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero)),
            Articles.Analyzed("march", walkout + " Two months on, the crews went back to work with a new deal on wages.", published: new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero)),
            Articles.Analyzed("undated", walkout),
        ]);
        Assert.Equal(2, stories.Count);
        Assert.Contains(stories, s => s.Articles.Select(a => a.Id).Order().SequenceEqual(["january", "undated"]));
        Assert.Contains(stories, s => s.Articles.Count == 1 && s.Articles[0].Id == "march");
    }

    [Fact]
    public void AFeatureKindWeightedZeroIsLeftOutAndCopiesStillShareAStory()
    {
        const string text = "Council chair Sergei Valenko said the Baltic Fisheries Council would cut the cod quota by 12 percent next season.";
        var options = ClusteringOptions.Default with { EntityWeight = 0, TitleWeight = 0 };
        var stories = new StoryClusterer(options).Cluster([Articles.Analyzed("a", text), Articles.Analyzed("b", text)]);
        Assert.Single(stories);
    }

    [Fact]
    public void TheLightPathOverPlainArticlesFindsTheSameStoriesAsTheFullAnalysis()
    {
        var articles = new ArticleSource().ReadAll([Repository.Samples]).Articles;
        var light = new BriefPipeline().ClusterLight(articles).Stories.Select(g => g.Select(i => articles[i].Id).Order(StringComparer.Ordinal).ToList()).ToList();
        var full = DemoCorpus.Stories.Select(s => s.Articles.Select(a => a.Id).Order(StringComparer.Ordinal).ToList()).ToList();
        Assert.Equal(full, light);
    }
    [Fact]
    public void FeaturesSurviveEncodingInTheirOrder()
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal) { ["cod"] = 3, ["e:sergei valenko"] = 1, ["#12"] = 0.5, ["quota"] = 2 };
        var decoded = ClusterFeatures.Decode(ClusterFeatures.Encode(features));
        Assert.Equal(features.ToList(), decoded.ToList());
    }

    [Fact]
    public void TheFeatureVersionChangesWithTheOptionsThatShapeFeatures() =>
        Assert.NotEqual(ClusterFeatures.Version(ClusteringOptions.Default), ClusterFeatures.Version(ClusteringOptions.Default with { LeadSentences = 8 }));
}
