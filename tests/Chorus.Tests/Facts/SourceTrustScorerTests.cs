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
}
