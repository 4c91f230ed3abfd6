using Chorus.Extraction;

namespace Chorus.Tests.Extraction;

public class DateParserTests
{
    [Theory]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("9999-12-31")]
    [InlineData("1850-06-01")]
    public void PlaceholderAndImpossibleYearsAreNoDate(string value) => Assert.False(DateParser.TryParse(value, out _));

    [Theory]
    [InlineData("2026-03-11T19:25:00+02:00", 2026)]
    [InlineData("November 19, 2019", 2019)]
    public void NewsDatesAreRead(string value, int year)
    {
        Assert.True(DateParser.TryParse(value, out var date));
        Assert.Equal(year, date.Year);
    }
}
