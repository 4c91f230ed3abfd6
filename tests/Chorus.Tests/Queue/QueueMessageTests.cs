using System.Text;
using Chorus.Ingest;
using Chorus.Queue;

namespace Chorus.Tests.Queue;

public sealed class QueueMessageTests
{
    [Fact]
    public void APageTravelsThroughTheQueueUnchangedWithItsDecodingWarnings()
    {
        var page = new RawDocument("narva-fire", "crawl.warc.gz#4096", MediaKind.Html, "<html><body><p>Fire in Narva</p></body></html>", "https://example.org/narva", new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero))
        {
            Diagnostics = [Diagnostic.Warning("crawl.warc.gz#4096", "invalid UTF-8 replaced")],
        };

        var item = (RawDocument)QueueMessage.Decode(QueueMessage.Of(page, "p1:7").Encode()).Item();

        Assert.Equal(page with { Diagnostics = item.Diagnostics }, item);
        Assert.Equal("invalid UTF-8 replaced", Assert.Single(item.Diagnostics).Message);
    }

    [Fact]
    public void MarkupTravelsAsItselfAndAMessageWithEscapedMarkupIsReadTheSame()
    {
        const string Html = "<p class=\"lead\">Ferry &amp; crews in Narva</p>";
        var page = new RawDocument("p", "crawl.warc#1", MediaKind.Html, Html, null, null);

        var body = QueueMessage.Of(page, "p1:1").Encode();
        var escaped = Encoding.UTF8.GetString(body).Replace("<p", "\\u003Cp", StringComparison.Ordinal); // as an older publisher wrote it

        Assert.Contains(Html.Replace("\"", "\\\"", StringComparison.Ordinal), Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.Equal(Html, ((RawDocument)QueueMessage.Decode(Encoding.UTF8.GetBytes(escaped)).Item()).Content);
    }

    [Fact]
    public void ARecordARejectionAndASkipTravelUnchanged()
    {
        InputItem[] items =
        [
            new ArticleRecord("a1", "feed.jsonl:3", "Ferry crews strike", "Crews in Tallinn walked out.", "https://example.org/a1", "Harbour News", "Liisa Tamm", new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(2)), "en"),
            new RejectedInput("feed.jsonl:4", "invalid JSON", 120),
            new SkippedInput("crawl.warc#10", "HTTP 404 response"),
        ];

        foreach (var item in items)
        {
            var message = QueueMessage.Decode(QueueMessage.Of(item, "p1:1").Encode());
            Assert.Equal("p1:1", message.Key);
            Assert.Equal(item, message.Item());
        }
    }

    [Theory]
    [InlineData("not json at all", "invalid JSON")]
    [InlineData("{\"v\":1,\"kind\":\"raw\",\"source\":\"x\"}", "no key")]
    [InlineData("{\"v\":9,\"key\":\"p:1\",\"kind\":\"raw\",\"source\":\"x\"}", "format 9")]
    [InlineData("{\"v\":1,\"key\":\"p:1\",\"kind\":\"video\",\"source\":\"x\"}", "unknown kind 'video'")]
    public void ABodyThatIsNotAMessageOfThisVersionIsRefusedWithTheReason(string body, string reason)
    {
        var error = Assert.Throws<QueueMessageException>(() => QueueMessage.Decode(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBrokersPasswordIsNotShown()
    {
        var queue = new InputQueue("amqp://chorus:s3cret@broker.example:5673/news");

        Assert.Equal("amqp://chorus@broker.example:5673/news", queue.Shown);
        Assert.Equal("chorus.inputs.dead", queue.DeadName);
    }
}
