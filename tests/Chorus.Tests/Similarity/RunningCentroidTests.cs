using Chorus.Similarity;

namespace Chorus.Tests.Similarity;

public class RunningCentroidTests
{
    private static SparseVector Vector(params (int Term, double Count)[] counts) =>
        SparseVector.Weighted(counts.Select(c => c.Term).ToArray(), counts.Select(c => (Half)c.Count).ToArray(), _ => 1);

    private static double Norm(Dictionary<int, double> v) => Math.Sqrt(v.Values.Sum(x => x * x));

    [Fact]
    public void AWeightedVectorHasUnitLength()
    {
        var vector = Vector((1, 3), (2, 1), (7, 2));
        Assert.Equal(1, Math.Sqrt(vector.Weights.Sum(w => (double)w * w)), 6);
    }

    [Fact]
    public void CosineIsBoundedAndACentroidOfOneIsItsMember()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var a = Vector([.. Enumerable.Range(0, 8).Where(_ => random.NextDouble() < 0.5).Select(t => (t, (double)random.Next(1, 5)))]);
            var b = Vector([.. Enumerable.Range(0, 8).Where(_ => random.NextDouble() < 0.5).Select(t => (t, (double)random.Next(1, 5)))]);
            var centroid = new RunningCentroid();
            centroid.Add(a);
            Assert.InRange(centroid.Cosine(b), 0, 1 + 1e-6);
            if (a.Length > 0)
            {
                Assert.Equal(1, centroid.Cosine(a), 5);
            }
        }
    }

    [Fact]
    public void TheRunningCentroidAgreesWithTheCentroidComputedFromScratch()
    {
        var members = new[] { Vector((1, 3), (2, 1)), Vector((1, 1), (3, 2)), Vector((2, 2), (4, 1)) };
        var running = new RunningCentroid();
        foreach (var member in members)
        {
            running.Add(member);
        }

        var sum = new Dictionary<int, double>();
        foreach (var member in members)
        {
            for (var i = 0; i < member.Length; i++)
            {
                sum[member.Terms[i]] = sum.GetValueOrDefault(member.Terms[i]) + member.Weights[i];
            }
        }

        var probe = Vector((1, 1), (4, 1));
        var expected = Enumerable.Range(0, probe.Length).Sum(i => probe.Weights[i] * sum.GetValueOrDefault(probe.Terms[i])) / Norm(sum);
        Assert.Equal(expected, running.Cosine(probe), 6);
    }

    [Fact]
    public void MergedCentroidsEqualOneCentroidOfAllMembers()
    {
        var a = new RunningCentroid();
        var b = new RunningCentroid();
        var all = new RunningCentroid();
        a.Add(Vector((1, 2)));
        b.Add(Vector((1, 1), (2, 1)));
        all.Add(Vector((1, 2)));
        all.Add(Vector((1, 1), (2, 1)));
        a.Add(b);
        var probe = Vector((2, 1));
        Assert.Equal(all.Cosine(probe), a.Cosine(probe), 6);
        Assert.Equal(2, a.Count);
    }
}
