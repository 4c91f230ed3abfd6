using Chorus.Facts;
using Chorus.Facts.Claims;
using Chorus.Tests.Support;

namespace Chorus.Tests.Facts;

public class ClaimConflictTests
{
    private static readonly Chorus.Text.AnalyzedArticle[] s_story =
    [
        Articles.Analyzed("a", "The skipper checked into a clinic in Pärnu on Tuesday, her spokesman said. He had fished for months."),
        Articles.Analyzed("b", "The skipper checked into a clinic in Pärnu on Friday, a friend told reporters. His union said nothing."),
        Articles.Analyzed("c", "A friend said the skipper checked into the Pärnu clinic on Tuesday. Crews sent flowers."),
    ];

    private static (List<ClaimPair> Pairs, double[] Scores) Candidates(double score)
    {
        var (_, pairs) = ClaimPairs.Find(s_story, id => id);
        return (pairs, pairs.Select(_ => score).ToArray());
    }

    [Fact]
    public void TwoWeekdaysForOneCheckInAreACandidatePairWithEveryFeature()
    {
        var (pairs, _) = Candidates(1);
        var pair = Assert.Single(pairs, p => p.First.Kind == ValueKind.Day && p.First.ArticleId == "a" && p.Second.ArticleId == "b");
        Assert.Equal(ClaimPairs.FeatureNames.Count, pair.Features.Length);
    }

    [Fact]
    public void ValuesThatAgreeMakeNoCandidate()
    {
        var (pairs, _) = Candidates(1);
        Assert.DoesNotContain(pairs, p => p.First.ArticleId == "a" && p.Second.ArticleId == "c" && p.First.Kind == ValueKind.Day);
    }

    [Fact]
    public void ArticlesOfOneOriginNeverDisagreeWithEachOther()
    {
        var (_, pairs) = ClaimPairs.Find(s_story, id => "one origin");
        Assert.Empty(pairs);
    }

    [Fact]
    public void PairsOfOneDisagreementGroupIntoOneConflictWithEachValueOnItsSide()
    {
        var (pairs, scores) = Candidates(0.9);
        var conflict = Assert.Single(ClaimConflicts.Build(s_story, pairs, scores, id => id, possibleFrom: 0.5, confirmedFrom: 0.8), c => c.Topic == "A day");
        Assert.Equal(["Tuesday", "Friday"], conflict.Values.Select(v => v.Value));
        Assert.Equal(["a", "c"], conflict.Values[0].Sources);
        Assert.Equal(Conflict.Confirmed, conflict.Confidence);
    }

    [Fact]
    public void AScoreBetweenTheCutOffsIsAPossibleConflictAndOneBelowIsNone()
    {
        var (pairs, scores) = Candidates(0.6);
        Assert.All(ClaimConflicts.Build(s_story, pairs, scores, id => id, 0.5, 0.8), c => Assert.Equal(Conflict.Possible, c.Confidence));
        Assert.Empty(ClaimConflicts.Build(s_story, pairs, scores, id => id, 0.7, 0.8));
    }

    [Fact]
    public void EvidenceIsTheSentenceThatStatesTheValueWithItsOffsets()
    {
        var (pairs, scores) = Candidates(0.9);
        var conflict = ClaimConflicts.Build(s_story, pairs, scores, id => id, 0.5, 0.8).Single(c => c.Topic == "A day");
        var evidence = conflict.Values[1].Evidence.Single();
        Assert.Equal("The skipper checked into a clinic in Pärnu on Friday, a friend told reporters.", evidence.Text);
        Assert.Equal(evidence.Text, s_story[1].Text[evidence.Span.Range]);
    }
}
