using Chorus.Bench.Extraction;

namespace Chorus.Tests.Bench;

/// <summary>The benchmark's metric, proven on hand-made cases worked out by hand.</summary>
public class ExtractionMetricTests
{
    [Fact]
    public void TokensArePythonWordRunsOverCodePointsWithCaseKept()
    {
        Assert.Equal(["Don", "t", "stop", "3", "14", "snake_case", "Café"], ExtractionMetric.Tokens("Don't stop: 3.14 snake_case Café!"));
        Assert.Equal(["𝐀𝐁", "x"], ExtractionMetric.Tokens("𝐀𝐁 x"));
        Assert.Equal(["½", "Ⅻ"], ExtractionMetric.Tokens("½ Ⅻ"));
    }

    [Fact]
    public void CombiningMarksAndOtherConnectorsSplitTokens()
    {
        // U+0301 (Mn) is not a word character in Python's \w; U+203F (Pc, not '_') neither.
        Assert.Equal(["e", "x"], ExtractionMetric.Tokens("e\u0301x"));
        Assert.Equal(["a", "b"], ExtractionMetric.Tokens("a\u203Fb"));
    }

    [Fact]
    public void ShinglesAreFourGramsAndShortTextsGiveOneShingle()
    {
        Assert.Equal(3, ExtractionMetric.Shingles(["a", "b", "c", "d", "e", "f"]).Count);
        Assert.Single(ExtractionMetric.Shingles(["a", "b"]));
        Assert.Empty(ExtractionMetric.Shingles([]));
        Assert.Equal(2, ExtractionMetric.Shingles(["a", "b", "c", "d", "a", "b", "c", "d"])["a\u0001b\u0001c\u0001d"]);
    }

    [Fact]
    public void TheTruthAgainstItselfScoresOne()
    {
        var score = ExtractionMetric.Score("The council agreed on Wednesday to cut the quota.", "The council agreed on Wednesday to cut the quota.");
        Assert.Equal((1.0, 1.0, true), (score.Precision, score.Recall, score.ExactTokens));
        Assert.Equal(new CorpusScore(1, 1, 1, 1), ExtractionMetric.Corpus([score, score]));
    }

    [Fact]
    public void ExtraAndMissingShinglesAreCountedAndNormalised()
    {
        // truth: a b c d e (2 shingles: abcd, bcde); prediction: a b c d x (abcd, bcdx) -> tp 1, fp 1, fn 1, each / 3.
        var score = ExtractionMetric.Score("a b c d e", "a b c d x");
        Assert.Equal(1 / 3.0, score.Tp, 9);
        Assert.Equal(0.5, score.Precision, 9);
        Assert.Equal(0.5, score.Recall, 9);
        Assert.False(score.ExactTokens);
    }

    [Fact]
    public void AnEmptyPredictionLowersRecallButNotPrecision()
    {
        var empty = ExtractionMetric.Score("a b c d e", "");
        var perfect = ExtractionMetric.Score("a b c d e", "a b c d e");
        Assert.False(empty.CountsForPrecision);
        Assert.True(empty.CountsForRecall);
        var corpus = ExtractionMetric.Corpus([empty, perfect]);
        Assert.Equal(1.0, corpus.Precision, 9);
        Assert.Equal(0.5, corpus.Recall, 9);
        Assert.Equal(2 * 0.5 / 1.5, corpus.F1, 9);
        Assert.Equal(0.5, corpus.Accuracy, 9);
    }

    [Fact]
    public void F1IsTheHarmonicMeanOfMacroPrecisionAndRecallNotTheMeanOfDocumentF1()
    {
        var a = ExtractionMetric.Score("a b c d e f", "a b c d e f x y z w");
        var b = ExtractionMetric.Score("a b c d e f", "a b c d");
        var corpus = ExtractionMetric.Corpus([a, b]);
        var p = (a.Precision + b.Precision) / 2;
        var r = (a.Recall + b.Recall) / 2;
        Assert.Equal(2 * p * r / (p + r), corpus.F1, 12);
        Assert.NotEqual((F1(a) + F1(b)) / 2, corpus.F1, 6);

        static double F1(DocumentScore s) => 2 * s.Precision * s.Recall / (s.Precision + s.Recall);
    }

    [Fact]
    public void BootstrapSpreadIsZeroWhenEveryDocumentIsTheSame()
    {
        var score = ExtractionMetric.Score("a b c d e", "a b c d x");
        var spread = ExtractionMetric.Bootstrap([score, score, score], resamples: 50, seed: 1);
        Assert.Equal(0, spread.F1, 12);
    }
}
