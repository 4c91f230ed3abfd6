using Chorus.Bench.Facts;
using Chorus.IntegrationTests.Support;
using Chorus.Testing;

namespace Chorus.IntegrationTests.Facts;

/// <summary>
/// Conflicts on real coverage, checked against the verdicts a person gave after reading each one
/// (Data/conflict-judgements.json). A conflict nobody has judged fails the test, so a change that makes new
/// conflicts must bring their judgements with it.
/// </summary>
public class ConflictPrecisionTests
{
    [BenchFact("contradiction")]
    public void EveryConflictOnTheRecessionStoryAndTheDucClustersHasBeenJudgedAndNineInTenAreReal()
    {
        var judgements = ConflictSuite.LoadJudgements(Path.Combine(Repository.Root, ConflictSuite.JudgementsFile));
        var reported = ConflictSuite.Collect(Repository.SharedBench!, ducClusters: 50);

        Assert.NotEmpty(reported);
        var unjudged = reported.Where(r => !judgements.Any(j => j.Story == r.Story && j.Key == r.Key)).ToList();
        Assert.True(unjudged.Count == 0, "unjudged conflicts (run ./bench.sh conflicts --all-duc and judge them): " + string.Join("; ", unjudged.Select(u => $"{u.Story} {u.Key} {u.Conflict.Topic}")));

        var real = reported.Count(r => judgements.Single(j => j.Story == r.Story && j.Key == r.Key).Real);
        Assert.True(real >= 0.9 * reported.Count, $"{real} of {reported.Count} conflicts are real");
    }
}
