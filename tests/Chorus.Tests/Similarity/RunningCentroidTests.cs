using Chorus.Similarity;

namespace Chorus.Tests.Similarity;

public class RunningCentroidTests
{
    private static TermVector Vector(params (string Term, double Count)[] counts) =>
        TermVector.FromCounts(counts.Select(c => new KeyValuePair<string, double>(c.Term, c.Count)), null);

    [Fact]
    public void CosineIsSymmetricAndBounded()
    {
        var random = new Random(3);
        string[] vocabulary = ["cod", "quota", "ferry", "strike", "council", "tallinn", "helsinki", "pay"];
        for (var i = 0; i < 200; i++)
        {
            var a = Vector([.. vocabulary.Where(_ => random.NextDouble() < 0.5).Select(t => (t, (double)random.Next(1, 5)))]);
            var b = Vector([.. vocabulary.Where(_ => random.NextDouble() < 0.5).Select(t => (t, (double)random.Next(1, 5)))]);
            Assert.Equal(a.Cosine(b), b.Cosine(a), 12);
            Assert.InRange(a.Cosine(b), 0, 1 + 1e-12);
        }
    }

    [Fact]
    public void TheRunningCentroidAgreesWithTheCentroidComputedFromScratch()
    {
        var members = new[] { Vector(("cod", 3), ("quota", 1)), Vector(("cod", 1), ("council", 2)), Vector(("quota", 2), ("tallinn", 1)) };
        var running = new RunningCentroid();
        foreach (var member in members)
        {
            running.Add(member);
        }

        var sum = members.SelectMany(m => m.Weights).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        var probe = Vector(("cod", 1), ("tallinn", 1));
        var expected = probe.Weights.Sum(p => p.Value * sum.GetValueOrDefault(p.Key)) / Math.Sqrt(sum.Values.Sum(v => v * v));
        Assert.Equal(expected, running.Cosine(probe), 12);
    }

    [Fact]
    public void MergedCentroidsEqualOneCentroidOfAllMembers()
    {
        var a = new RunningCentroid();
        var b = new RunningCentroid();
        var all = new RunningCentroid();
        a.Add(Vector(("cod", 2)));
        b.Add(Vector(("cod", 1), ("quota", 1)));
        all.Add(Vector(("cod", 2)));
        all.Add(Vector(("cod", 1), ("quota", 1)));
        a.Add(b);
        var probe = Vector(("quota", 1));
        Assert.Equal(all.Cosine(probe), a.Cosine(probe), 12);
        Assert.Equal(2, a.Count);
    }
}
