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
        var slot = Assert.Single(EventDates("The skipper checked into a clinic in Pärnu on Tuesday. His union said nothing more."));
        Assert.Equal("weekday:Tuesday", slot.Value.Key);
    }

    [Fact]
    public void TheDayARepresentativeConfirmedItIsNotTheDateOfTheEvent()
    {
        Assert.Empty(EventDates("The skipper has entered a clinic, her spokesman confirmed to reporters on Friday. Crews sent flowers."));
        Assert.Empty(EventDates("Her spokesman said Friday that the skipper went to a clinic in Pärnu. Crews sent flowers."));
        Assert.Empty(EventDates("A crash on the ring road, posted in Road News on Wednesday. Two drivers were hurt."));
    }

    [Fact]
    public void AReportingVerbInAnotherClauseDoesNotHideTheEventsDate()
    {
        var slot = Assert.Single(EventDates("The skipper, her spokesman said, checked into a clinic on Tuesday. Crews sent flowers."));
        Assert.Equal("weekday:Tuesday", slot.Value.Key);
    }
}
