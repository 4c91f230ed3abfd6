using Chorus.Text;

namespace Chorus.Tests.Text;

public class TokenizerTests
{
    private static List<string> Words(string text) => Tokenizer.Tokenize(text).Select(t => text[t.Span.Range]).ToList();

    [Fact]
    public void NumbersKeepTheirThousandsSeparatorsDecimalsAndClockTimes()
    {
        Assert.Equal(["About", "1,200", "staff", "earn", "3.5", "%", "at", "10:30"], Words("About 1,200 staff earn 3.5% at 10:30"));
    }

    [Fact]
    public void HyphenatedWordsAbbreviationsAndApostrophesStayWhole()
    {
        Assert.Equal(["The", "U.S.", "three-hour", "talks", "weren't", "Fishers", "'", "Union"], Words("The U.S. three-hour talks weren't Fishers' Union"));
    }

    [Fact]
    public void CompactDurationsAreOneNumberToken()
    {
        var tokens = Tokenizer.Tokenize("after 1h45 of talks");
        Assert.Equal("1h45", "after 1h45 of talks"[tokens[1].Span.Range]);
        Assert.Equal(TokenKind.Number, tokens[1].Kind);
    }

    [Fact]
    public void TokensAreSpansIntoTheTextAndNeverOverlap()
    {
        const string text = "Valenko said: \"It keeps boats at sea.\" (BWS)";
        var tokens = Tokenizer.Tokenize(text);
        for (var i = 1; i < tokens.Count; i++)
        {
            Assert.True(tokens[i].Start >= tokens[i - 1].End);
        }

        Assert.All(tokens, t => Assert.False(string.IsNullOrWhiteSpace(text[t.Span.Range])));
    }

    [Fact]
    public void CountWordsCountsWordsAndNumbers() => Assert.Equal(6, Tokenizer.CountWords("Delegates from nine countries attended 2026."));
}
