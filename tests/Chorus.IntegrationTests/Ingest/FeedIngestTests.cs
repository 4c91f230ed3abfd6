using Chorus.Bench.Ingest;
using Chorus.IntegrationTests.Support;
using Chorus.Testing;

namespace Chorus.IntegrationTests.Ingest;

/// <summary>The ~430 edge-case feeds of a public feed parser's test suite, in ../shared/bench/ingest/feeds.</summary>
public class FeedIngestTests
{
    [BenchFact("ingest/feeds")]
    public void EveryTestFeedGoesThroughExtractWithoutACrash()
    {
        foreach (var kind in new[] { "rss", "atom" })
        {
            var feeds = Directory.GetFiles(Path.Combine(Repository.SharedBench!, "ingest", "feeds", kind), "*.xml");
            var result = CliRunner.Run(["extract", .. feeds]);
            Assert.True(result.ExitCode is 0 or 1, $"{kind}: exit {result.ExitCode}");
            Assert.DoesNotContain("Unhandled", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("extraction failed", result.Error, StringComparison.Ordinal);
            Assert.NotEmpty(result.Out);
        }
    }

    [BenchFact("ingest/feeds")]
    public void AtLeastNineteenInTwentyItemsAgreeWithTheReferenceReadingOnTitleLinkAndDate()
    {
        var checks = FeedSuite.Check(Path.Combine(Repository.SharedBench!, "ingest", "feeds")).Where(c => c.Compared).ToList();
        Assert.True(checks.Count >= 40, $"only {checks.Count} reference items compared");
        var agreeing = checks.Count(c => c.Agrees);
        Assert.True(agreeing >= 0.95 * checks.Count, string.Join("\n", checks.Where(c => !c.Agrees).Select(c => $"{c.Feed} item {c.Item}: {c.Detail}")));
    }
}
