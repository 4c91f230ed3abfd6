using Chorus.Text;

namespace Chorus.Tests.Text;

public class TextKeyTests
{
    [Fact]
    public void TheHashIsEqualUnderOtherSpacingCaseAndPunctuation()
    {
        Assert.Equal(TextKey.Hash("Council agrees cod truce"), TextKey.Hash("  COUNCIL agrees -- cod truce! "));
        Assert.NotEqual(TextKey.Hash("Council agrees cod truce"), TextKey.Hash("Council rejects cod truce"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" -- | ")]
    public void ATextWithoutLettersOrDigitsHashesToZero(string? text) => Assert.Equal(0UL, TextKey.Hash(text));

    [Fact]
    public void WordsAreCountedNoFurtherThanAsked()
    {
        Assert.Equal(10, Tokenizer.CountWords("The council's cut ends a long-running dispute over eastern cod."));
        Assert.Equal(7, Tokenizer.CountWords("The council's cut ends a long-running dispute over eastern cod.", atMost: 7));
    }
}
