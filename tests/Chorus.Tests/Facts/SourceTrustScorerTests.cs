using Chorus.Facts;

namespace Chorus.Tests.Facts;

public class SourceTrustScorerTests
{
    [Theory]
    [InlineData("Single-Family Rental", "Single-Family Rentals")]
    [InlineData("Harbour Partners", "Partner")]
    [InlineData("Sergei Valenkos", "Valenko")]
    public void APluralEndingIsGrammarNotAMisspelling(string name, string variant) =>
        Assert.True(SourceTrustScorer.SameButForPlural(name, variant));

    [Theory]
    [InlineData("Sergei Valenko", "Walenko")]
    [InlineData("Sergei Valenko", "Valenkov")]
    [InlineData("Ian Shepherdson", "Ian Shephardson")]
    public void AChangedLetterIsAMisspelling(string name, string variant) =>
        Assert.False(SourceTrustScorer.SameButForPlural(name, variant));
}
