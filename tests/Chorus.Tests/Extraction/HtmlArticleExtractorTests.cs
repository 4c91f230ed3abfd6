using Chorus.Extraction;
using Chorus.Ingest;

namespace Chorus.Tests.Extraction;

public class HtmlArticleExtractorTests
{
    private const string Body = """
        <p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season, ending months of dispute.</p>
        <p>Council chair Sergei Valenko met ministers at the Harbour Pavilion in Tallinn, where the talks lasted three hours.</p>
        <p>Scientists advising the council have warned for three years that eastern cod stocks are close to collapse.</p>
        """;

    private static Article Extract(string html, DateTimeOffset? fetched = null) =>
        ArticleExtractor.Extract(new RawDocument("page", "page.html", MediaKind.Html, html, FetchedAt: fetched)).Article!;

    /// <summary>A page whose article is <see cref="Body"/> followed by the given markup.</summary>
    private static Article BodyAnd(string after) => Extract($"<html><body><article>{Body}\n{after}\n</article></body></html>");

    [Fact]
    public void MenusAdsCommentsAndWidgetsAreRemoved()
    {
        var article = Extract($"""
            <html><body><nav><a href="/">Home</a> | <a>News</a> | <a>Sport</a></nav>
            <div class="cookie-banner">We use cookies to improve your experience.</div>
            <article><h1>Cod truce</h1>{Body}<div class="ad-slot">Advertisement</div>
            <div class="spelling-report">Found a spelling error? Select the text and press Ctrl+Enter.</div></article>
            <section class="comments"><p>Leave a comment</p></section><footer>© 2026 Gazette</footer></body></html>
            """);
        Assert.StartsWith("The Baltic Fisheries Council agreed", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("close to collapse.", article.Text, StringComparison.Ordinal);
        foreach (var chrome in new[] { "Home", "cookies", "Advertisement", "spelling", "Leave a comment", "©" })
        {
            Assert.DoesNotContain(chrome, article.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnIconsSelfClosedTitleNeitherNamesThePageNorSwallowsIt()
    {
        var article = Extract($"""
            <html><head><meta property="og:title" content="Cod truce agreed"></head><body>
            <header><svg viewBox="0 0 10 10"><title/><path d="M0 0h10"/></svg></header>
            <article>{Body}</article></body></html>
            """);

        Assert.Equal("Cod truce agreed", article.Title);
        Assert.StartsWith("The Baltic Fisheries Council agreed", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("close to collapse.", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void APageWithoutABodyTagKeepsItsTextThoughItsHeadHoldsANoscriptBlock()
    {
        var article = Extract($"""
            <html><head><title>Cod truce agreed</title><noscript><div class="tracking"><img src="pixel.gif"></div></noscript>
            <meta name="author" content="Liisa Tamm">
            <div class="page"><article>{Body}</article></div></html>
            """);

        Assert.Equal("Liisa Tamm", article.Author);
        Assert.StartsWith("The Baltic Fisheries Council agreed", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("close to collapse.", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArticleBodyDeclaredInAnyJsonLdBlockIsReadWhenThePageRendersItWithScript()
    {
        var body = "The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season. "
            + "Council chair Sergei Valenko met ministers in Tallinn, where the talks lasted three hours. "
            + "Scientists advising the council have warned for three years that eastern cod stocks are close to collapse.";
        var article = Extract($$"""
            <html><head><title>Cod truce agreed</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage","name":"Cod truce agreed"}</script>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Baltic Wire"},
              {"@type":"NewsArticle","headline":"Cod truce agreed","author":{"@type":"Person","name":"Kalev Saar"},"articleBody":"{{body}}"}]}</script>
            </head><body><div id="app">Loading…</div></body></html>
            """);

        Assert.Equal(body, article.Text);
        Assert.Equal("Kalev Saar", article.Author);
    }

    [Fact]
    public void MetadataComesFromJsonLdAndMetaTags()
    {
        var article = Extract($$$"""
            <html lang="en-GB"><head><title>Cod truce | Harbour Gazette</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Cod truce agreed","datePublished":"2026-03-11T19:25:00+02:00","author":{"name":"Helle Saar"}}</script>
            <meta property="og:site_name" content="Harbour Gazette"><link rel="canonical" href="https://example.org/cod"></head>
            <body><article>{{{Body}}}</article></body></html>
            """);
        Assert.Equal("Cod truce agreed", article.Title);
        Assert.Equal("Harbour Gazette", article.Site);
        Assert.Equal("Helle Saar", article.Author);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 19, 25, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal("en", article.Language);
        Assert.Equal("https://example.org/cod", article.Url);
    }

    [Fact]
    public void ADateLaterThanTheFetchTimeOrInScriptTextIsNeverTheDate()
    {
        var article = Extract(
            $"""
            <html><head><script>var published = "2026-03-10";</script>
            <meta property="article:published_time" content="2031-01-01T00:00:00Z"></head>
            <body><article><time datetime="2026-03-11T10:00:00+01:00">11 March</time>{Body}</article></body></html>
            """,
            fetched: new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.FromHours(1)), article.Published);
    }

    [Theory]
    [InlineData("5 Minutes Ago")]
    [InlineData("Harbour Gazette")]
    [InlineData("https://example.org/staff")]
    [InlineData("Newsroom Staff")]
    public void AnAuthorMustBeAPersonsName(string author) => Assert.Null(HtmlMetadataReader.CleanAuthor(author, "Harbour Gazette"));

    [Theory]
    [InlineData("By Kadri Lepp", "Kadri Lepp")]
    [InlineData("Analysis by Kadri Lepp, Editor-at-large", "Kadri Lepp")]
    [InlineData("Kadri Lepp. Tallinn Observer", "Kadri Lepp")]
    [InlineData("Sarah E. Needleman", "Sarah E. Needleman")]
    [InlineData("Von Kadri Lepp", "Kadri Lepp")]
    [InlineData("por Kadri Lepp", "Kadri Lepp")]
    [InlineData(" | Kadri Lepp", "Kadri Lepp")]
    [InlineData("Kadri Lepp/Baltic Press Agency", "Kadri Lepp")]
    public void AnAuthorIsCutToThePersonsName(string raw, string name) => Assert.Equal(name, HtmlMetadataReader.CleanAuthor(raw, null));

    [Theory]
    [InlineData("""<head><meta name="shareplugin:article_author_name" content="Kadri Lepp"></head><body><article>{0}</article></body>""")]
    [InlineData("""<body><article><h5>Autor:</h5>Kadri Lepp/Baltic Press Agency{0}</article></body>""")]
    [InlineData("""<body><article><p>Author: Kadri Lepp</p>{0}</article></body>""")]
    public void AnAuthorNamedOnlyByAPluginsMetaTagOrAfterAnAuthorLabelIsRead(string page)
    {
        var article = Extract("<html>" + string.Format(System.Globalization.CultureInfo.InvariantCulture, page, Body) + "</html>");

        Assert.Equal("Kadri Lepp", article.Author);
    }

    [Theory]
    [InlineData("Kadri", "Kadri")]
    [InlineData("seabird", "seabird")]
    [InlineData("Redaktion", null)]
    [InlineData("PTI", null)]
    [InlineData("admin", null)]
    public void AOneWordPseudonymIsReadOnlyWhereTheMarkupDeclaresAnAuthorAndNeverForAStaffOrAnAgency(string name, string? expected)
    {
        var declared = Extract($$$"""
            <html><head><script type="application/ld+json">{"@type":"BlogPosting","headline":"Cod truce","author":{"@type":"Person","name":"{{{name}}}"}}</script></head>
            <body><article>{{{Body}}}</article></body></html>
            """);
        var written = Extract($"<html><body><article><p>Author: {name}</p>{Body}</article></body></html>");

        Assert.Equal(expected, declared.Author);
        Assert.Null(written.Author);
    }

    [Fact]
    public void ATwitterHandleIsNotASiteNameAndAUrlWithAMonthNameGivesTheDate()
    {
        var article = Extract($"""
            <html><head><title>Fact check: cod quotas | PolitiFact Estonia</title><meta property="og:site_name" content="@factchecker">
            <link rel="canonical" href="https://example.org/statements/2019/nov/18/cod-quota/"></head><body><article>{Body}</article></body></html>
            """);
        Assert.Equal("PolitiFact Estonia", article.Site);
        Assert.Equal(new DateOnly(2019, 11, 18), DateOnly.FromDateTime(article.Published!.Value.DateTime));
    }

    [Fact]
    public void ThePagesOneHeadlineIsTheTitleAndASiteNamesTaglineIsNotPartOfTheName()
    {
        var article = Extract($"""
            <html><head><title>Cod quota: what the cut means | Harbour Gazette</title><meta property="og:title" content="Cod quota cut explained, with figures">
            <meta property="og:site_name" content="Harbour Gazette | News from the coast of the Gulf of Finland"></head>
            <body><article><h1>Council cuts the cod quota by 12 percent</h1>{Body}</article></body></html>
            """);

        Assert.Equal("Council cuts the cod quota by 12 percent", article.Title);
        Assert.Equal("Harbour Gazette", article.Site);
    }

    [Theory]
    [InlineData("Tallinn, 14. Juni 2019", 2019, 6, 14)]
    [InlineData("Narva | 26, Abril, 2022", 2022, 4, 26)]
    [InlineData("Datum: 03.11.2021", 2021, 11, 3)]
    [InlineData("publié le 2 août 2020", 2020, 8, 2)]
    public void APageThatDeclaresNoDateIsDatedByTheDatelineBelowItsHeadlineNeverByTheHeadersDateBar(string dateline, int year, int month, int day)
    {
        var article = Extract($"""
            <html><body><div class="top-bar">Montag, 7. Dezember 2026</div>
            <h1>Council cuts the cod quota by 12 percent</h1><p class="meta">{dateline}</p><article>{Body}</article></body></html>
            """, fetched: new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(article.Published!.Value.DateTime));
    }

    [Fact]
    public void APageWithNoDateBelowItsHeadlineStaysUndatedThoughItsHeaderShowsToday()
    {
        var article = Extract($"""
            <html><body><div class="top-bar">Montag, 7. Dezember 2026</div><h1>Council cuts the cod quota by 12 percent</h1><article>{Body}</article></body></html>
            """, fetched: new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

        Assert.Null(article.Published);
    }

    [Fact]
    public void ClearTextEvidenceOverridesAWrongDeclaredLanguage()
    {
        const string german = "<p>Die elektronische Patientenakte ist seit Jahren ein Thema, und die Kassen haben sich auf einen Plan geeinigt. Es ist nicht der erste Versuch, aber er wird von den Ärzten und den Kliniken unterstützt, die auf eine schnelle Umsetzung drängen.</p><p>Der Plan sieht vor, dass die Daten bei den Versicherten liegen und nur mit ihrer Zustimmung geteilt werden. Das ist auch im Sinne der Datenschützer, die sich seit langem für eine solche Lösung einsetzen.</p>";
        Assert.Equal("de", Extract($"""<html lang="en"><body><article>{german}</article></body></html>""").Language);
    }

    [Fact]
    public void APageOfOnlyChromeGivesNoArticle()
    {
        var result = ArticleExtractor.Extract(new RawDocument("p", "p.html", MediaKind.Html, "<html><body><nav>Home | News | Sport</nav><p>Advertisement</p></body></html>"));
        Assert.Null(result.Article);
        Assert.Equal("no body found: no element of the page holds a paragraph of text", result.Problem!.Message);
    }

    [Fact]
    public void WhenTheBestContainerIsEmptyOnceCleanedTheNextOneElsewhereIsRead()
    {
        const string title = "Ferry crews in Narva, Tallinn and Parnu agree on new rosters, the union says";
        var repeats = string.Concat(Enumerable.Repeat($"<p>{title}</p>", 4));
        var result = ArticleExtractor.Extract(new RawDocument("p", "p.html", MediaKind.Html, $"""
            <html><head><title>{title}</title></head><body>
            <div class="top">{repeats}</div>
            <div class="lower"><p>The crews voted on Tuesday to accept the rosters that the port authority proposed in March after two weeks of talks.</p>
            <p>Kalev Saar, who leads the union, said the new shifts would start in June and run until the end of the summer season.</p></div>
            </body></html>
            """));

        Assert.StartsWith("The crews voted on Tuesday", result.Article!.Text, StringComparison.Ordinal);
        Assert.EndsWith("end of the summer season.", result.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void APageWhoseProseIsAllLinksSaysWhatItTried()
    {
        static string Links(int n) => string.Concat(Enumerable.Range(1, 6).Select(k => $"<p><a href=\"/{n}/{k}\">Ferry crews in Narva meet again, story {n}.{k}, and more</a></p>"));
        var result = ArticleExtractor.Extract(new RawDocument("p", "p.html", MediaKind.Html, $"<html><body><div class=\"a\">{Links(1)}</div><section>{Links(2)}</section></body></html>"));

        Assert.Null(result.Article);
        Assert.Equal("no body found: 1 candidate tried, only chrome, links or markup once cleaned", result.Problem!.Message);
    }

    [Fact]
    public void ABodySplitIntoSectionsAroundFiguresIsKeptWhole()
    {
        static string Section(string text) =>
            $"""<div class="module"><section class="outer"><div class="wrap"><div class="body-part"><p>{text}</p><p>{text} Again, with more detail, commas, and clauses.</p></div></div></section></div>""";
        var article = Extract($"""
            <html><body><div id="post">
            {Section("The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season.")}
            <div class="module"><section class="media"><figure><img src="a.jpg"><figcaption>Boats in harbour</figcaption></figure></section></div>
            {Section("Council chair Sergei Valenko met ministers at the Harbour Pavilion in Tallinn, where talks lasted hours.")}
            <div class="module"><section class="media"><figure><img src="b.jpg"></figure></section></div>
            {Section("Scientists advising the council have warned for three years that eastern cod stocks are close to collapse.")}
            </div><div class="sidebar"><a href="/a">Most read</a></div></body></html>
            """);
        Assert.StartsWith("The Baltic Fisheries Council agreed", article.Text, StringComparison.Ordinal);
        Assert.Contains("Council chair Sergei Valenko", article.Text, StringComparison.Ordinal);
        Assert.Contains("close to collapse.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Most read", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ABodyWhoseParagraphsSitInNeighbouringContainersIsReadWholeButNotTheCommentsBesideIt()
    {
        var article = Extract("""
            <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><div class="story">
            <div class="intro"><div class="text"><p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season, ending months of dispute.</p>
            <p>Council chair Sergei Valenko met ministers at the Harbour Pavilion in Tallinn, where the talks lasted three hours, with breaks.</p>
            <p>Fishing crews in Narva, Parnu and Tallinn said the cut would cost them a quarter of their income, and asked for help.</p></div></div>
            <div class="rest"><p>Scientists advising the council have warned for three years that eastern cod stocks are close to collapse.</p>
            <p>The new quota takes effect in January, and the council will review it after the spring survey of the stocks.</p></div>
            <div class="comments"><p>Kalev Saar wrote: I have fished these waters for thirty years, and I have never seen the catches this poor, not once.</p>
            <p>Liisa Tamm wrote: The council waited far too long, and now the crews pay for it, as they always do in the end.</p>
            <p>Another reader wrote: Cutting by twelve percent is not enough if the stocks are as low as the scientists say they are.</p></div>
            </div></main></body></html>
            """);

        Assert.StartsWith("The Baltic Fisheries Council agreed", article.Text, StringComparison.Ordinal);
        Assert.Contains("close to collapse.", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("spring survey of the stocks.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote:", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderWhoseMenuShowsTeasersIsChromeThoughItHoldsProse()
    {
        static string Teaser(int n) => $"""<div class="teaser"><a href="/news/{n}">Port strike, day {n}</a><p>Ferry crews, port staff, pilots, cooks, and guards in Narva, Parnu, Haapsalu, and Tallinn vote, in round {n}, on rosters, pay, and leave.</p></div>""";
        var article = Extract($"""
            <html><body><div class="site-header"><div class="picks">{string.Concat(Enumerable.Range(1, 5).Select(Teaser))}</div></div>
            <div class="story">{Body}
            <p>The quota applies to the eastern stock only; the western stock keeps last year's limit until the autumn review.</p>
            <p>Fishing crews in Narva said the cut would cost them a quarter of their income, and asked the government for help.</p>
            <p>The council will publish the full figures for each country on its website before the end of the month, it said.</p>
            <p>Ministers from the eight member states will meet again in June to set the herring quota for the next season.</p>
            <p>Observers from the fishing unions will attend the June meeting for the first time, the council chair confirmed.</p></div>
            </body></html>
            """);

        Assert.StartsWith("The Baltic Fisheries Council agreed", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry crews", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void APostsTagsAndCategoriesInItsClassesDoNotMakeItChrome()
    {
        var article = Extract($"""<html><body><nav><a href="/">Home</a></nav><div class="post tag-comments category-sidebar">{Body}</div></body></html>""");

        Assert.StartsWith("The Baltic Fisheries Council agreed", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeadingOrAnIntroducingLineOverASectionThatWasLeftOutIsLeftOutToo()
    {
        var article = BodyAnd("""
            <h2>Quota talks</h2><p>Ministers will meet again in June to set the herring quota, the council said in a statement.</p>
            <h3>Related stories</h3><div class="related"><a href="/a">Cod quota talks stall</a></div>
            <h3>From our readers</h3>
            <p>Further reading from the council:</p><ul class="links"><li><a href="/b">Herring stocks</a></li><li><a href="/c">Sprat stocks</a></li></ul>
            <p>Our newsroom in Tallinn:</p>
            """);

        Assert.Contains("Quota talks", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("the council said in a statement.", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASentenceEndingInALinkIsProseButALinkListIsNot()
    {
        var article = BodyAnd("""
            <p>The suspect, a former trawler captain, was <a href="/x">sentenced to six years in prison last Thursday</a>.</p>
            <ul><li><a href="/1">Ferry strike called off after late-night talks</a></li><li><a href="/2">Library reopens</a></li></ul>
            """);
        Assert.Contains("sentenced to six years in prison last Thursday.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry strike", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void APostTheAuthorEmbeddedIsContentDespiteItsSocialWrapper()
    {
        var article = BodyAnd("""
            <div class="social-media-embed"><blockquote class="twitter-tweet"><p>The quota cut is the only way to save the eastern stock, full stop.</p>— Marta Ilves (@martailves) March 11, 2026</blockquote></div>
            <div class="social-share"><a href="/s">Share on Facebook</a> <a href="/t">Share on X</a></div>
            """);
        Assert.Contains("the only way to save the eastern stock", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share on", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkedLinesThatShowAnAddressOrAPriceInsideTheBodyAreTheAuthorsButHeadlineLinksAreNot()
    {
        var article = BodyAnd("""
            <p>The full ruling is on the council's site:</p>
            <p>1) Quota decision, March session</p>
            <p><a href="https://council.example/ruling">https://council.example/ruling</a></p>
            <p>Anglers can already buy the new permit, which costs more than last season's for every boat on the coast.</p>
            <p><a href="/shop">Get the permit at the Harbour Office for $49</a></p>
            <p>The permit covers the whole of the eastern basin and is valid until the end of next season, the council said.</p>
            <p><a href="/3">Ferry strike called off after late-night talks</a></p>
            <p><a href="/4">Harbour shop prices rise by $2</a></p>
            """);
        Assert.Contains("https://council.example/ruling", article.Text, StringComparison.Ordinal);
        Assert.Contains("1) Quota decision, March session", article.Text, StringComparison.Ordinal);
        Assert.Contains("Get the permit at the Harbour Office for $49", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry strike", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour shop prices", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AHoverCardOverANameIsDroppedButTheNameAndItsSentenceAreKept()
    {
        var article = BodyAnd("""
            <p><span>Fisheries minister <span class="person"><a href="/people/tamm">Kadri Tamm</a><span class="person-card"><img src="/t.jpg"><a href="/people/tamm">Kadri Tamm</a><a href="/stories/1">Tamm defends the quota cut in a long interview with the Northern Wire</a></span></span> said the cut was painful but necessary for the fleet.</span></p>
            """);
        Assert.Contains("Fisheries minister Kadri Tamm said the cut was painful", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("long interview", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunOfPartlyLinkedHeadlinesAfterTheBodyIsAListOfOtherStories()
    {
        var article = BodyAnd("""
            <h3>More from the Gazette</h3>
            <ul>
            <li>Could the ferry strike <a href="/a">spread to the northern ports</a>?</li>
            <li>Why the harbour pilots <a href="/b">voted to walk out</a></li>
            <li>Library reopens after <a href="/c">two years of repairs</a></li>
            </ul>
            """);
        Assert.Contains("close to collapse.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ferry strike", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Library reopens", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkedLineOfClosingMarksAloneIsDroppedWithoutFailingThePage()
    {
        var article = BodyAnd("""
            <p><a href="/x">))))))))))))))))))))))))))))))</a>))))))))))))))))))))))</p>
            """);
        Assert.Contains("close to collapse.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("))))", article.Text, StringComparison.Ordinal);
    }
}
