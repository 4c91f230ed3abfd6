using Chorus.Extraction.Html;

namespace Chorus.Tests.Extraction.Html;

public class HtmlTreeBuilderTests
{
    private static string Shape(HtmlTree tree, int node = 0)
    {
        var parts = new List<string>();
        foreach (var child in tree.Children(node))
        {
            parts.Add(tree.IsText(child) ? $"'{tree.Text(child)}'" : $"{tree.Tag(child)}({Shape(tree, child)})");
        }

        return string.Join(' ', parts);
    }

    [Fact]
    public void ABlockClosesAnOpenParagraphAndListItemsCloseEachOther()
    {
        var tree = HtmlTreeBuilder.Parse("<p>one<div>two</div><ul><li>a<li>b</ul>");
        Assert.Equal("p('one') div('two') ul(li('a') li('b'))", Shape(tree));
    }

    [Fact]
    public void ScriptAndStyleAreRawTextEvenWithTagsInside()
    {
        var tree = HtmlTreeBuilder.Parse("<script>if (a < b) { x = '</div>'; }</script><p>after</p>");
        Assert.Equal("if (a < b) { x = '</div>'; }", tree.TextContent(tree.First("script")));
        Assert.Equal("after", tree.TextContent(tree.First("p")));
        Assert.Equal(2, tree.Children(0).Count());
    }

    [Fact]
    public void AttributesAreReadQuotedUnquotedAndWithEntitiesDecoded()
    {
        var tree = HtmlTreeBuilder.Parse("<meta property=og:title content=\"Cod &amp; quotas > all\"><a href='/x?a=1&amp;b=2' data-x>link</a>");
        var meta = tree.First("meta");
        Assert.Equal("og:title", tree.Attribute(meta, "PROPERTY"));
        Assert.Equal("Cod & quotas > all", tree.Attribute(meta, "content"));
        var a = tree.First("a");
        Assert.Equal("/x?a=1&b=2", tree.Attribute(a, "href"));
        Assert.True(tree.HasAttribute(a, "data-x"));
    }

    [Fact]
    public void EntitiesInTextAreDecodedAndCommentsSkipped()
    {
        var tree = HtmlTreeBuilder.Parse("<p>Fish &amp; chips &mdash; &#8364;5 &#x20AC;6<!-- <p>hidden</p> --></p>");
        Assert.Equal("Fish & chips — €5 €6", tree.TextContent(tree.First("p")));
    }

    [Fact]
    public void AStrayEndTagIsIgnoredAndAnEndTagClosesWhatWasOpenedInside()
    {
        var tree = HtmlTreeBuilder.Parse("<div><span>a<b>b</div>c</span></p>");
        Assert.Equal("div(span('a' b('b'))) 'c'", Shape(tree));
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsFlattenedNotRecursed()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep";
        var tree = HtmlTreeBuilder.Parse(html, maxDepth: 64);
        Assert.Equal("deep", tree.TextContent(0));
        var depth = 0;
        for (var node = tree.Count - 1; node > 0; node = tree.Parent(node))
        {
            depth++;
        }

        Assert.True(depth <= 65);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<")]
    [InlineData("<<<>>>")]
    [InlineData("<a href=\"unterminated")]
    [InlineData("<!-- never closed")]
    [InlineData("</>")]
    [InlineData("<script>no end")]
    [InlineData("<p =x =y/ / >t")]
    public void MalformedMarkupNeverThrows(string html) => Assert.NotNull(HtmlTreeBuilder.Parse(html));

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(7);
        const string alphabet = "<>/=\"'!-abcdefp &;#x\n";
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }

            var tree = HtmlTreeBuilder.Parse(new string(chars));
            Assert.True(tree.Count >= 1);
        }
    }
}
