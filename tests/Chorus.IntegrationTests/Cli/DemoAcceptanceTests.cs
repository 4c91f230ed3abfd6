using Chorus.IntegrationTests.Support;

namespace Chorus.IntegrationTests.Cli;

/// <summary>Issue 2's acceptance, read off what 'chorus demo' prints and writes.</summary>
public class DemoAcceptanceTests
{
    private static readonly Lazy<CliResult> s_demo = new(() => CliRunner.Run("demo", "--samples", Path.Combine(Repository.Root, "samples")));

    private static string Brief => s_demo.Value.Out;

    private static string Section(string heading)
    {
        var start = Brief.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"the brief has no '{heading}' section");
        var end = Brief.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return Brief[start..(end < 0 ? Brief.Length : end)];
    }

    [Fact]
    public void TheDemoIngestsEverySampleAndWritesAnHtmlBrief()
    {
        Assert.Equal(0, s_demo.Value.ExitCode);
        Assert.Contains("12 inputs: 12 stored, 0 duplicates, 0 rejected.", Brief, StringComparison.Ordinal);
        var htmlPath = Brief.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Replace("HTML brief: ", "", StringComparison.Ordinal).Trim();
        Assert.True(File.Exists(htmlPath), htmlPath);
        Assert.Contains("Where they disagree", File.ReadAllText(htmlPath), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDemoLeavesNoTemporaryFolderBehindWhetherItSucceedsOrFails()
    {
        Assert.Equal(0, s_demo.Value.ExitCode);
        var empty = Directory.CreateTempSubdirectory("chorus-no-samples-").FullName;
        try
        {
            Assert.Equal(1, CliRunner.Run("demo", "--samples", empty).ExitCode);
        }
        finally
        {
            Directory.Delete(empty);
        }

        Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), $"chorus-demo-*-{Environment.ProcessId}"));
    }

    [Fact]
    public void TheBriefFindsEveryPlantedDisagreementAndNoOther()
    {
        var conflicts = Section("## Where they disagree");
        var topics = conflicts.Split('\n').Where(l => l.StartsWith("**", StringComparison.Ordinal)).Select(l => l.Trim('*')).Order(StringComparer.Ordinal);
        Assert.Equal(["Date of the event", "Duration of the talks", "Title of Liisa Tamm", "Venue"], topics);
        foreach (var side in new[] { "*Thursday 12 March 2026*", "*Wednesday 11 March 2026*", "*an hour and 40 minutes*", "*three hours*", "*Old Town Guildhall*", "*Harbour Pavilion*", "*Fisheries Minister*", "*Deputy Fisheries Minister*" })
        {
            Assert.Contains(side, conflicts, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheGarbledNameVariantsAreMergedIntoOnePerson()
    {
        var people = Section("## Who is involved").Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        var valenko = Assert.Single(people, p => p.Contains("alenk", StringComparison.Ordinal) || p.Contains("Walenko", StringComparison.Ordinal));
        Assert.StartsWith("- **Sergei Valenko** (also written", valenko, StringComparison.Ordinal);
        Assert.Contains("Sergej Walenko", valenko, StringComparison.Ordinal);
        Assert.Contains("Serge Valenco", valenko, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("Leave a comment")]
    [InlineData("Related")]
    [InlineData("spelling")]
    [InlineData("cookies")]
    [InlineData("</div>")]
    [InlineData("&lt;")]
    [InlineData("1 2 3 4 5")]
    [InlineData("is a staff reporter")]
    [InlineData("correspondent")]
    [InlineData("All rights reserved")]
    [InlineData("Listen to this story")]
    [InlineData("translated automatically")]
    public void TheBriefHoldsNoChrome(string chrome) => Assert.DoesNotContain(chrome, Section("## What happened") + Section("## What the sources agree on") + Section("## Where they disagree") + Section("## Who said what"), StringComparison.Ordinal);
}
