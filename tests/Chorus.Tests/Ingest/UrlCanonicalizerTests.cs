using Chorus.Ingest;

namespace Chorus.Tests.Ingest;

public class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("https://www.example.org/news/cod-deal/", "http://example.org/news/cod-deal")]
    [InlineData("https://example.org/news/cod-deal?utm_source=x&utm_medium=y", "https://example.org/news/cod-deal")]
    [InlineData("https://example.org/news/cod-deal?fbclid=abc#comments", "https://EXAMPLE.org/news/cod-deal")]
    [InlineData("https://example.org/news/cod-deal/amp", "https://example.org/news/cod-deal")]
    [InlineData("https://amp.example.org/news/cod-deal", "https://example.org/news/cod-deal")]
    public void TheSamePageUnderAnotherUrlHasTheSameKey(string a, string b) =>
        Assert.Equal(UrlCanonicalizer.Canonical(a), UrlCanonicalizer.Canonical(b));

    [Fact]
    public void MeaningfulQueryParametersAreKept() =>
        Assert.NotEqual(UrlCanonicalizer.Canonical("https://example.org/a?id=1"), UrlCanonicalizer.Canonical("https://example.org/a?id=2"));

    [Fact]
    public void NonWebUrlsHaveNoKey() => Assert.Null(UrlCanonicalizer.Canonical("javascript:alert(1)"));
}
