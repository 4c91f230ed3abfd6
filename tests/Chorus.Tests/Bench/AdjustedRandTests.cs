using Chorus.Bench.Facts;

namespace Chorus.Tests.Bench;

public class AdjustedRandTests
{
    [Fact]
    public void IdenticalGroupingsScoreOneWhateverTheLabelsAreCalled() =>
        Assert.Equal(1, AdjustedRand.Index(["a", "a", "b", "c"], ["x", "x", "y", "z"]), 9);

    [Fact]
    public void AHandWorkedExampleGivesItsValue()
    {
        // Contingency [[2,1],[0,2]]: sum of cell pairs 2, row pairs 3+1=4, column pairs 1+3=4, all pairs 10:
        // expected 4*4/10 = 1.6, maximum 4, ARI = (2-1.6)/(4-1.6) = 1/6.
        Assert.Equal(1.0 / 6, AdjustedRand.Index(["a", "a", "a", "b", "b"], ["x", "x", "y", "y", "y"]), 9);
    }
}
