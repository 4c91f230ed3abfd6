using Chorus.Clustering;
using Chorus.Tests.Support;

namespace Chorus.Tests.Clustering;

public class CopyDetectorTests
{
    private static CopyLink? LinkOf(string id) => DemoCorpus.Main.Copies.SingleOrDefault(c => c.ArticleId == id);

    [Fact]
    public void TheWireStoryAndItsCopiesAreToldApartFromIndependentReporting()
    {
        Assert.Null(LinkOf("bws-cod-truce"));
        Assert.Equal(("bws-cod-truce", CopyKind.Exact), (LinkOf("harbour-gazette-cod-truce")!.SourceId, LinkOf("harbour-gazette-cod-truce")!.Kind));
        Assert.Equal(("bws-cod-truce", CopyKind.NearDuplicate), (LinkOf("coastline-cod-truce")!.SourceId, LinkOf("coastline-cod-truce")!.Kind));
        Assert.Equal(("bws-cod-truce", CopyKind.Rewrite), (LinkOf("nordic-ledger-cod-truce")!.SourceId, LinkOf("nordic-ledger-cod-truce")!.Kind));
        foreach (var independent in new[] { "tallinn-observer-cod-deal", "fishing-weekly-valenko", "northern-post-cod", "radio-baltica-cod" })
        {
            Assert.Null(LinkOf(independent));
        }
    }

    [Fact]
    public void PrintsMadeStraightFromArticlesFindTheSameCopiesAsFullAnalyses()
    {
        var fromArticles = CopyDetector.Detect(DemoCorpus.MainStory.Articles.Select(a => CopyPrint.Of(a.Article)).ToList());
        Assert.Equal(DemoCorpus.Main.Copies.OrderBy(c => c.ArticleId, StringComparer.Ordinal), fromArticles.OrderBy(c => c.ArticleId, StringComparer.Ordinal));
    }

    [Fact]
    public void OfManyExactCopiesEachNamesTheFirstArticle()
    {
        var day = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const string text = "The ferry to Halden ran aground on a sandbank on Monday and all ninety passengers were taken off by lifeboats before noon.";
        var links = CopyDetector.Detect([.. Enumerable.Range(0, 5).Select(i => Articles.Analyzed($"a{i}", text, published: day.AddHours(i)))]);
        Assert.Equal(4, links.Count);
        Assert.All(links, l => Assert.Equal(("a0", CopyKind.Exact), (l.SourceId, l.Kind)));
    }

    [Fact]
    public void CopiesCountAsOneOrigin() => Assert.Equal(5, DemoCorpus.Main.OriginCount);

    [Fact]
    public void AReorderedCopyWithChromeAndSwappedWordsIsFoundAsACopy()
    {
        var source = Articles.Analyzed("source", """
            The city council approved a new budget on Tuesday after a long debate about school funding and road repairs.
            Mayor Anna Berg said the plan would add forty teachers and repair twelve bridges over the next two years.
            Opposition members argued that the tax increase would hurt small businesses in the old town district.
            The budget passed by eleven votes to six after an amendment on public transport was withdrawn.
            """, published: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var copy = Articles.Analyzed("copy", """
            The budget passed by eleven votes to six after an amendment on public transport was pulled.
            Advertisement
            The city council approved a new budget on Tuesday following a long debate about school funding and road repairs.
            Mayor Anna Berg said the plan would add forty teachers and fix twelve bridges over the next two years.
            Opposition members argued that the tax increase would harm small businesses in the old town district.
            """, published: new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var link = Assert.Single(CopyDetector.Detect([copy, source]));
        Assert.Equal(("copy", "source"), (link.ArticleId, link.SourceId));
        Assert.NotEqual(CopyKind.Exact, link.Kind);
    }

    private const string FullReport =
        "The Baltic Fisheries Council agreed on Wednesday to cut the eastern cod quota by twelve percent for next season. "
        + "Delegates from nine coastal states met for three hours at the Harbour Pavilion in Tallinn before the vote. "
        + "A fund of forty-five million euros will pay for selective nets and for retraining crews who lose their catch. "
        + "Scientists have warned for three years that the eastern stock is close to collapse after decades of heavy fishing. "
        + "Council chair Sergei Valenko said the new limits would be reviewed in June once the spring survey is complete. "
        + "Fishing unions in Narva and Parnu called the cut a gesture and said smaller boats would be hit hardest by it. "
        + "Environmental groups welcomed the fund but asked the council to close spawning grounds during the winter months. "
        + "The agreement still needs the approval of each member state's fisheries ministry before it comes into force.";

    private static string Excerpt => string.Join(". ", FullReport.Split(". ").Take(3)) + ".";

    [Fact]
    public void AnUndatedExcerptThatComesBeforeItsFullTextIsACopyOfIt()
    {
        var link = Assert.Single(CopyDetector.Detect([Articles.Analyzed("excerpt", Excerpt), Articles.Analyzed("full", FullReport)]));
        Assert.Equal(("excerpt", "full"), (link.ArticleId, link.SourceId));
    }

    [Fact]
    public void WithDatesAnEarlierShortReportIsNoExcerptOfALaterLongerOne()
    {
        var day = new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero);
        Assert.Empty(CopyDetector.Detect([Articles.Analyzed("early", Excerpt, published: day), Articles.Analyzed("later", FullReport, published: day.AddHours(6))]));
    }
}
