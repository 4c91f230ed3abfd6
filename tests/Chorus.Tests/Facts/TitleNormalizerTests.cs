using Chorus.Facts;

namespace Chorus.Tests.Facts;

public class TitleNormalizerTests
{
    [Theory]
    [InlineData("Deputy Fisheries Minister", "deputy fishery minister")]
    [InlineData("Minister", "Fisheries Minister")]
    [InlineData("council chairman", "Council chair")]
    [InlineData("vice minister", "Deputy Minister")]
    [InlineData("Union spokesman", "spokesman")]
    [InlineData("Fed Chair", "Federal Reserve Chair")]
    [InlineData("EU commissioner", "European Union Commissioner")]
    [InlineData("former Federal Reserve Chairman", "Federal Reserve Chairman")] // leaving out "former" is an omission
    [InlineData("hawkish former defense minister", "foreign minister")] // a past post is not a claim about the present one
    [InlineData("captured Kurdish rebel leader", "Kurdish guerrilla leader")]
    [InlineData("regional director", "WFP director")]
    [InlineData("senior vice president", "vice president")]
    [InlineData("Minister of Finance", "Finance Minister")]
    [InlineData("White House chief of staff", "chief of staff")]
    public void TitlesThatSayTheSameAreCompatible(string a, string b) =>
        Assert.True(NormalizedTitle.Parse(a).CompatibleWith(NormalizedTitle.Parse(b)));

    [Theory]
    [InlineData("Deputy Fisheries Minister", "Fisheries Minister")]
    [InlineData("Foreign Minister", "Finance Minister")]
    [InlineData("deputy president", "president")]
    [InlineData("assistant director", "director")]
    [InlineData("Fed Chair", "Fed Vice Chair")]
    [InlineData("Minister of Finance", "Foreign Minister")]
    [InlineData("assistant director of the clinic", "director")]
    public void ARankOrDomainChangeIsNotCompatible(string a, string b) =>
        Assert.False(NormalizedTitle.Parse(a).CompatibleWith(NormalizedTitle.Parse(b)));
}
