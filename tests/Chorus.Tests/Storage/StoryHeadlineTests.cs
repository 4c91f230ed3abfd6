using Chorus.Storage;

namespace Chorus.Tests.Storage;

/// <summary>A story whose articles carry no title is listed under the first sentence of its first article.</summary>
public class StoryHeadlineTests
{
    [Fact]
    public void TheFirstSentenceNamesAnUntitledStory() =>
        Assert.Equal(
            "Marta Ilves opened the new ferry line in Narva on Monday.",
            SqliteStore.Headline("\n  Marta Ilves opened the new ferry line in Narva on Monday. The line will carry 400 passengers a day."));

    [Fact]
    public void ALongFirstSentenceIsCutAfterAWord()
    {
        var headline = SqliteStore.Headline(string.Join(' ', Enumerable.Repeat("harbour", 30)) + ".")!;
        Assert.EndsWith("harbour…", headline, StringComparison.Ordinal);
        Assert.InRange(headline.Length, 80, 101);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void NoTextGivesNoHeadline(string? text) => Assert.Null(SqliteStore.Headline(text));
}
