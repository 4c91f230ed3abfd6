using Chorus.Facts;

namespace Chorus.Tests.Facts;

public class SourceTrustScorerTests
{
    [Theory]
    [InlineData("Fishing Town", "Fishing Towns")]
    [InlineData("Harbour Partners", "Partner")]
    [InlineData("Sergei Valenkos", "Valenko")]
    public void APluralEndingIsGrammarNotAMisspelling(string name, string variant) =>
        Assert.True(SourceTrustScorer.SameButForPlural(name, variant));

    [Theory]
    [InlineData("Sergei Valenko", "Walenko")]
    [InlineData("Sergei Valenko", "Valenkov")]
    [InlineData("Mart Sepperson", "Mart Sepparson")]
    public void AChangedLetterIsAMisspelling(string name, string variant) =>
        Assert.False(SourceTrustScorer.SameButForPlural(name, variant));

    [Theory]
    [InlineData("Sergei Valenko", "Sergei K. Valenko")]
    [InlineData("Thomas Kask", "Tom Kask")]
    [InlineData("Bill Kask", "William Jefferson Kask")]
    public void AMiddleInitialOrAShortGivenNameIsFormalityNotAMisspelling(string name, string variant) =>
        Assert.True(SourceTrustScorer.SameButForFormality(name, variant));

    [Theory]
    [InlineData("Sergei Valenko", "Sergey Valenko")]
    [InlineData("Sergei Valenko", "Sergei Walenko")]
    public void ATransliterationOrAGarbleIsNoFormality(string name, string variant) =>
        Assert.False(SourceTrustScorer.SameButForFormality(name, variant));
}
