using Chorus.Rendering;
using Chorus.Summary;

namespace Chorus.Tests.Rendering;

public class BriefPhrasesTests
{
    private static StoryBrief Story(string?[] sites, int quotes) => new(
        "s1",
        "Fire at the Narva ferry terminal",
        sites.Select((_, i) => $"a{i}").ToList(),
        [],
        [],
        [],
        [],
        Enumerable.Range(0, quotes).Select(i => new QuoteLine("Marta Ilves", $"Quote number {i} about the ferry fire.", ["a0"])).ToList(),
        sites.Select((site, i) => new SourceLine($"a{i}", "Fire", site, null, null, 5, null, 1, [])).ToList());

    [Fact]
    public void CoverageCountsOutletsOnlyWhenTheyAreKnownAndSpeaksInTheSingularForOne()
    {
        Assert.Equal("2 articles from 1 outlet", BriefPhrases.Coverage(Story(["Narva Daily", "narva daily"], 0)));
        Assert.Equal("3 articles from 2 outlets", BriefPhrases.Coverage(Story(["Narva Daily", "Baltic Wire", null], 0)));
        Assert.Equal("1 article", BriefPhrases.Coverage(Story([null], 0)));
    }

    [Fact]
    public void ReadableBriefsListTheFirstQuotesAndSayHowManyMoreTheJsonHolds()
    {
        var brief = new Brief([Story(["Narva Daily"], BriefPhrases.ShownQuotes + 3)], []);
        var md = MarkdownBriefRenderer.Render(brief);
        Assert.Contains("Quote number 24 about", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Quote number 25 about", md, StringComparison.Ordinal);
        Assert.Contains("… and 3 more quotes", md, StringComparison.Ordinal);
        Assert.Contains("… and 3 more quotes", HtmlBriefRenderer.Render(brief), StringComparison.Ordinal);
        Assert.Contains("Quote number 27 about", JsonBriefRenderer.Render(brief), StringComparison.Ordinal);
    }
}
