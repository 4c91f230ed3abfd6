using Chorus.Extraction;
using Chorus.Ingest;

namespace Chorus.Tests.Extraction;

/// <summary>Text fields (JSON, JSONL, plain text files) that carry HTML tags or character references.</summary>
public class InlineMarkupTests
{
    private static Article FromJsonl(string line, string source = "export.jsonl") =>
        ArticleExtractor.Extract(InputReader.ParseJsonlLine(source, 1, line)).Article!;

    private static Article FromTextFile(string content) =>
        ArticleExtractor.Extract(new RawDocument("note", "note.txt", MediaKind.Text, content)).Article!;

    [Fact]
    public void AParagraphWithAnEntityIsKeptWithTheEntityDecoded()
    {
        var article = FromJsonl("""{"id":"y","title":"T","text":"The mayor &amp; council said the bridge will cost 40 million dollars.\n\nThe council voted 7 to 2 on Tuesday."}""");
        Assert.Equal("The mayor & council said the bridge will cost 40 million dollars.\n\nThe council voted 7 to 2 on Tuesday.", article.Text);
    }

    [Fact]
    public void ABodyWrappedInParagraphTagsIsReadAsAnHtmlFragment()
    {
        var article = FromJsonl("""{"title":"Lighthouse reopens","text":"<p>The old lighthouse on Kessu Point reopened to visitors on Saturday after two years of repairs.</p><p>Its keeper, Anu Vaher, said <b>more than 400 people</b> climbed the tower on the first day.</p>"}""");
        Assert.Equal(
            "The old lighthouse on Kessu Point reopened to visitors on Saturday after two years of repairs.\n\nIts keeper, Anu Vaher, said more than 400 people climbed the tower on the first day.",
            article.Text);
        Assert.Empty(article.Diagnostics);
    }

    [Fact]
    public void BlockTagsBecomeParagraphsAndALineBreakTagEndsALine()
    {
        var article = FromJsonl("""{"title":"Harbour notes","text":"<div>The harbour master closed the north pier on Friday because of ice.</div><div>Boats were moved to the south basin overnight.<br/>The pier will reopen when the ice has gone, she said.</div><ul><li>Ferries kept to their timetable on both routes all week.</li></ul>"}""");
        Assert.Equal(
            "The harbour master closed the north pier on Friday because of ice.\n\nBoats were moved to the south basin overnight.\n\nThe pier will reopen when the ice has gone, she said.\n\nFerries kept to their timetable on both routes all week.",
            article.Text);
    }

    [Theory]
    [InlineData("<em>", "</em>")]
    [InlineData("<a href=\"https://harbour.example/pier\">", "</a>")]
    [InlineData("<strong class=\"key\">", "</strong>")]
    [InlineData("<span>", "</span>")]
    public void InlineTagsAreStrippedAndTheirWordsKept(string open, string close)
    {
        var article = FromTextFile($"The ferry company said {open}all crossings{close} would run on time during the holiday week.\n\nPassengers were told to arrive early at the terminal in Rohuküla.");
        Assert.StartsWith("The ferry company said all crossings would run on time during the holiday week.", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&#39;", "'")]
    [InlineData("&#x27;", "'")]
    [InlineData("&quot;", "\"")]
    [InlineData("&nbsp;", " ")]
    public void CharacterReferencesAreDecoded(string reference, string character)
    {
        var article = FromJsonl($$"""{"title":"Pier","text":"The harbour master{{reference}}s office said the north pier stays closed until the ice has gone."}""");
        Assert.Equal($"The harbour master{character}s office said the north pier stays closed until the ice has gone.", article.Text);
    }

    [Theory]
    [InlineData("Shares of AT&T rose 2 percent on Monday after the company reported strong results.")]
    [InlineData("The model holds only when x < y and the two costs are measured the same way.")]
    [InlineData("The council voted 5 > 3 in favour, the clerk wrote in her notes on Tuesday.")]
    [InlineData("Tom & Jerry & friends played the harbour stage on Friday evening to a full house.")]
    public void AmpersandsAndAngleBracketsOfPlainTextStayAsTheyAre(string sentence)
    {
        Assert.Equal(sentence, FromJsonl($$"""{"title":"T","text":"{{sentence}}"}""").Text);
        Assert.Equal(sentence, FromTextFile(sentence).Text);
    }

    [Fact]
    public void AStrayFragmentInPlainTextIsStillDroppedAsChrome()
    {
        var article = FromTextFile("The council voted on Tuesday to rebuild the old swing bridge over the canal.\n\nclass = \"cf\">\n\nWork is due to start in the spring and end before the summer season.");
        Assert.Equal("The council voted on Tuesday to rebuild the old swing bridge over the canal.\n\nWork is due to start in the spring and end before the summer season.", article.Text);
    }

    [Fact]
    public void AnEntityInTheTitleIsDecoded()
    {
        var article = FromJsonl("""{"title":"Mayor &amp; council agree on bridge","text":"The mayor and the council agreed on Tuesday to rebuild the swing bridge."}""");
        Assert.Equal("Mayor & council agree on bridge", article.Title);
    }

    [Fact]
    public void AParagraphDroppedAsChromeFromARecordIsNamedInAWarning()
    {
        var article = FromJsonl("""{"title":"Bridge vote","text":"The council voted on Tuesday to rebuild the old swing bridge over the canal.\nRead more about the bridge\nWork is due to start in the spring and end before the summer season."}""");
        Assert.DoesNotContain("Read more", article.Text, StringComparison.Ordinal);
        var warning = Assert.Single(article.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("export.jsonl:1", warning.Input);
        Assert.Contains("Read more about the bridge", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABodyThatIsOnlyChromeLeavesTheTitleAndAWarningNamingTheInput()
    {
        var article = FromJsonl("""{"title":"Bridge vote","text":"Advertisement\nRead more about the bridge"}""");
        Assert.Equal("Bridge vote", article.Text);
        var warning = Assert.Single(article.Diagnostics);
        Assert.Equal("export.jsonl:1", warning.Input);
        Assert.Contains("title stands for the text", warning.Message, StringComparison.Ordinal);
    }
}
