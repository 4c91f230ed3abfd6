using System.Text.Json;
using Chorus.IntegrationTests.Support;

namespace Chorus.IntegrationTests.Cli;

public class ClusterCommandTests
{
    [Fact]
    public void EveryArticleGetsAStoryAndCopiesNameTheirOrigin()
    {
        var result = CliRunner.Run("cluster", Repository.Samples);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(12, lines.Count);
        var story = lines.ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("story").GetString()!);
        Assert.Equal(story["bws-cod-truce"], story["tallinn-observer-cod-deal"]);
        Assert.NotEqual(story["bws-cod-truce"], story["bws-ferry-strike"]);
        var copyOf = lines.ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("copyOf"));
        Assert.Equal("bws-cod-truce", copyOf["nordic-ledger-cod-truce"].GetString());
        Assert.Equal(JsonValueKind.Null, copyOf["bws-cod-truce"].ValueKind);
    }

    [Fact]
    public void TsvHasOneIdAndStoryPerLine()
    {
        var lines = CliRunner.Run("cluster", "--format", "tsv", Repository.Samples).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^[\w\-.]+\ts\d+$", l));
    }

    [Fact]
    public void JsonlArticleFilesAreClusteredToo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chorus-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"j1","title":"Ferry strike","text":"Ferry crews in Helsinki walked out on Monday in a strike over pay, cancelling forty sailings to Tallinn."}""",
            """{"id":"j2","title":"Ferry crews strike","text":"Ferry crews in Helsinki staged a strike over pay on Monday, and forty sailings to Tallinn were cancelled."}""",
            """{"id":"j3","title":"Library reopens","text":"The town library reopened after a renovation that added a reading room for children and a garden."}""",
        ]);
        try
        {
            var lines = CliRunner.Run("cluster", "--format", "tsv", path).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
            Assert.Equal(lines[0][1], lines[1][1]);
            Assert.NotEqual(lines[0][1], lines[2][1]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
