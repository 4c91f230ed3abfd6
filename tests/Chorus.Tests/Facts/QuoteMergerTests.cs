using Chorus.Facts;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public class QuoteMergerTests
{
    [Fact]
    public void AQuoteFromATitleAloneIsGivenToThePersonWhoHoldsIt()
    {
        var article = Articles.Analyzed("a", "Fisheries Minister Liisa Tamm met the crews in Narva on Monday. ``The quota will not change this year,'' the minister said.");
        var entities = EntityMerger.Merge([article], id => id);
        var quote = Assert.Single(QuoteMerger.Merge([article], entities, id => id, _ => 1));
        Assert.Equal("Liisa Tamm", quote.Speaker);
    }

    [Fact]
    public void APlaceInsideTheSpeakersWordsNeverSpeaks()
    {
        var article = Articles.Analyzed("a", "The crews met in Narva on Monday. ``The quota will not change this year,'' the Estonian minister said.");
        var entities = EntityMerger.Merge([article], id => id);
        var quote = Assert.Single(QuoteMerger.Merge([article], entities, id => id, _ => 1));
        Assert.Equal("the Estonian minister", quote.Speaker);
    }
}
