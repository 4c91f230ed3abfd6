using Chorus.Facts;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public class EventDateSlotTests
{
    private static IEnumerable<FactSlot> EventDates(string text) =>
        FactSlotExtractor.Extract(Articles.Analyzed("a", text), []).Where(s => s.Kind == SlotKind.EventDate);

    [Fact]
    public void TheDayOfTheEventInTheLeadIsItsDate()
    {
        var slot = Assert.Single(EventDates("The singer checked into a clinic in Malibu on Tuesday. Her label said nothing more."));
        Assert.Equal("weekday:Tuesday", slot.Value.Key);
    }

    [Fact]
    public void TheDayARepresentativeConfirmedItIsNotTheDateOfTheEvent()
    {
        Assert.Empty(EventDates("The singer has entered a clinic, her spokesman confirmed to reporters on Friday. Fans sent flowers."));
        Assert.Empty(EventDates("Her spokesman said Friday that the singer went to a clinic in Malibu. Fans sent flowers."));
        Assert.Empty(EventDates("A crash on the ring road, posted in Road News on Wednesday. Two drivers were hurt."));
    }

    [Fact]
    public void AReportingVerbInAnotherClauseDoesNotHideTheEventsDate()
    {
        var slot = Assert.Single(EventDates("The singer, her spokesman said, checked into a clinic on Tuesday. Fans sent flowers."));
        Assert.Equal("weekday:Tuesday", slot.Value.Key);
    }
}
