using Chorus.Text;

namespace Chorus.Tests.Text;

public class RecognizersTests
{
    private static List<DurationMention> Durations(string text) => Recognizers.Durations(text, 0, text.Length);

    [Theory]
    [InlineData("after an hour and 40 minutes of talks", 6000)]
    [InlineData("the talks lasted three hours", 10800)]
    [InlineData("a three-hour meeting", 10800)]
    [InlineData("a 24-hour strike", 86400)]
    [InlineData("talks ran 1h45 in all", 6300)]
    [InlineData("for one and a half hours", 5400)]
    [InlineData("waited for 90 minutes", 5400)]
    [InlineData("the truce held for a day and a half", 129600)]
    [InlineData("it took them 2 hrs 15 mins to reach the site", 8100)]
    public void DurationsAreReadInSeconds(string text, double seconds)
    {
        var found = Assert.Single(Durations(text));
        Assert.Equal(seconds, found.Seconds);
    }

    [Fact]
    public void QualifiersAreKeptAndDurationsHaveAnIsoForm()
    {
        var found = Assert.Single(Durations("after more than three hours of talks"));
        Assert.Equal(Qualifier.AtLeast, found.Qualifier);
        Assert.Equal("more than three hours", "after more than three hours of talks"[found.Span.Range]);
        Assert.Equal("PT1H40M", DurationMention.IsoDuration(6000));
    }

    [Fact]
    public void ARateIsNotADuration() => Assert.Empty(Durations("11 fewer tonnes of cod a year, twice a day"));

    [Fact]
    public void DatesWeekdaysAndDatelinesAreRecognized()
    {
        const string text = "TALLINN, March 11 (BWS) - The council agreed on Wednesday evening, not on 12 March 2026.";
        var dates = Recognizers.Dates(text, 0, text.Length);
        Assert.Equal(3, dates.Count);
        Assert.True(dates[0].InDateline);
        Assert.Equal(DayOfWeek.Wednesday, dates[1].Weekday);
        Assert.Equal("evening", dates[1].PartOfDay);
        Assert.Equal((3, 12, 2026), (dates[2].Month!.Value, dates[2].Day!.Value, dates[2].Year!.Value));
    }

    [Theory]
    [InlineData("a €45m fund", 45e6, "EUR")]
    [InlineData("a fund of 45 million euros", 45e6, "EUR")]
    [InlineData("a 45 million euro fund", 45e6, "EUR")]
    [InlineData("loans of $3.5 billion", 3.5e9, "USD")]
    [InlineData("a fine of £12,000", 12000, "GBP")]
    [InlineData("about 48 million U.S. dollars", 48e6, "USD")]
    public void MoneyIsReadWithItsCurrency(string text, double value, string currency)
    {
        var money = Assert.Single(Recognizers.Quantities(text, 0, text.Length, []), q => q.Kind == QuantityKind.Money);
        Assert.Equal(value, money.Value);
        Assert.Equal(currency, money.Unit);
    }

    [Fact]
    public void PercentagesAndCountsCarryTheirUnit()
    {
        const string text = "Delegates from nine Baltic countries cut the quota by 12 percent, and 1,200 crew joined.";
        var quantities = Recognizers.Quantities(text, 0, text.Length, []);
        Assert.Contains(quantities, q => q is { Kind: QuantityKind.Percent, Value: 12 });
        Assert.Contains(quantities, q => q is { Kind: QuantityKind.Count, Value: 9, Unit: "countri", Noun: "countries" });
        Assert.Contains(quantities, q => q is { Kind: QuantityKind.Count, Value: 1200 });
    }

    [Fact]
    public void YearsAreNotCounts()
    {
        const string text = "He has led the council since 2023 members joined.";
        Assert.DoesNotContain(Recognizers.Quantities(text, 0, text.Length, []), q => q.Value == 2023);
    }

    [Theory]
    [InlineData("The port reopened on 2026-03-12.", 2026, 3, 12)]
    [InlineData("Updated 2026-03-12T09:30:00+02:00 by the desk.", 2026, 3, 12)]
    [InlineData("The storm hit on 25/12/2025.", 2025, 12, 25)]
    [InlineData("The storm hit on 12/25/2025.", 2025, 12, 25)]
    [InlineData("The storm hit on 4/4/2025.", 2025, 4, 4)]
    public void NumericDatesAreReadWhenTheyCanOnlyMeanOneDay(string text, int year, int month, int day)
    {
        var date = Assert.Single(Recognizers.Dates(text, 0, text.Length));
        Assert.Equal((year, month, day), (date.Year!.Value, date.Month!.Value, date.Day!.Value));
    }

    [Fact]
    public void ANumericDateThatReadsTwoWaysIsLeftAlone()
    {
        const string text = "The council met on 3/11/2026.";
        Assert.Empty(Recognizers.Dates(text, 0, text.Length));
    }

    [Theory]
    [InlineData("Some 2,500 to 3,000 people attended.", "Some 2,500 to 3,000 people", 2500, 3000, Qualifier.About)]
    [InlineData("Between 40 and 50 boats joined the protest.", "Between 40 and 50 boats", 40, 50, Qualifier.Exact)]
    [InlineData("Then 2,000-2,500 fishermen marched.", "2,000-2,500 fishermen", 2000, 2500, Qualifier.Exact)]
    public void ARangeOfCountsKeepsBothEnds(string text, string span, double low, double high, Qualifier qualifier)
    {
        var count = Assert.Single(Recognizers.Quantities(text, 0, text.Length, []));
        Assert.Equal((span, low, high, qualifier), (text[count.Span.Range], count.Low!.Value, count.Value, count.Qualifier));
    }

    [Theory]
    [InlineData("Attendance rose from 2,500 to 3,000 people this year.")]
    [InlineData("The raid killed 2 and injured 30 people.")]
    public void AChangeOrTwoSeparateFiguresAreNoRange(string text)
    {
        var count = Recognizers.Quantities(text, 0, text.Length, []).Last();
        Assert.Null(count.Low);
    }

    [Fact]
    public void AnAgeIsNoDuration() => Assert.Empty(Durations("a 12-year-old boy and his 45-year-old father"));

    [Theory]
    [InlineData("Some 1.5 million people fled the city.", 1.5e6, Qualifier.About)]
    [InlineData("Over 1,000 homes were destroyed.", 1000, Qualifier.AtLeast)]
    [InlineData("Yields fell 0.4 percentage points.", 0.4, Qualifier.Exact)]
    public void CountsTakeTheirScaleFractionAndACapitalisedQualifier(string text, double value, Qualifier qualifier)
    {
        var count = Assert.Single(Recognizers.Quantities(text, 0, text.Length, []));
        Assert.Equal((value, qualifier), (count.Value, count.Qualifier));
    }

    [Fact]
    public void AFractionOfPeopleIsNoCount()
    {
        const string text = "an average of 3.5 people per home";
        Assert.Empty(Recognizers.Quantities(text, 0, text.Length, []));
    }

    [Fact]
    public void APartOfAWholeCountsThePartAndKeepsTheWhole()
    {
        const string text = "The party won 64 of the 122 seats in the vote.";
        var count = Assert.Single(Recognizers.Quantities(text, 0, text.Length, []));
        Assert.Equal((64.0, 122.0), (count.Value, count.Whole));
    }
}
