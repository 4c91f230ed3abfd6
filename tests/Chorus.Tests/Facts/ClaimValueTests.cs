using Chorus.Facts.Claims;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public class ClaimValueTests
{
    private static List<ClaimValue> Read(string text, DateTimeOffset? published = null) =>
        ClaimValueReader.Read(Articles.Analyzed("a", text, published: published));

    private static ClaimValue Single(string text, ValueKind kind, DateTimeOffset? published = null) =>
        Assert.Single(Read(text, published), v => v.Kind == kind);

    [Fact]
    public void ACountInWordsIsReadWithWhatItCounts()
    {
        var value = Single("The crews came in three boats before dawn.", ValueKind.Count);
        Assert.Equal((3, 3), (value.Low, value.High));
        Assert.Equal("boat", value.Unit);
    }

    [Fact]
    public void TwiceIsTwoTimes()
    {
        var value = Single("She has been married twice before.", ValueKind.Count);
        Assert.Equal((2.0, "time"), (value.Low, value.Unit));
    }

    [Fact]
    public void ThousandsWrittenWithASpaceAfterTheCommaAreOneNumber()
    {
        var value = Single("The island has a population of 118, 000 on the census.", ValueKind.Count);
        Assert.Equal(118000, value.Low);
    }

    [Fact]
    public void ADecimalIsOneNumber()
    {
        var value = Single("The quake measured 5.9 on the scale, the survey said.", ValueKind.Count);
        Assert.Equal(5.9, value.Low, 3);
    }

    [Fact]
    public void AQualifierWidensTheRange()
    {
        var value = Single("The council received nearly 18,000 letters by the deadline.", ValueKind.Count);
        Assert.True(value.Low < 18000 && value.High == 18000);
        Assert.Equal(double.PositiveInfinity, Single("It drew more than 40 boats into the harbour.", ValueKind.Count).High);
        var most = Single("The offer was for no more than seven boats in the harbour.", ValueKind.Count);
        Assert.Equal((0.0, 7.0), (most.Low, most.High));
    }

    [Fact]
    public void MoneyAndPercentagesKeepTheirKinds()
    {
        var values = Read("The fund of $45 million grew by 12% last year.");
        Assert.Contains(values, v => v.Kind == ValueKind.Money && v.Low == 45e6);
        Assert.Contains(values, v => v.Kind == ValueKind.Percent && v.Low == 12);
    }

    [Fact]
    public void AWeekdayAndACalendarDayAreDaysWithKeys()
    {
        Assert.Equal("weekday:Tuesday", Single("She checked in on Tuesday at the clinic.", ValueKind.Day).Key);
        var dated = Single("She checked in on December 9, 2008 at the clinic.", ValueKind.Day);
        Assert.Contains("2008-12-09", dated.Key.Split('|'));
        Assert.Contains("weekday:Tuesday", dated.Key.Split('|'));
    }

    [Fact]
    public void YesterdayIsResolvedAgainstThePublicationDate()
    {
        var value = Single("The bridge closed yesterday after the storm.", ValueKind.Day, new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));
        Assert.Contains("2026-03-11", value.Key.Split('|'));
    }

    [Fact]
    public void AMonthAndAYearNamedAloneAreRead()
    {
        Assert.Equal(9, Single("The label launched its line in September with a show.", ValueKind.Month).Low);
        Assert.Equal(1961, Single("A hearing in 1961 called the skipper as a witness.", ValueKind.Year).Low);
    }

    [Fact]
    public void DurationsTimesOfDayAndAgesHaveKindsOfTheirOwn()
    {
        Assert.Equal(3 * 3600, Single("The talks lasted three hours without a break.", ValueKind.Duration).Low);
        Assert.Equal((19 * 60) + 30, Single("The blast came at 7:30 p.m. near the quay.", ValueKind.TimeOfDay).Low);
        Assert.Equal(36, Single("Police stopped Kell, 36, of Tartu on the highway.", ValueKind.Age).Low);
        Assert.Equal(16, Single("The 16-year-old was taken to hospital.", ValueKind.Age).Low);
    }

    [Fact]
    public void NumbersGluedToNamesAreNotCounts()
    {
        Assert.DoesNotContain(Read("Leaders of the G-20 met on COVID-19 measures."), v => v.Kind == ValueKind.Count);
    }

    [Fact]
    public void YearsAndSmallCountsMustMatchExactlyWhileLargeFiguresMayBeRounded()
    {
        var year2005 = Single("The film came out in 2005 to good reviews.", ValueKind.Year);
        var year2006 = Single("The film came out in 2006 to good reviews.", ValueKind.Year);
        Assert.False(year2005.CompatibleWith(year2006));
        var exact = Single("The island has 1,214,000 residents counted.", ValueKind.Count);
        var rounded = Single("The island has 1,220,000 residents counted.", ValueKind.Count);
        Assert.True(exact.CompatibleWith(rounded));
        Assert.False(Single("They came in two boats.", ValueKind.Count).CompatibleWith(Single("They came in three boats.", ValueKind.Count)));
    }

    [Fact]
    public void AWeekdayAgreesWithTheDateThatFallsOnIt()
    {
        var weekday = Single("She checked in on Tuesday at the clinic.", ValueKind.Day);
        var date = Single("She checked in on December 9, 2008 at the clinic.", ValueKind.Day);
        var other = Single("She checked in on Friday at the clinic.", ValueKind.Day);
        Assert.True(weekday.CompatibleWith(date));
        Assert.False(other.CompatibleWith(date));
    }
}
