using Chorus.Cli;

namespace Chorus.Tests.Cli;

public class ReadProgressTests
{
    // A clock that moves one second each time it is read.
    private static Func<DateTime> Ticking()
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return () => at = at.AddSeconds(1);
    }

    [Fact]
    public void ALongReadReportsTheCountAndRateEveryIntervalThenEachStep()
    {
        var error = new StringWriter();
        var progress = new ReadProgress(error, "cluster", TimeSpan.FromSeconds(5), Ticking());
        Assert.Equal(20, progress.Track(Enumerable.Range(0, 20), "clustering").Count());
        progress.Step("3 stories; finding copies");
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("chorus cluster: 5 articles read (", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Count(l => l.Contains("articles read (", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("chorus cluster: 20 articles read in ", StringComparison.Ordinal) && l.EndsWith("; clustering", StringComparison.Ordinal));
        Assert.Equal("chorus cluster: 3 stories; finding copies", lines[^1]);
    }

    [Fact]
    public void AReadThatEndsWithinTheFirstIntervalPrintsNothing()
    {
        var error = new StringWriter();
        var progress = new ReadProgress(error, "cluster", TimeSpan.FromSeconds(60), Ticking());
        Assert.Equal(20, progress.Track(Enumerable.Range(0, 20), "clustering").Count());
        progress.Step("3 stories; finding copies");
        Assert.Equal("", error.ToString());
    }
}
