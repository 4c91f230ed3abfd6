using Chorus.Facts;
using Chorus.Tests.Support;
using Chorus.Text;

namespace Chorus.Tests.Facts;

/// <summary>The analysis of the demo's main story finds what the team planted in it, and nothing else.</summary>
public class DemoStoryAnalysisTests
{
    private static StoryAnalysis Main => DemoCorpus.Main;

    private static Conflict ConflictAbout(string topic) => Assert.Single(Main.Conflicts, c => c.Topic == topic);

    [Fact]
    public void ExactlyThePlantedDisagreementsAreConflicts()
    {
        Assert.Equal(
            ["Date of the event", "Duration of the talks", "Title of Liisa Tamm", "Venue"],
            Main.Conflicts.Select(c => c.Topic).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheWeekdayConflictSetsThursdayAgainstWednesdayWithEachSidesWords()
    {
        var conflict = ConflictAbout("Date of the event");
        Assert.Equal("Wednesday 11 March 2026", conflict.Values[0].Value);
        var thursday = conflict.Values[1];
        Assert.Equal(["northern-post-cod"], thursday.Sources);
        var evidence = Assert.Single(thursday.Evidence);
        Assert.Contains("on Thursday", evidence.Text, StringComparison.Ordinal);
        Assert.Equal(evidence.Text, DemoCorpus.Article(evidence.Source).Text[evidence.Span.Range]);
    }

    [Fact]
    public void TheDurationVenueAndTitleConflictsNameTheDissentingSource()
    {
        Assert.Equal(["fishing-weekly-valenko"], ConflictAbout("Duration of the talks").Values.Single(v => v.Value == "an hour and 40 minutes").Sources);
        Assert.Equal(["tallinn-observer-cod-deal"], ConflictAbout("Venue").Values.Single(v => v.Value == "Old Town Guildhall").Sources);
        Assert.Equal(["radio-baltica-cod"], ConflictAbout("Title of Liisa Tamm").Values.Single(v => v.Value == "Fisheries Minister").Sources);
    }

    [Fact]
    public void MoreThanThreeHoursSidesWithThreeHours()
    {
        var threeHours = ConflictAbout("Duration of the talks").Values.Single(v => v.Value == "three hours");
        Assert.Contains("northern-post-cod", threeHours.Sources);
    }

    [Fact]
    public void TheGarbledNameVariantsAreOneEntity()
    {
        var valenko = Assert.Single(Main.Entities, e => e.Name == "Sergei Valenko");
        Assert.Equal(EntityKind.Person, valenko.Kind);
        foreach (var alias in new[] { "Sergej Walenko", "Serge Valenco", "Sergey Valenko" })
        {
            Assert.Contains(alias, valenko.Aliases);
        }

        Assert.Equal(DemoCorpus.MainStory.Articles.Count, valenko.Sources.Count);
        Assert.DoesNotContain(Main.Entities, e => e.Id != valenko.Id && e.Aliases.Concat([e.Name]).Any(n => n.Contains("alenk", StringComparison.Ordinal)));
    }

    [Fact]
    public void QuotesAreMergedAcrossOutletsWithTheirSpeaker()
    {
        var quote = Assert.Single(Main.Quotes, q => q.Text.StartsWith("This is not a perfect deal", StringComparison.Ordinal));
        Assert.Equal("Sergei Valenko", quote.Speaker);
        Assert.Contains("tallinn-observer-cod-deal", quote.Sources);
        Assert.Contains("nordic-ledger-cod-truce", quote.Sources);
        Assert.Contains(quote.Text, DemoCorpus.Article(quote.TextSource).Text, StringComparison.Ordinal);
        Assert.Equal("Liisa Tamm", Assert.Single(Main.Quotes, q => q.Text.StartsWith("Our fishers", StringComparison.Ordinal)).Speaker);
    }

    [Fact]
    public void AgreedFactsCountCopiesOnce()
    {
        var fund = Assert.Single(Main.Agreements, a => a.Statement == "Amount (fund): €45 million");
        Assert.Equal(5, fund.Origins);
        Assert.Contains(Main.Agreements, a => a.Statement == "Sergei Valenko met Liisa Tamm");
    }

    [Fact]
    public void TrustNotesNameCopyingGarblingAndContradictions()
    {
        var ledger = Main.Sources.Single(s => s.ArticleId == "nordic-ledger-cod-truce");
        Assert.Contains(ledger.Notes, n => n.StartsWith("a rewrite of bws-cod-truce", StringComparison.Ordinal));
        Assert.Contains(ledger.Notes, n => n.Contains("'Sergej Walenko'", StringComparison.Ordinal));
        Assert.Contains(ledger.Notes, n => n.Contains("'cod quota' → 'codfish contingent'", StringComparison.Ordinal));
        var post = Main.Sources.Single(s => s.ArticleId == "northern-post-cod");
        Assert.Contains(post.Notes, n => n.StartsWith("Date of the event: says 'Thursday", StringComparison.Ordinal));
        Assert.Equal(1.0, Main.Sources.Single(s => s.ArticleId == "bws-cod-truce").Quality);
        Assert.True(ledger.Quality < post.Quality);
    }

    [Fact]
    public void TheSecondStoryHasNoConflicts()
    {
        var ferry = StoryAnalyzer.Analyze(DemoCorpus.Stories.Single(s => s.Articles.Count == 3));
        Assert.Empty(ferry.Conflicts);
        Assert.Contains(ferry.Agreements, a => a.Statement == "Date of the event: Monday 9 March 2026");
    }
}
