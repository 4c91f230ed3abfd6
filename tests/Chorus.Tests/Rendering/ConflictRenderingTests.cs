using Chorus.Rendering;
using Chorus.Summary;

namespace Chorus.Tests.Rendering;

public class ConflictRenderingTests
{
    private static Brief DeathTollBrief(params string[] twelveSources) => new(
        [
            new StoryBrief(
                "s1",
                "Fire at the Narva ferry terminal",
                ["wire", "paper", "update"],
                [],
                [],
                [new ConflictLine("Number of people killed", [
                    new ConflictValueLine("12 people", twelveSources is [] ? ["wire", "paper"] : twelveSources, [new EvidenceLine("wire", "The fire killed 12 people.")]),
                    new ConflictValueLine("14 people", ["update"], [new EvidenceLine("update", "The fire killed 14 people.")], VersionOf: "wire"),
                ])],
                [],
                [],
                [
                    new SourceLine("wire", "Fire", "Baltic Wire Service", null, null, 5, null, 1, []),
                    new SourceLine("paper", "Fire", "Narva Daily", null, null, 5, null, 1, []),
                    new SourceLine("update", "Fire", "Harbour Gazette", null, null, 5, "wire", 0.85, []),
                ]),
        ],
        []);

    [Fact]
    public void MarkdownSaysWhichArticleAChangedValueIsAVersionOf()
    {
        var md = MarkdownBriefRenderer.Render(DeathTollBrief());
        Assert.Contains("- *14 people* [3] (a version of [1] that changes this value)", md, StringComparison.Ordinal);
        Assert.Contains("- *12 people* [1][2]\n", md.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlSaysWhichArticleAChangedValueIsAVersionOf()
    {
        var html = HtmlBriefRenderer.Render(DeathTollBrief());
        Assert.Contains("(a version of <a class=\"cite\" href=\"#s1-src-1\">[1]</a> that changes this value)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void CitationsFollowTheSourceListWhateverOrderTheyCameIn()
    {
        var brief = DeathTollBrief("update", "paper", "wire", "paper");
        Assert.Contains("- *12 people* [1][2][3]\n", MarkdownBriefRenderer.Render(brief).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(
            "<em>12 people</em> <a class=\"cite\" href=\"#s1-src-1\">[1]</a><a class=\"cite\" href=\"#s1-src-2\">[2]</a><a class=\"cite\" href=\"#s1-src-3\">[3]</a>",
            HtmlBriefRenderer.Render(brief),
            StringComparison.Ordinal);
    }
}
