using System.Text.Json;
using Chorus.IntegrationTests.Support;

namespace Chorus.IntegrationTests.Cli;

public class BriefCommandTests
{
    private static readonly Lazy<JsonElement> s_json = new(() =>
    {
        var result = CliRunner.Run("brief", "--format", "json", Repository.Samples);
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    });

    private static JsonElement MainStory => s_json.Value.GetProperty("stories").EnumerateArray().MaxBy(s => s.GetProperty("articles").GetArrayLength());

    [Fact]
    public void TheJsonBriefFollowsTheDocumentedSchema()
    {
        var validator = JsonSchemaValidator.Load(Path.Combine(Repository.Root, "docs", "brief.schema.json"));
        Assert.Empty(validator.Validate(s_json.Value));
    }

    [Fact]
    public void TheSchemaValidatorCatchesAWrongShape()
    {
        var validator = JsonSchemaValidator.Load(Path.Combine(Repository.Root, "docs", "brief.schema.json"));
        var wrong = JsonDocument.Parse("""{"stories":[{"id":1}],"singles":[],"extra":true}""").RootElement;
        var errors = validator.Validate(wrong);
        Assert.Contains(errors, e => e.Contains("$.stories[0].id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("missing required property 'summary'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unexpected property 'extra'", StringComparison.Ordinal));
    }

    [Fact]
    public void StoriesOfTwoOrMoreArticlesGetBriefsAndSinglesAreListed()
    {
        Assert.Equal(2, s_json.Value.GetProperty("stories").GetArrayLength());
        Assert.Equal("coastline-library", s_json.Value.GetProperty("singles")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void EveryEvidenceTextIsTheExactSpanOfTheCitedArticleAtItsOffsets()
    {
        var texts = JsonDocument.Parse("[" + string.Join(',', CliRunner.Run("extract", Repository.Samples).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "]")
            .RootElement.EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("text").GetString()!);
        var evidence = MainStory.GetProperty("conflicts").EnumerateArray()
            .SelectMany(c => c.GetProperty("values").EnumerateArray())
            .SelectMany(v => v.GetProperty("evidence").EnumerateArray())
            .ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, e => Assert.Equal(
            e.GetProperty("text").GetString(),
            texts[e.GetProperty("source").GetString()!][e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]));

        foreach (var sentence in MainStory.GetProperty("summary").EnumerateArray())
        {
            var from = sentence.GetProperty("from");
            var text = texts[from.GetProperty("source").GetString()!];
            Assert.Equal(sentence.GetProperty("text").GetString(), text[from.GetProperty("start").GetInt32()..from.GetProperty("end").GetInt32()]);
        }
    }

    [Fact]
    public void EachConflictSaysHowSureItIsHowStrongAndWhatKind()
    {
        var conflicts = MainStory.GetProperty("conflicts").EnumerateArray().ToList();
        Assert.NotEmpty(conflicts);
        Assert.All(conflicts, c =>
        {
            Assert.Equal("confirmed", c.GetProperty("confidence").GetString());
            Assert.Equal("conflict", c.GetProperty("verdict").GetString());
            Assert.InRange(c.GetProperty("score").GetDouble(), 0.5, 1);
        });
    }

    [Fact]
    public void TheWordCapIsRespected()
    {
        var result = CliRunner.Run("brief", "--format", "json", "--words", "40", Repository.Samples);
        var story = JsonDocument.Parse(result.Out).RootElement.GetProperty("stories")[0];
        var words = story.GetProperty("summary").EnumerateArray().Sum(s => s.GetProperty("text").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.InRange(words, 1, 40);
    }

    [Fact]
    public void MarkdownAndHtmlBriefsCarryTheSameStory()
    {
        var md = CliRunner.Run("brief", Repository.Samples);
        var html = CliRunner.Run("brief", "--format", "html", Repository.Samples);
        Assert.Equal(0, md.ExitCode);
        Assert.Equal(0, html.ExitCode);
        Assert.Contains("## Where they disagree", md.Out, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html.Out, StringComparison.Ordinal);
        Assert.Contains("Old Town Guildhall", html.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void EachDirWritesOneJsonLinePerSubdirectoryWithoutClustering()
    {
        var root = Directory.CreateTempSubdirectory("chorus-each-").FullName;
        try
        {
            foreach (var (story, files) in new[] { ("cod", new[] { "bws-cod-truce.txt", "radio-baltica-cod.html", "library" }), ("ferry", new[] { "bws-ferry-strike.txt", "northern-post-ferry.html" }) })
            {
                Directory.CreateDirectory(Path.Combine(root, story));
                foreach (var file in files.Where(f => f != "library"))
                {
                    File.Copy(Path.Combine(Repository.Samples, file), Path.Combine(root, story, file));
                }

                if (files.Contains("library"))
                {
                    File.Copy(Path.Combine(Repository.Samples, "coastline-library.html"), Path.Combine(root, story, "coastline-library.html"));
                }
            }

            var result = CliRunner.Run("brief", "--each-dir", root, "--words", "60");
            Assert.Equal(0, result.ExitCode);
            var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["cod", "ferry"], lines.Select(l => l.GetProperty("story").GetString()));
            Assert.All(lines, l => Assert.Equal(["story", "summary"], l.EnumerateObject().Select(p => p.Name)));
            var first = lines[0].GetProperty("summary")[0];
            Assert.Equal(["text", "sources"], first.EnumerateObject().Select(p => p.Name));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
