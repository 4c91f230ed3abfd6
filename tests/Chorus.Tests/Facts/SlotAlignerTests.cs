using Chorus.Facts;
using Chorus.Text;

namespace Chorus.Tests.Facts;

public class SlotAlignerTests
{
    private static FactSlot Slot(string article, SlotKind kind, string topic, SlotValue value) =>
        new(article, kind, topic, topic, value, new TextSpan(0, 1), new TextSpan(0, 1), 0, ["talk", "tallinn"]);

    private static SlotValue Hours(double hours, double low, double high) => new($"PT{hours}H", $"{hours} hours", low * 3600, high * 3600);

    private static (List<Agreement> Agreements, List<Conflict> Conflicts) Align(IReadOnlyList<FactSlot> slots, Func<string, string>? origin = null) =>
        SlotAligner.Align(slots, origin ?? (id => id), _ => "x");

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
    public void AGarbledCopyNeverConflictsWithItsOwnSource()
    {
        var (_, conflicts) = Align(
            [
                Slot("wire", SlotKind.Duration, "duration:talks", Hours(3, 2.91, 3.09)),
                Slot("copy", SlotKind.Duration, "duration:talks", Hours(4, 3.9, 4.1)),
            ],
            id => "wire");
        Assert.Empty(conflicts);
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
}
