using Chorus.Facts;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public class QuoteMergerTests
{
    private static string? SpeakerOfTheOneQuote(string text)
    {
        var article = Articles.Analyzed("a", text);
        var entities = EntityMerger.Merge([article], id => id);
        return Assert.Single(QuoteMerger.Merge([article], entities, id => id, _ => 1)).Speaker;
    }

    [Fact]
    public void AQuoteFromATitleAloneIsGivenToThePersonWhoHoldsIt() =>
        Assert.Equal("Liisa Tamm", SpeakerOfTheOneQuote("Fisheries Minister Liisa Tamm met the crews in Narva on Monday. ``The quota will not change this year,'' the minister said."));

    [Fact]
    public void APlaceInsideTheSpeakersWordsNeverSpeaks() =>
        Assert.Equal("the Estonian minister", SpeakerOfTheOneQuote("The crews met in Narva on Monday. ``The quota will not change this year,'' the Estonian minister said."));

    [Fact]
    public void TheWordingThatHoldsTheOthersIsShownEvenWhenMoreOutletsCarryACutOne()
    {
        const string full = "The winter was the worst in ten years. We will not lose the spring as well";
        const string cut = "We will not lose the spring as well";
        var articles = new[]
        {
            Articles.Analyzed("wire", $"“{cut},” Marta Ilves said on Monday."),
            Articles.Analyzed("copy", $"“{cut},” Marta Ilves said on Monday in Narva."),
            Articles.Analyzed("paper", $"“{full},” Marta Ilves told the paper on Monday."),
        };
        var entities = EntityMerger.Merge(articles, id => id);

        var quote = Assert.Single(QuoteMerger.Merge(articles, entities, id => id, _ => 1));

        Assert.Equal(full, quote.Text);
        Assert.Equal(["wire", "copy", "paper"], quote.Sources);
    }
}
