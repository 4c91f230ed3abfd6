using Chorus.Cli;

namespace Chorus.Tests.Cli;

public class ReadProgressTests
{
    /// <summary>Reads 20 articles on a clock that moves one second per reading, then names one step; returns stderr.</summary>
    private static string ReadTwentyArticles(TimeSpan interval)
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var error = new StringWriter();
        var progress = new ReadProgress(error, "cluster", interval, () => at = at.AddSeconds(1));
        Assert.Equal(20, progress.Track(Enumerable.Range(0, 20), "clustering").Count());
        progress.Step("3 stories; finding copies");
        return error.ToString();
    }

    [Fact]
    public void ALongReadReportsTheCountAndRateEveryIntervalThenEachStep()
    {
        var lines = ReadTwentyArticles(TimeSpan.FromSeconds(5)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("chorus cluster: 5 articles read (", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Count(l => l.Contains("articles read (", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("chorus cluster: 20 articles read in ", StringComparison.Ordinal) && l.EndsWith("; clustering", StringComparison.Ordinal));
        Assert.Equal("chorus cluster: 3 stories; finding copies", lines[^1]);
    }

    [Fact]
    public void AReadThatEndsWithinTheFirstIntervalPrintsNothing() => Assert.Equal("", ReadTwentyArticles(TimeSpan.FromSeconds(60)));
}
