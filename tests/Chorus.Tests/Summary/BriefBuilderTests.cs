using Chorus.Summary;
using Chorus.Tests.Support;

namespace Chorus.Tests.Summary;

public class BriefBuilderTests
{
    [Fact]
    public void QuotesWithASpeakerComeFirstAndAFewUnattributedWordsInQuotationMarksAreLeftOut()
    {
        var articles = new[]
        {
            Articles.Analyzed("a", "The council cut the cod quota on Wednesday, which traders called “a long overdue step” for the fleet.\n\nSome crews hoped for \"a quieter season on the water after years of rows over the catch limits and the fund\"."),
            Articles.Analyzed("b", "Council chair Sergei Valenko said: “The deal keeps boats at sea and fish in the water.”\n\nThe cut takes effect next season."),
        };
        var brief = BriefBuilder.Build(Chorus.Facts.StoryAnalyzer.Analyze(new Chorus.Clustering.Story("s", articles)), new BriefOptions());
        Assert.Equal("Sergei Valenko", brief.Quotes[0].Speaker);
        Assert.DoesNotContain(brief.Quotes, q => q.Text.Contains("long overdue", StringComparison.Ordinal));
        Assert.Contains(brief.Quotes, q => q.Speaker is null && q.Text.Contains("quieter season", StringComparison.Ordinal));
    }
}
