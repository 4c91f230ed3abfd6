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
}
