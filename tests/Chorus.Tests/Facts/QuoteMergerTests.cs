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

    [Fact]
    public void TwoIndependentWordingsOfOneQuoteAreTwoLinesEachCitingItsOwnArticles()
    {
        var articles = new[]
        {
            Articles.Analyzed("agency", "“We are all deeply saddened by the loss of three of our fishermen at sea,” Marta Ilves said on Monday."),
            Articles.Analyzed("paper", "“We are saddened by the loss of these three men, our fellow fishermen,” Marta Ilves told the paper on Monday."),
        };
        var entities = EntityMerger.Merge(articles, id => id);

        var quotes = QuoteMerger.Merge(articles, entities, id => id, _ => 1);

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Marta Ilves", q.Speaker));
        Assert.All(quotes, q => Assert.Contains(q.Text, articles.Single(a => a.Id == Assert.Single(q.Sources)).Text, StringComparison.Ordinal));
    }

    [Fact]
    public void WordingsAWordApartOrACopysGarbleStayOneLine()
    {
        var articles = new[]
        {
            Articles.Analyzed("wire", "“This is not a perfect deal, but it keeps boats at sea and fish in the water,” Marta Ilves said on Monday."),
            Articles.Analyzed("paper", "“This is not a perfect deal, but it keeps the boats at sea and fish in the water,” Marta Ilves said on Monday."),
            Articles.Analyzed("spun", "“This is not a perfect deal, but it holds boats on the sea and fish in the water,” Marta Ilves said on Monday."),
        };
        var entities = EntityMerger.Merge(articles, id => id);

        var quote = Assert.Single(QuoteMerger.Merge(articles, entities, id => id == "spun" ? "wire" : id, _ => 1));

        Assert.Equal(["wire", "paper", "spun"], quote.Sources);
    }
}
