using System.Text;
using Chorus.Learning;

namespace Chorus.Tests.Learning;

public sealed class BoostedTreesTests
{
    [Fact]
    public void ATreeSendsAValueAtMostItsThresholdLeftAndReadsLeavesByComplement()
    {
        // Node 0 splits feature 1 at 0.5: left is leaf 0 (-1 = ~0), right is node 1, which splits feature 0 at 2.
        var tree = new RegressionTree([-1, -2], [1, -3], [1, 0], [0.5f, 2f], [10, 20, 30]);
        Assert.Equal(10, tree.Evaluate([0, 0.5f]));
        Assert.Equal(20, tree.Evaluate([2, 0.6f]));
        Assert.Equal(30, tree.Evaluate([3, 0.6f]));
    }

    [Fact]
    public void TheScoreIsTheTreesSumThroughTheCalibration()
    {
        var model = BoostedTrees.Of(new TreeModel(["a"], [new RegressionTree([-1], [-2], [0], [0f], [-1, 1])], Bias: 0.5, Slope: 2, Offset: -1, Trained: "by hand"));
        Assert.Equal(1 / (1 + Math.Exp(-((2 * 1.5) - 1))), model.Score([1f]), 12);
        Assert.Equal(1 / (1 + Math.Exp(-((2 * -0.5) - 1))), model.Score([0f]), 12);
    }

    [Fact]
    public void AModelReadFromItsJsonScoresAsItDid()
    {
        var model = BoostedTrees.Of(new TreeModel(["a", "b"], [new RegressionTree([-1], [-2], [1], [0.25f], [-0.3, 0.7])], 0, 1, 0, "by hand"));
        using var json = new MemoryStream(model.ToJson());
        var read = BoostedTrees.Load(json);
        Assert.Equal(["a", "b"], read.Features);
        Assert.Equal(model.Score([0f, 1f]), read.Score([0f, 1f]));
    }

    [Fact]
    public void ARowOfTheWrongLengthIsRefused()
    {
        var model = BoostedTrees.Of(new TreeModel(["a", "b"], [], 0, 1, 0, "by hand"));
        var error = Assert.Throws<ArgumentException>(() => model.Score([1f]));
        Assert.Contains("reads 2 features; 1 were given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyModelFileIsRefusedWithAReason() =>
        Assert.Throws<InvalidDataException>(() => BoostedTrees.Load(new MemoryStream(Encoding.UTF8.GetBytes("null"))));
}
