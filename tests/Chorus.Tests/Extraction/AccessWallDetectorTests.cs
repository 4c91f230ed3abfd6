using Chorus.Extraction;
using Chorus.Ingest;

namespace Chorus.Tests.Extraction;

public class AccessWallDetectorTests
{
    private static ExtractionResult Extract(string html) => ArticleExtractor.Extract(new RawDocument("p", "p.html", MediaKind.Html, html));

    [Fact]
    public void APageThatShowsOnlyASubscriptionPromptIsRejectedAsAPaywall()
    {
        var result = Extract("""
            <html><body><article><h1>Council agrees cod deal</h1>
            <p>Subscribe now to continue reading this article and get unlimited access to all our journalism.</p>
            <p>Already a subscriber? Sign in to read.</p></article></body></html>
            """);
        Assert.Null(result.Article);
        Assert.StartsWith("paywall:", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACookieWallIsNamedAsSuch()
    {
        var result = Extract("""
            <html><body><div class="content"><p>We and our partners use cookies to store and access information on your device. By clicking accept, you agree to this.</p>
            <p>Manage your privacy settings at any time from the menu.</p></div></body></html>
            """);
        Assert.Null(result.Article);
        Assert.StartsWith("consent wall:", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATeaserOfALockedArticleIsKeptButFlaggedTruncated()
    {
        var result = Extract("""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Cod deal","isAccessibleForFree":false,"wordCount":900}</script></head>
            <body><article><p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season, ending months of dispute between the coastal states.</p>
            <p>Council chair Sergei Valenko met ministers at the Harbour Pavilion in Tallinn, where the talks lasted three hours and ended with a signed text.</p>
            <div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Log in to continue.</p></div></article></body></html>
            """);
        var article = result.Article!;
        Assert.DoesNotContain("Subscribe", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Diagnostics, d => d.Message.StartsWith("truncated:", StringComparison.Ordinal));
    }

    [Fact]
    public void AFreeArticleHasNoAccessDiagnostic()
    {
        var result = Extract("""
            <html><body><article><p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season, ending months of dispute.</p>
            <p>Subscribers to the council's bulletin will get the full text of the deal next week, officials said after the talks.</p></article></body></html>
            """);
        Assert.Empty(result.Article!.Diagnostics);
    }

    [Fact]
    public void AnExportedRecordWhoseBodyIsACookieWallKeepsItsHeadline()
    {
        var record = new ArticleRecord("r1", "export.jsonl:3", "Council agrees cod truce", "Cookies on our sites\nWe use cookies for a number of reasons, such as keeping our sites reliable and secure.", null, "example.org", null, null, null);
        var article = ArticleExtractor.Extract(record).Article!;
        Assert.Equal("Council agrees cod truce", article.Text);
        Assert.StartsWith("consent wall:", Assert.Single(article.Diagnostics).Message, StringComparison.Ordinal);
    }
}
