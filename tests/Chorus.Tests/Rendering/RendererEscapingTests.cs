using Chorus.Rendering;
using Chorus.Summary;

namespace Chorus.Tests.Rendering;

public class RendererEscapingTests
{
    private const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    private static Brief HostileBrief() => new(
        [
            new StoryBrief(
                "s1",
                Hostile,
                ["a"],
                [new SummarySentence(Hostile + " said [link](javascript:alert(1))", ["a"], new Citation("a", 0, 1))],
                [new FactLine(Hostile, ["a"])],
                [new ConflictLine(Hostile, [new ConflictValueLine(Hostile, ["a"], [new EvidenceLine("a", Hostile)])])],
                [new EntityLine(Hostile, "person", [Hostile], ["a"])],
                [new QuoteLine(Hostile, Hostile, ["a"])],
                [new SourceLine("a", Hostile, Hostile, "javascript:alert(1)", null, 10, null, 1, [Hostile])]),
        ],
        [new SingleLine("b", Hostile, Hostile, "javascript:alert(2)", null, "s2")]);

    [Fact]
    public void HtmlOutputEscapesEveryPieceOfArticleText()
    {
        var html = HtmlBriefRenderer.Render(HostileBrief());
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownOutputCannotInjectLinksOrMarkup()
    {
        var md = MarkdownBriefRenderer.Render(HostileBrief());
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)\]\(javascript", md);
    }

    [Fact]
    public void TheStoryListEscapesTitlesIdsAndTheStoreName()
    {
        var html = HtmlStoryListRenderer.Render(
            [new Chorus.Storage.StoryRow("s1\"><script>", 2, Hostile, null, null, 2)],
            new StoryPage(1, 0, 200),
            Hostile,
            id => "stories/" + Uri.EscapeDataString(id));
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"stories/s1%22%3E%3Cscript%3E\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AServedBriefLinksBackToTheStoryListAndAFileBriefDoesNot()
    {
        Assert.Contains("<a href=\"../\">All stories</a>", HtmlBriefRenderer.Render(HostileBrief(), home: "../"), StringComparison.Ordinal);
        Assert.DoesNotContain("All stories", HtmlBriefRenderer.Render(HostileBrief()), StringComparison.Ordinal);
    }
}
