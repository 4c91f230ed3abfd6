using Chorus.Ingest;

namespace Chorus.Tests.Ingest;

public class FeedReaderTests
{
    [Fact]
    public void AnRss2ItemGivesTitleLinkGuidDateAuthorAndBody()
    {
        var items = FeedReader.Parse("""
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel><title>Harbour Gazette</title>
                <item>
                  <title>Cod truce agreed &amp; signed</title>
                  <link>https://harbour-gazette.example/cod-truce</link>
                  <guid isPermaLink="false">hg-2026-0311</guid>
                  <pubDate>Wed, 11 Mar 2026 19:25:00 EST</pubDate>
                  <dc:creator>Helle Saar</dc:creator>
                  <description>Short teaser.</description>
                  <content:encoded><![CDATA[<p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12&nbsp;percent.</p>]]></content:encoded>
                </item>
              </channel>
            </rss>
            """, out var problem)!;
        Assert.Null(problem);
        var item = Assert.Single(items);
        Assert.Equal("Cod truce agreed & signed", item.Title);
        Assert.Equal("https://harbour-gazette.example/cod-truce", item.Link);
        Assert.Equal("hg-2026-0311", item.Guid);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 19, 25, 0, TimeSpan.FromHours(-5)), item.Published);
        Assert.Equal("Helle Saar", item.Author);
        Assert.Equal("Harbour Gazette", item.Site);
        Assert.Contains("cut the cod quota", item.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAtomEntryTakesItsAlternateLinkAndResolvesItAgainstXmlBase()
    {
        var item = Assert.Single(FeedReader.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://harbour-gazette.example/news/">
              <entry>
                <title type="html">&lt;b&gt;Ferry strike&lt;/b&gt; called off</title>
                <link rel="self" href="https://harbour-gazette.example/feed/1"/>
                <link rel="alternate" href="ferry-strike"/>
                <id>tag:harbour-gazette.example,2026:2</id>
                <updated>2026-03-09T08:00:00+02:00</updated>
                <author><name>Kadri Lepp</name></author>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Crews returned to work.</p></div></content>
              </entry>
            </feed>
            """, out _)!);
        Assert.Equal("https://harbour-gazette.example/news/ferry-strike", item.Link);
        Assert.Equal("<b>Ferry strike</b> called off", item.Title);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(2)), item.Published);
        Assert.Equal("Kadri Lepp", item.Author);
        Assert.Contains("Crews returned to work.", item.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void AnRdfFeedsItemsAreRead()
    {
        var items = FeedReader.Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://a.example/"><title>A</title></channel>
              <item rdf:about="https://a.example/1"><title>One</title><link>https://a.example/1</link><dc:date>2026-03-11T10:00:00Z</dc:date></item>
              <item rdf:about="https://a.example/2"><title>Two</title><link>https://a.example/2</link></item>
            </rdf:RDF>
            """, out _)!;
        Assert.Equal(["One", "Two"], items.Select(i => i.Title));
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero), items[0].Published);
    }

    [Fact]
    public void AnExternalEntityIsNeverResolvedAndABareAmpersandIsText()
    {
        var items = FeedReader.Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><item><title>AT&T and &secret;</title><link>https://a.example/?a=1&b=2</link></item></channel></rss>
            """, out _)!;
        var item = Assert.Single(items);
        Assert.Equal("AT&T and &secret;", item.Title);
        Assert.Equal("https://a.example/?a=1&b=2", item.Link);
    }

    [Theory]
    [InlineData("Sun, 06 Jul 2014 12:56:00 GMT", 12, 0)]
    [InlineData("6 Jul 2014 12:56 +0200", 12, 2)]
    [InlineData("Sun, 06 Jul 14 12:56:00 PDT", 12, -7)]
    public void Rfc822DatesWithOddZonesAreRead(string text, int hour, int zone)
    {
        Assert.True(FeedReader.TryRfc822(text, out var when));
        Assert.Equal((2014, 7, 6, hour, TimeSpan.FromHours(zone)), (when.Year, when.Month, when.Day, when.Hour, when.Offset));
    }

    [Fact]
    public void MalformedXmlIsAProblemNamedWithItsReasonNotACrash()
    {
        Assert.Null(FeedReader.Parse("<rss><channel><item><title>x</tilte></item></channel></rss>", out var problem));
        Assert.StartsWith("not well-formed XML", problem, StringComparison.Ordinal);
    }
}
