using Chorus.Extraction;
using Chorus.Ingest;

namespace Chorus.Tests.Extraction;

public class TextArticleExtractorTests
{
    [Fact]
    public void SiteTitleBylineAndDateLinesBecomeMetadataAndChromeLinesAreDropped()
    {
        const string page = """
            NORTHERN WIRE
            Home | World | Business | Sport
            Council agrees cod truce after long talks
            By Mikk Rebane
            11 March 2026 18:40 EET

            The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season.

            Advertisement
            12 | 48
            </div>
            Council chair Sergei Valenko said the deal keeps boats at sea and fish in the water.

            Council agrees cod truce after long talks
            Leave a comment
            """;
        var article = ArticleExtractor.Extract(new RawDocument("wire", "wire.txt", MediaKind.Text, page)).Article!;
        Assert.Equal("Northern Wire", article.Site);
        Assert.Equal("Council agrees cod truce after long talks", article.Title);
        Assert.Equal("Mikk Rebane", article.Author);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 18, 40, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal(
            "The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season.\n\nCouncil chair Sergei Valenko said the deal keeps boats at sea and fish in the water.",
            article.Text);
    }

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("Related: Ferry crews walk out")]
    [InlineData("3 comments")]
    [InlineData("Found a spelling error? Select it and press Ctrl+Enter")]
    [InlineData("Report a spelling error")]
    [InlineData("1 2 3 4 5")]
    [InlineData("</div>")]
    [InlineData("&nbsp;")]
    [InlineData("Share this article: Facebook | X | Email | Print")]
    [InlineData("Helle Saar is a staff reporter at Coastline Daily covering the coast.")]
    [InlineData("Ruth Ellison is the Northern Morning Post's Europe correspondent.")]
    [InlineData("We use cookies to improve your experience.")]
    [InlineData("By Phil Helsel")]
    [InlineData("Posted on October 27, 2015 by Admin")]
    [InlineData("Nov. 19, 2019, 8:41 AM UTC")]
    [InlineData("Updated: 11 March 2026 18:40")]
    [InlineData("Tempo de leitura: 2 minutos")]
    [InlineData("4 min read")]
    [InlineData("Let our news meet your inbox. The news and stories that matter, delivered weekday mornings.")]
    [InlineData("Close")]
    [InlineData("Popular on IndieWire")]
    [InlineData("1 of 3")]
    [InlineData("Updated at 1:23 p.m.")]
    [InlineData("Like this story? Share it with a friend!")]
    [InlineData("This slideshow requires JavaScript.")]
    [InlineData("[button link=\"https://gazette.example/tips\" type=\"big\"] Send us your tip[/button]")]
    [InlineData("<div class=\"share\">")]
    [InlineData("]]>")]
    [InlineData("Follow the Northern Wire on Instagram, Facebook and YouTube.")]
    [InlineData("Got a tip? Ode Brask can be reached at the desk. Follow her on Twitter or on Facebook.")]
    [InlineData("Tell us what YOU think...")]
    [InlineData("More:")]
    [InlineData("More in Tallinn")]
    [InlineData("SOURCE: News agencies")]
    [InlineData("Sponsored links")]
    [InlineData("Northern Wire March 11, 2026, 9:02 AM")]
    [InlineData("By admin - 2026-03-11")]
    public void ChromeLinesAreRecognized(string line) => Assert.NotNull(ChromeLineClassifier.Classify(line));

    [Theory]
    [InlineData("The council will meet again in June to review the first catch figures.")]
    [InlineData("Related talks in Riga ended without a deal, officials said.")]
    [InlineData("Sergei Valenko is the chair of the Baltic Fisheries Council.")]
    [InlineData("By Monday, the talks had ended.")]
    [InlineData("By contrast, the council voted against the plan")]
    [InlineData("March 11 was the day the talks ended.")]
    [InlineData("Close to 300 people came through the doors.")]
    [InlineData("<The Harbour Lights: A Winter Tale>")]
    [InlineData("Fishermen follow the votes on Twitter and on the radio alike.")]
    [InlineData("[Northern Wire = Ode Brask's column] The council's vote was never in doubt, whatever its chair says now.")]
    [InlineData("4:14 p.m.")]
    [InlineData("The ferry operator's tech team fixed the booking page as passengers continued to sign up for the spring crossings.")]
    [InlineData("More in sorrow than in anger, the chair closed the session.")]
    public void ArticleSentencesAreNotChrome(string line) => Assert.Null(ChromeLineClassifier.Classify(line));

    [Theory]
    [InlineData("Reporting by Ode Brask; Editing by Mikk Rebane")]
    [InlineData("(Reporting by Ode Brask, additional reporting by Helle Saar; editing by Mikk Rebane.)")]
    [InlineData("Northern Wire writers Ode Brask and Helle Saar contributed to this report.")]
    [InlineData("Baltic Line is a leading provider of passenger and freight ferry services in the Baltic Sea region. The company operates eleven vessels.")]
    [InlineData("Baltic Line is headquartered in Tallinn and employs around 900 people.")]
    [InlineData("About Baltic Line")]
    [InlineData("Get access to the Harbour Gazette's premium service for as little as 5 euros a month. Use the code HARBOUR.")]
    [InlineData("Ode Brask's book about the herring wars is out now. Follow her on Twitter @odebrask.")]
    public void ClosingBlocksOfCreditsPromotionAndCompanyBoilerplateAreChrome(string block) => Assert.True(ChromeLineClassifier.IsClosingChrome(block));

    [Theory]
    [InlineData("The council will meet again in June to review the first catch figures.")]
    [InlineData("Baltic Line said it would keep its eleven vessels in service over the winter.")]
    [InlineData("about three hundred boats stayed in port")]
    public void ClosingSentencesOfTheStoryAreNotChrome(string block) => Assert.False(ChromeLineClassifier.IsClosingChrome(block));

    [Fact]
    public void CreditsAndBoilerplateAreDroppedOnlyWhereTheyCloseTheText()
    {
        var blocks = new[]
        {
            "Baltic Line is a leading provider of ferry services in the Baltic Sea region, the council noted in its ruling on Wednesday.",
            "The council will meet again in June to review the first catch figures.",
            "Baltic Line is a leading provider of passenger and freight ferry services in the Baltic Sea region.",
            "Reporting by Ode Brask; Editing by Mikk Rebane",
        };
        var (kept, removed) = ParagraphCleaner.Clean(blocks, title: null, site: null, trimEdges: false);
        Assert.Equal(blocks[..2], kept);
        Assert.Equal(2, removed);
    }
}
