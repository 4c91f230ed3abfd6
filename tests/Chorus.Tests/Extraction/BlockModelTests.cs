using Chorus.Extraction;
using Chorus.Ingest;

namespace Chorus.Tests.Extraction;

public class BlockModelTests
{
    private const string Page = """
        <html><body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
        <article><h1>Cod truce</h1>
        <p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season, ending months of dispute.</p>
        <p>Council chair Sergei Valenko met ministers at the Harbour Pavilion in Tallinn, where the talks lasted three hours.</p>
        <p>Scientists advising the council have warned for three years that eastern cod stocks are close to collapse.</p>
        </article><footer>© 2026 Harbour Gazette</footer></body></html>
        """;

    [Fact]
    public void TheShippedModelReadsTheFeaturesThePageSurveyWrites()
    {
        var model = BlockModel.Shipped;

        Assert.NotNull(model);
        Assert.Equal(BlockFeatures.Names, model.Trees.Features);
        Assert.All(HtmlArticleExtractor.Survey(Page, url: null), block => Assert.Equal(BlockFeatures.Names.Count, block.Features.Length));
    }

    [Fact]
    public void TheFeaturesTheKeepingRulesReadAreTheOnesTheirNamesSay()
    {
        Assert.Equal("kept by the rules", BlockFeatures.Names[BlockFeatures.KeptByTheRules]);
        Assert.Equal("the title", BlockFeatures.Names[BlockFeatures.IsTheTitle]);
        Assert.Equal("chrome line", BlockFeatures.Names[BlockFeatures.IsAChromeLine]);
    }

    [Fact]
    public void EveryBlockOfThePageIsSurveyedChromeIncludedAndMarkedByTheRulesChoice()
    {
        var blocks = HtmlArticleExtractor.Survey(Page, url: null);
        static bool KeptByRules(HtmlArticleExtractor.SurveyedBlock block) => block.Features[BlockFeatures.KeptByTheRules] == 1;

        Assert.Contains(blocks, b => b.Text.StartsWith("Home", StringComparison.Ordinal) && !KeptByRules(b));
        Assert.Contains(blocks, b => b.Text.StartsWith("©", StringComparison.Ordinal) && !KeptByRules(b));
        Assert.Equal(3, blocks.Count(KeptByRules));
        Assert.StartsWith("The Baltic Fisheries Council", blocks.First(KeptByRules).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheModelKeepsNothingOfAPageTheRulesReadTheRulesTextStands()
    {
        var blocks = HtmlArticleExtractor.Survey(Page, url: null);

        var kept = BlockModel.Keep(blocks, [.. blocks.Select(_ => 0.0)]);

        Assert.Equal(blocks.Where(b => b.Features[BlockFeatures.KeptByTheRules] == 1).Select(b => b.Text), kept);
    }

    [Fact]
    public void APageWhereTheRulesFoundNoBodyStaysWithoutOneWhateverTheModelSays()
    {
        static HtmlArticleExtractor.SurveyedBlock LeftByTheRules(HtmlArticleExtractor.SurveyedBlock block)
        {
            var features = (float[])block.Features.Clone();
            features[BlockFeatures.KeptByTheRules] = 0;
            return block with { Features = features };
        }

        var blocks = HtmlArticleExtractor.Survey(Page, url: null).Select(LeftByTheRules).ToList();

        Assert.Empty(BlockModel.Keep(blocks, [.. blocks.Select(_ => 1.0)]));
    }

    [Fact]
    public void TheTitleAndLinesOfChromeByTheirShapeAreNeverKeptWhateverTheModelSays()
    {
        var page = Page.Replace("</article>", "<p>1 2 3 4 5</p><p>Cod truce</p></article>", StringComparison.Ordinal)
            .Replace("<html>", "<html><head><title>Cod truce</title></head>", StringComparison.Ordinal);
        var blocks = HtmlArticleExtractor.Survey(page, url: null);

        var kept = BlockModel.Keep(blocks, [.. blocks.Select(_ => 1.0)]);

        Assert.Contains(kept, k => k.StartsWith("The Baltic Fisheries Council", StringComparison.Ordinal));
        Assert.DoesNotContain("1 2 3 4 5", kept);
        Assert.DoesNotContain("Cod truce", kept);
    }

    [Fact]
    public void AParagraphThatHoldsAChromeElementKeepsTheRulesText()
    {
        var article = ArticleExtractor.Extract(new RawDocument("page", "page.html", MediaKind.Html, """
            <html><body><div class="post">The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season, ending months of dispute.
            <div class="ad-slot">Advertisement</div> Council chair Sergei Valenko met ministers at the Harbour Pavilion in Tallinn, where the talks lasted three hours.</div></body></html>
            """)).Article!;

        Assert.StartsWith("The Baltic Fisheries Council agreed", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("the talks lasted three hours.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Advertisement", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheModelKeepsTheArticleAndLeavesTheMenuAndFooter()
    {
        var article = ArticleExtractor.Extract(new RawDocument("page", "page.html", MediaKind.Html, Page)).Article!;

        Assert.StartsWith("The Baltic Fisheries Council agreed", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("close to collapse.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("©", article.Text, StringComparison.Ordinal);
    }
}
