using System.Text.Json;
using Chorus.IntegrationTests.Support;

namespace Chorus.IntegrationTests.Cli;

public class ExtractCommandTests
{
    private static List<JsonElement> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public void EveryDocumentBecomesOneJsonLineWithTheDocumentedFields()
    {
        var result = CliRunner.Run("extract", Repository.Samples);
        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.Equal(12, lines.Count);
        foreach (var line in lines)
        {
            Assert.Equal(
                ["id", "source", "url", "title", "site", "author", "published", "language", "text"],
                line.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void AGzippedPageIsReadAndNamedByItsFileName()
    {
        var line = Lines(CliRunner.Run("extract", Path.Combine(Repository.Samples, "coastline-cod-truce.html.gz")).Out).Single();
        Assert.Equal("coastline-cod-truce", line.GetProperty("id").GetString());
        Assert.Equal("2026-03-11T20:10:00+02:00", line.GetProperty("published").GetString());
        Assert.Equal("Helle Saar", line.GetProperty("author").GetString());
        var text = line.GetProperty("text").GetString()!;
        Assert.DoesNotContain("</div>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 2 3 4 5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardInputIsReadWhenThePathIsADash()
    {
        var result = CliRunner.Run(CliRunner.Utf8("Ferry crews walked out on Monday.\n\nForty sailings were cancelled, the union said."), "extract", "-");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("stdin", Lines(result.Out).Single().GetProperty("id").GetString());
    }
}
