using Chorus.Clustering;
using Chorus.Facts;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public class CountSlotTests
{
    private const string Lead = "A fire swept through the ferry terminal in Narva on Friday night, killing 12 people and injuring {0} others, the regional rescue board said.";

    private static StoryAnalysis Analyze(params (string Id, string Text)[] articles) =>
        StoryAnalyzer.Analyze(new Story("s", articles.Select(a => Articles.Analyzed(a.Id, a.Text)).ToList()));

    [Fact]
    public void TwoCountedFiguresThatDifferByAFewAreAConflict()
    {
        var analysis = Analyze(
            ("a", string.Format(null, Lead, "157") + " Crews from three towns fought the blaze for six hours."),
            ("b", "Rescue workers said a fire swept through the ferry terminal in Narva on Friday night, killing 12 people and injuring 162 others, the board reported."));
        var conflict = Assert.Single(analysis.Conflicts);
        Assert.Equal("Number of people injured", conflict.Topic);
        Assert.Equal(["157", "162"], conflict.Values.Select(v => v.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ARoundFigureAndACountedOneNearItAgree()
    {
        var analysis = Analyze(
            ("a", string.Format(null, Lead, "160") + " Crews from three towns fought the blaze for six hours."),
            ("b", "Rescue workers said a fire swept through the ferry terminal in Narva on Friday night, killing 12 people and injuring 162 others, the board reported."));
        Assert.Empty(analysis.Conflicts);
    }

    [Fact]
    public void ACountInsideAnotherSourcesRangeAgreesWithIt()
    {
        var analysis = Analyze(
            ("a", "Police said some 2,500 to 3,000 people were evacuated from Narva on Saturday as the river flooded the port."),
            ("b", "About 2,800 people were evacuated from Narva on Saturday as the river flooded the port, police said."));
        Assert.Empty(analysis.Conflicts);
    }

    [Fact]
    public void ACountOutsideAnotherSourcesRangeContradictsIt()
    {
        var analysis = Analyze(
            ("a", "Police said 2,500 to 3,000 people were evacuated from Narva on Saturday as the river flooded the port."),
            ("b", "Some 9,000 people were evacuated from Narva on Saturday as the river flooded the port, police said."));
        var conflict = Assert.Single(analysis.Conflicts);
        Assert.Contains(conflict.Values, v => v.Value == "2,500 to 3,000 people");
    }

    [Fact]
    public void APartOfAWholeIsNoCountToCompare()
    {
        var analysis = Analyze(
            ("a", "An inquiry found that seven trawlers broke the quota in Narva on Saturday night, the regional inspector said."),
            ("b", "The inquiry showed that three of the seven trawlers broke the quota in Narva on Saturday night, the inspector said."));
        Assert.Empty(analysis.Conflicts);
    }
}
