using Chorus.Extraction;
using Chorus.Summary;
using Chorus.Tests.Support;
using Chorus.Text;

namespace Chorus.Tests.Summary;

public class BriefSummarizerTests
{
    private static readonly List<SummarySentence> s_summary = BriefSummarizer.Summarize(DemoCorpus.Main, 120);

    [Fact]
    public void EverySentenceIsVerbatimInTheArticleItIsTakenFromAndCitesIt()
    {
        Assert.NotEmpty(s_summary);
        foreach (var sentence in s_summary)
        {
            var from = DemoCorpus.Article(sentence.From.Source).Text;
            Assert.Equal(sentence.Text, from[sentence.From.Start..sentence.From.End]);
            Assert.Contains(sentence.From.Source, sentence.Sources);
        }
    }

    [Fact]
    public void AHeadlineWithoutASentenceEndingIsNotStatedAsWhatHappened()
    {
        // Every article carries the same headline inside its text: the most central line of the story, but no sentence.
        const string headline = "Harbour Towns Win New Money For Trawler Crews";
        var articles = new[]
        {
            "The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent. Harbour towns will share a fund.",
            "Council members agreed on Wednesday to cut the cod quota. Trawler crews will be retrained with new money.",
            "The cut was agreed on Wednesday after talks in Tallinn. Crews in harbour towns welcomed the money.",
        }.Select((body, i) => Articles.Analyzed($"a{i}", headline + "\n\n" + body)).ToList();
        var summary = BriefSummarizer.Summarize(Chorus.Facts.StoryAnalyzer.Analyze(new Chorus.Clustering.Story("s", articles)), 60);
        Assert.NotEmpty(summary);
        Assert.DoesNotContain(summary, s => s.Text == headline);
    }

    [Fact]
    public void ATimelineEntryIsNotStatedAsWhatHappenedButAnIntroducedQuoteMayBe()
    {
        // Every article repeats the same timeline entry and the same quote: both are as central as a sentence can be.
        const string entry = "2019: Fisheries minister in the coalition government.";
        const string quote = "Kaarel Kask said: harbour towns will share a new fund for retraining trawler crews.";
        var articles = new[]
        {
            "The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent this season.",
            "Council members agreed on Wednesday in Tallinn to cut the cod quota for the coming season.",
            "The cut of the cod quota was agreed on Wednesday after long talks between coastal states.",
        }.Select((body, i) => Articles.Analyzed($"a{i}", body + "\n\n" + quote + "\n\n" + entry)).ToList();
        var summary = BriefSummarizer.Summarize(Chorus.Facts.StoryAnalyzer.Analyze(new Chorus.Clustering.Story("s", articles)), 80);
        Assert.DoesNotContain(summary, s => s.Text == entry);
        Assert.Contains(summary, s => s.Text == quote);
    }

    [Fact]
    public void TheSummaryKeepsToTheWordCap()
    {
        Assert.True(s_summary.Sum(s => Tokenizer.CountWords(s.Text)) <= 120);
        Assert.True(BriefSummarizer.Summarize(DemoCorpus.Main, 40).Sum(s => Tokenizer.CountWords(s.Text)) <= 40);
    }

    [Fact]
    public void NoSentenceHoldsChromeADatelineOrADanglingOpener()
    {
        foreach (var sentence in s_summary)
        {
            Assert.Null(ChromeLineClassifier.Classify(sentence.Text));
            Assert.DoesNotMatch("^[A-Z]{3,},", sentence.Text);
            Assert.DoesNotMatch("^(He|She|It|They|This|But|However) ", sentence.Text);
        }
    }

    [Fact]
    public void APronounAfterAShortOpeningPhraseDanglesToo()
    {
        // The most central sentence of every article would be chosen, but its "he" has no antecedent in a brief.
        const string dangling = "On Monday, he cut the cod quota for the eastern Baltic by twelve percent after the talks in Tallinn.";
        var articles = new[]
        {
            "Council chair Sergei Valenko spoke for an hour. " + dangling + " Crews in Narva will be retrained.",
            "The council met in Tallinn for three hours. " + dangling + " The fund will pay for new nets.",
            "Fishing crews waited outside the hall. " + dangling + " Scientists welcomed the cut to the cod quota.",
        }.Select((body, i) => Articles.Analyzed($"a{i}", body)).ToList();
        var summary = BriefSummarizer.Summarize(Chorus.Facts.StoryAnalyzer.Analyze(new Chorus.Clustering.Story("s", articles)), 60);
        Assert.NotEmpty(summary);
        Assert.DoesNotContain(summary, s => s.Text == dangling);
    }

    [Fact]
    public void TheContestedThursdayIsNotStatedAsWhatHappened() =>
        Assert.DoesNotContain(s_summary, s => s.Text.Contains("Thursday", StringComparison.Ordinal));

    [Fact]
    public void TheCleanWordingIsPreferredOverTheMachineTranslation()
    {
        Assert.DoesNotContain(s_summary, s => s.From.Source == "nordic-ledger-cod-truce");
        Assert.Contains(s_summary, s => s.Sources.Contains("nordic-ledger-cod-truce"));
    }

    [Fact]
    public void TheLeadComesFirstAndIsBackedByManySources()
    {
        Assert.StartsWith("The Baltic Fisheries Council agreed on Wednesday", s_summary[0].Text, StringComparison.Ordinal);
        Assert.True(s_summary[0].Sources.Count >= 3);
    }

    [Fact]
    public void ASpunCopyHoldingUnderTwoThirdsOfTheLeadsWordsIsNotCitedForIt()
    {
        // The spun copy says 'reduce the codfish contingent' for 'cut the cod quota': a citation claims the words are there.
        Assert.DoesNotContain("nordic-ledger-cod-truce", s_summary[0].Sources);
        Assert.Contains("harbour-gazette-cod-truce", s_summary[0].Sources);
    }
}
