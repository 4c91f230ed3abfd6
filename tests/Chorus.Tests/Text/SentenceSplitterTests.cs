using Chorus.Text;

namespace Chorus.Tests.Text;

public class SentenceSplitterTests
{
    private static List<string> Split(string text) => SentenceSplitter.Split(text).Select(s => s.Of(text)).ToList();

    [Fact]
    public void TitlesInitialsAndMonthAbbreviationsDoNotEndASentence()
    {
        Assert.Equal(
            ["Mr. Valenko met Dr. J. Smith on Jan. 4 in St. Petersburg.", "They talked."],
            Split("Mr. Valenko met Dr. J. Smith on Jan. 4 in St. Petersburg. They talked."));
    }

    [Fact]
    public void ANameEndingLikeATitleEndsASentenceBeforeATypicalOpener()
    {
        Assert.Equal(
            ["The talks were chaired by Council member Arvo Gen.", "The next round is in May."],
            Split("The talks were chaired by Council member Arvo Gen. The next round is in May."));
        Assert.Single(Split("The motion was backed by Sen. Marta Ilves of Narva."));
    }

    [Fact]
    public void PageSectionAndArticleReferencesDoNotEndASentence()
    {
        Assert.Single(Split("The report (see p. 12) was released on Monday."));
        Assert.Single(Split("Under Art. 5 of the treaty, and Sec. 3 of the act, members must respond."));
    }

    [Fact]
    public void AClosingQuoteStaysWithItsSentence()
    {
        Assert.Equal(["\"We will see.\"", "Then he left."], Split("\"We will see.\" Then he left."));
    }

    [Fact]
    public void AbbreviationsThatOftenCloseASentenceEndOneBeforeATypicalOpener()
    {
        Assert.Equal(["Talks began at 10 a.m.", "The ministers met."], Split("Talks began at 10 a.m. The ministers met."));
        Assert.Single(Split("The U.S. Navy said so."));
    }

    [Fact]
    public void LineBreaksAlwaysEndASentenceAndDecimalsNever()
    {
        Assert.Equal(["Headline without a stop", "Prices rose 3.5 percent."], Split("Headline without a stop\nPrices rose 3.5 percent."));
    }

    [Fact]
    public void QuestionAndExclamationMarksEndSentences()
    {
        Assert.Equal(["Why now?", "Because!", "Fine."], Split("Why now? Because! Fine."));
    }
}
