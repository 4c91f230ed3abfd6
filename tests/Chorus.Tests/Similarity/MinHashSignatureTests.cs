using Chorus.Similarity;

namespace Chorus.Tests.Similarity;

public class MinHashSignatureTests
{
    private const string Text = "The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season and to set up a fund.";

    [Fact]
    public void ATextIsIdenticalToItselfAndTheEstimateIsSymmetric()
    {
        var a = MinHashSignature.Of(Text);
        var b = MinHashSignature.Of("Ferry crews in Helsinki walked out on Monday in a strike over pay, cancelling sailings to Tallinn.");
        Assert.Equal(1.0, a.Similarity(MinHashSignature.Of(Text)));
        Assert.Equal(a.Similarity(b), b.Similarity(a));
        Assert.True(a.Similarity(b) < 0.1);
    }

    [Fact]
    public void CaseAndPunctuationDoNotChangeTheSignature() =>
        Assert.Equal(1.0, MinHashSignature.Of(Text).Similarity(MinHashSignature.Of(Text.ToUpperInvariant().Replace(",", "", StringComparison.Ordinal))));

    [Fact]
    public void ASignatureIsCompact() => Assert.Equal(64, MinHashSignature.Of(Text).Slots.Length);

    [Fact]
    public void TooShortATextHasNoSimilarity() => Assert.Equal(0, MinHashSignature.Of("Hi").Similarity(MinHashSignature.Of("Hi")));
}
