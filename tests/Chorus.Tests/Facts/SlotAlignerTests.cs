using Chorus.Facts;
using Chorus.Text;

namespace Chorus.Tests.Facts;

public class SlotAlignerTests
{
    private static FactSlot Slot(string article, SlotKind kind, string topic, SlotValue value) =>
        new(article, kind, topic, topic, value, new TextSpan(0, 1), new TextSpan(0, 1), 0, ["talk", "tallinn", "deleg", "cod", "quota"]);

    private static SlotValue Hours(double hours, double low, double high) => new($"PT{hours}H", $"{hours} hours", low * 3600, high * 3600);

    private static (List<Agreement> Agreements, List<Conflict> Conflicts) Align(IReadOnlyList<FactSlot> slots, Func<string, string>? origin = null) =>
        SlotAligner.Align(slots, origin ?? (id => id), _ => "x");

    [Fact]
    public void OfAgreementsOnDifferentThingsUnderOneTopicOnlyTheBestSupportedIsStated()
    {
        string[] fire = ["fire", "terminal", "narva", "ferri", "blaze"];
        FactSlot About(string article, double hours, string[] terms) =>
            new(article, SlotKind.Duration, "duration:talks", "Duration of the talks", Hours(hours, hours * 0.97, hours * 1.03), new TextSpan(0, 1), new TextSpan(0, 1), 0, terms);
        var (agreements, conflicts) = Align(
        [
            About("a", 3, fire), About("b", 3, fire),
            Slot("c", SlotKind.Duration, "duration:talks", Hours(5, 4.85, 5.15)),
            Slot("d", SlotKind.Duration, "duration:talks", Hours(5, 4.85, 5.15)),
            Slot("e", SlotKind.Duration, "duration:talks", Hours(5, 4.85, 5.15)),
        ]);
        Assert.Empty(conflicts);
        Assert.Equal(3, Assert.Single(agreements).Origins);
    }

    [Fact]
    public void DifferentDurationsFromIndependentSourcesConflict()
    {
        var (_, conflicts) = Align(
        [
            Slot("a", SlotKind.Duration, "duration:talks", Hours(3, 2.91, 3.09)),
            Slot("b", SlotKind.Duration, "duration:talks", Hours(3, 2.91, 3.09)),
            Slot("c", SlotKind.Duration, "duration:talks", Hours(1.67, 1.62, 1.72)),
        ]);
        var conflict = Assert.Single(conflicts);
        Assert.Equal(["a", "b"], conflict.Values[0].Sources);
        Assert.Equal(["c"], conflict.Values[1].Sources);
    }

    [Fact]
    public void NearlyTwoHoursAndOneHourFortyFiveAreCompatible()
    {
        var (agreements, conflicts) = Align(
        [
            Slot("a", SlotKind.Duration, "duration:talks", Hours(2, 1.5, 2)),
            Slot("b", SlotKind.Duration, "duration:talks", Hours(1.75, 1.7, 1.8)),
        ]);
        Assert.Empty(conflicts);
        Assert.Single(agreements);
    }

    [Fact]
    public void AWeekdayAndTheCalendarDayItNamesAreCompatible()
    {
        var (_, conflicts) = Align(
        [
            Slot("a", SlotKind.EventDate, "event-date", new SlotValue("2026-03-11", "Wednesday 11 March 2026")),
            Slot("b", SlotKind.EventDate, "event-date", new SlotValue("weekday:Wednesday", "Wednesday")),
        ]);
        Assert.Empty(conflicts);
    }

    [Fact]
    public void ACopyThatChangesItsSourcesValueConflictsWithItAsAVersionOfIt()
    {
        var (_, conflicts) = Align(
            [
                Slot("wire", SlotKind.Duration, "duration:talks", Hours(3, 2.91, 3.09)),
                Slot("copy", SlotKind.Duration, "duration:talks", Hours(4, 3.9, 4.1)),
                Slot("echo", SlotKind.Duration, "duration:talks", Hours(3, 2.91, 3.09)),
            ],
            id => "wire");
        var conflict = Assert.Single(conflicts);
        Assert.Equal(["wire", "echo"], conflict.Values[0].Sources);
        Assert.Null(conflict.Values[0].VersionOf);
        Assert.Equal(["copy"], conflict.Values[1].Sources);
        Assert.Equal("wire", conflict.Values[1].VersionOf);
    }

    [Fact]
    public void CopiesThatKeepTheirSourcesValueNeverConflictWithIt()
    {
        var (agreements, conflicts) = Align(
            [
                Slot("wire", SlotKind.Duration, "duration:talks", Hours(3, 2.91, 3.09)),
                Slot("copy", SlotKind.Duration, "duration:talks", Hours(3, 2.91, 3.09)),
            ],
            id => "wire");
        Assert.Empty(conflicts);
        Assert.Empty(agreements); // one origin confirms nothing
    }

    [Fact]
    public void OneOriginStatingTwoValuesIsTalkingAboutTwoThings()
    {
        var (_, conflicts) = Align(
        [
            Slot("a", SlotKind.Duration, "duration:talks", Hours(3, 2.91, 3.09)),
            Slot("a", SlotKind.Duration, "duration:talks", Hours(1, 0.97, 1.03)),
            Slot("b", SlotKind.Duration, "duration:talks", Hours(3, 2.91, 3.09)),
        ]);
        Assert.Empty(conflicts);
    }

    [Fact]
    public void AValueOneSourceStatesAloneIsNotAnAgreement()
    {
        var (agreements, _) = Align([Slot("a", SlotKind.Venue, "venue", new SlotValue("harbour pavilion", "Harbour Pavilion"))]);
        Assert.Empty(agreements);
    }

    private static FactSlot Said(string article, string text, SlotValue value, string[] terms, DateTimeOffset? published = null) =>
        new(article, SlotKind.Duration, "duration:talks", "Duration of the talks", value, new TextSpan(0, 1), new TextSpan(0, text.Length), 0, terms) { Published = published };

    [Fact]
    public void AQuestionOrAHedgedSentenceIsNoSideOfAConflict()
    {
        string[] terms = ["talk", "tallinn", "deleg", "cod", "quota"];
        var texts = new Dictionary<string, string> { ["a"] = "Did the talks in Tallinn last three hours?", ["b"] = "The talks could last an hour.", ["c"] = "The talks in Tallinn lasted one hour." };
        var (_, conflicts) = SlotAligner.Align(
            [Said("a", texts["a"], Hours(3, 2.91, 3.09), terms), Said("b", texts["b"], Hours(1, 0.97, 1.03), terms), Said("c", texts["c"], Hours(1, 0.97, 1.03), terms)],
            id => id,
            id => texts[id]);
        Assert.Empty(conflicts);
    }

    [Fact]
    public void FiguresForDifferentMonthsOrFromDifferentNewsCyclesAreNotAConflict()
    {
        var day = new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero);
        string[] march = ["talk", "tallinn", "deleg", "cod", "march"];
        string[] april = ["talk", "tallinn", "deleg", "cod", "april"];
        var (_, months) = Align([Said("a", "x", Hours(3, 2.91, 3.09), march, day), Said("b", "x", Hours(1, 0.97, 1.03), april, day)]);
        Assert.Empty(months);

        // A running story's figures change from day to day: a week apart, only near-identical words make a conflict.
        string[] first = ["talk", "tallinn", "deleg", "cod", "quota"];
        string[] later = ["talk", "tallinn", "resum", "minist", "walkout", "union"];
        var (_, cycles) = Align([Said("a", "x", Hours(3, 2.91, 3.09), first, day), Said("b", "x", Hours(1, 0.97, 1.03), later, day.AddDays(7))]);
        Assert.Empty(cycles);
        var (_, sameCycle) = Align([Said("a", "x", Hours(3, 2.91, 3.09), first, day), Said("b", "x", Hours(1, 0.97, 1.03), later, day.AddHours(5))]);
        Assert.Single(sameCycle);
    }

    [Fact]
    public void AnotherValueFromAnOriginThatAlsoStatesTheMainOneDoesNotBlockTheAgreement()
    {
        var (agreements, conflicts) = Align(
        [
            Slot("a", SlotKind.Duration, "duration:talks", Hours(3, 2.91, 3.09)),
            Slot("b", SlotKind.Duration, "duration:talks", Hours(3, 2.91, 3.09)),
            Slot("b", SlotKind.Duration, "duration:talks", Hours(8, 7.76, 8.24)),
        ]);
        Assert.Empty(conflicts);
        Assert.Equal(2, Assert.Single(agreements).Origins);
    }
}
