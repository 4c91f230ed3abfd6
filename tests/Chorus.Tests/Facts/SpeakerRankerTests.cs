using Chorus.Facts;
using Chorus.Facts.Quotes;
using Chorus.Learning;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public sealed class SpeakerRankerTests
{
    private static (string Text, List<QuoteMention> Quotes, List<List<SpeakerCandidate>> Candidates) Read(string text)
    {
        var article = Articles.Analyzed("a", text);
        var quotes = QuoteExtractor.ExtractByRules(article);
        return (text, quotes, SpeakerCandidates.Of(article, quotes));
    }

    private static float Feature(SpeakerCandidate candidate, string name) => candidate.Features[SpeakerCandidates.FeatureNames.ToList().IndexOf(name)];

    private static SpeakerCandidate Candidate(float rule) => new(default, default, SpeakerForm.Person, [rule, .. new float[SpeakerCandidates.FeatureNames.Count - 1]]);

    [Fact]
    public void AModelForTheCandidatesFeaturesIsAccepted()
    {
        var model = BoostedTrees.Of(new TreeModel(SpeakerCandidates.FeatureNames, [], 0, 1, 0, "by hand"));
        var article = Articles.Analyzed("a", "“We sail at dawn,” Kaarel Kask said.");
        var quote = Assert.Single(new SpeakerRanker(model).Attribute(article, QuoteExtractor.ExtractByRules(article)));
        Assert.Equal("Kaarel Kask", quote.Speaker?.Of(article.Text));
    }

    [Fact]
    public void AModelForOtherFeaturesIsRefused()
    {
        var model = BoostedTrees.Of(new TreeModel(["distance"], [], 0, 1, 0, "by hand"));
        Assert.Throws<InvalidDataException>(() => new SpeakerRanker(model));
    }

    [Fact]
    public void WithoutAModelThePatternsDecide()
    {
        var article = Articles.Analyzed("a", "Marta Ilves met the crews. “We sail at dawn,” Kaarel Kask said.");
        var quotes = QuoteExtractor.ExtractByRules(article);
        Assert.Equal(quotes, new SpeakerRanker(null).Attribute(article, quotes));
    }

    [Fact]
    public void ThePatternsChoiceIsAlwaysACandidateEvenANameTheRecogniserMissed()
    {
        var (text, quotes, candidates) = Read("“We sail at dawn,” Ilves said.");
        var chosen = Assert.Single(candidates.Single(), c => Feature(c, "rule") == 1);
        Assert.Equal("Ilves", chosen.Speaker.Of(text));
        Assert.Equal("Ilves", quotes.Single().Speaker?.Of(text));
    }

    [Fact]
    public void APronounCandidateNamesThePersonItPointsBackTo()
    {
        var (text, _, candidates) = Read("Marta Ilves spoke to the crews on Monday. She said: “We sail at dawn.”");
        var pronoun = Assert.Single(candidates.Single(), c => c.Form == SpeakerForm.Pronoun);
        Assert.Equal("She", pronoun.Span.Of(text));
        Assert.Equal("Marta Ilves", pronoun.Speaker.Of(text));
        Assert.Equal(1, Feature(pronoun, "verb-after"));
    }

    [Fact]
    public void ANameInsideAnotherQuoteIsNoCandidate()
    {
        var (text, _, candidates) = Read("“Ask Kaarel Kask about the nets,” Ilves said. “We sail at dawn,” she added.");
        Assert.DoesNotContain(candidates.SelectMany(c => c), c => c.Span.Of(text) == "Kaarel Kask");
    }

    [Fact]
    public void ASayingVerbBeforeANameMarksIt()
    {
        var (text, _, candidates) = Read("“We sail at dawn,” said harbour master Kaarel Kask.");
        var kask = Assert.Single(candidates.Single(), c => c.Span.Of(text) == "Kaarel Kask");
        Assert.Equal(1, Feature(kask, "verb-before"));
        Assert.Equal(0, Feature(kask, "before"));
    }

    [Fact]
    public void TheBestCandidateSpeaksWhenItScoresHighEnough() =>
        Assert.Equal(1, SpeakerRanker.Choose([Candidate(0), Candidate(0)], [0.2, 0.6], minimum: 0.3, margin: 0.2));

    [Fact]
    public void NoCandidateScoringBelowTheMinimumReplacesThePatterns() =>
        Assert.Equal(-1, SpeakerRanker.Choose([Candidate(0), Candidate(0)], [0.2, 0.25], minimum: 0.3, margin: 0.2));

    [Fact]
    public void ThePatternsChoiceStandsUnlessAnotherBeatsItByTheMargin()
    {
        Assert.Equal(-1, SpeakerRanker.Choose([Candidate(1), Candidate(0)], [0.5, 0.6], minimum: 0.3, margin: 0.2));
        Assert.Equal(1, SpeakerRanker.Choose([Candidate(1), Candidate(0)], [0.3, 0.6], minimum: 0.3, margin: 0.2));
    }
}
