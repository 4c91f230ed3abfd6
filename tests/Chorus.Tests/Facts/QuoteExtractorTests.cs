using Chorus.Facts;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public class QuoteExtractorTests
{
    private static List<(string Text, string? Speaker)> Quotes(string text)
    {
        var article = Articles.Analyzed("a", text);
        return QuoteExtractor.Extract(article).Select(q => (q.Span.Of(text), q.Speaker?.Of(text))).ToList();
    }

    [Fact]
    public void ASpeakerIntroducedByWhereSheLivesIsThePersonNotThePlace()
    {
        var quote = Assert.Single(Quotes("“I have spent more on diesel this month than in all of spring,” said Narva, Estonia, trawler owner Marta Ilves, who fishes for cod."));
        Assert.Equal("Marta Ilves", quote.Speaker);
    }

    [Fact]
    public void ATitleInQuotationMarksIsNotAQuote() =>
        Assert.Empty(Quotes("Marta Ilves, who wrote “The Last Cod Of The Baltic Sea”, said little at the meeting."));

    [Fact]
    public void AQuotedSentenceIsStillAQuote() =>
        Assert.Single(Quotes("Marta Ilves said: “The last cod of the Baltic Sea will not wait for us.”"));
}
