using Chorus.Bench.Clustering;

namespace Chorus.Tests.Bench;

/// <summary>Pairwise and BCubed scores on hand-made clusterings worked out by hand.</summary>
public class ClusteringMetricTests
{
    private static readonly Dictionary<string, string> s_gold = new() { ["a"] = "X", ["b"] = "X", ["c"] = "X", ["d"] = "Y", ["e"] = "Y" };

    [Fact]
    public void TheGoldAgainstItselfScoresOne()
    {
        Assert.Equal(1, ClusteringMetric.Pairwise(s_gold, s_gold).F1, 12);
        Assert.Equal(1, ClusteringMetric.BCubed(s_gold, s_gold).F1, 12);
    }

    [Fact]
    public void OneBigClusterHasFullRecallAndLowPrecision()
    {
        var all = s_gold.Keys.ToDictionary(k => k, _ => "1");

        // Pairs: 10 predicted, 4 gold (3 in X, 1 in Y), all 4 inside the big cluster.
        var pairwise = ClusteringMetric.Pairwise(all, s_gold);
        Assert.Equal((0.4, 1.0), (pairwise.Precision, pairwise.Recall));

        // BCubed precision: X members 3/5 each, Y members 2/5 each -> (3*0.6 + 2*0.4) / 5 = 0.52.
        var bcubed = ClusteringMetric.BCubed(all, s_gold);
        Assert.Equal(0.52, bcubed.Precision, 12);
        Assert.Equal(1.0, bcubed.Recall, 12);
    }

    [Fact]
    public void SingletonsHavePerfectPrecisionAndLowRecall()
    {
        var singletons = s_gold.Keys.ToDictionary(k => k, k => k);
        var pairwise = ClusteringMetric.Pairwise(singletons, s_gold);
        Assert.Equal((1.0, 0.0), (pairwise.Precision, pairwise.Recall));

        // BCubed recall: X members 1/3 each, Y members 1/2 each -> (3/3 + 2/2) / 5 = 0.4.
        Assert.Equal(0.4, ClusteringMetric.BCubed(singletons, s_gold).Recall, 12);
    }
}
