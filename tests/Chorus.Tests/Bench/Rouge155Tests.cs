using Chorus.Bench.Rouge;

namespace Chorus.Tests.Bench;

public class Rouge155Tests
{
    private static readonly Rouge155 s_rouge = new(RougeOptions.Duc2004, new Dictionary<string, string> { ["geese"] = "goose" }, new HashSet<string>());

    [Fact]
    public void APeerIdenticalToItsModelScoresOne()
    {
        var scores = s_rouge.Score(["The council cut the cod quota."], [["The council cut the cod quota."]]);
        Assert.All(scores.Take(4), s => Assert.Equal((1.0, 1.0, 1.0), (s.Recall, s.Precision, s.F)));
    }

    [Fact]
    public void HyphensSplitWordsAndPunctuationIsDropped() =>
        Assert.Equal(["the", "two", "parti", "talk", "end", "at", "3", "p", "m"], s_rouge.Tokens(["The two-party talks ended at 3 p.m.!"]));

    [Fact]
    public void TheExceptionTableWinsOverPorterAndShortWordsAreNotStemmed() =>
        Assert.Equal(["goose", "fly", "its", "wing"], s_rouge.Tokens(["Geese fly its wings"]));

    [Fact]
    public void TheWordLimitKeepsWholeSentencesThenCutsTheNext()
    {
        var rouge = new Rouge155(new RougeOptions(MaxN: 1, Stem: false, WordLimit: 5), new Dictionary<string, string>(), new HashSet<string>());
        Assert.Equal(["one", "two", "three", "four", "five"], rouge.Tokens(["one two three", "four five six seven"]));
    }

    [Fact]
    public void PooledModelsDivideHitsByAllModelGrams()
    {
        // Peer "a b", models "a b" and "a c": unigram hits 2 + 1 of 4 model grams; precision 3 / (2 models x 2).
        var rouge = new Rouge155(new RougeOptions(MaxN: 1, Stem: false), new Dictionary<string, string>(), new HashSet<string>());
        var score = rouge.Score(["a b"], [["a b"], ["a c"]])[0];
        Assert.Equal((0.75, 0.75, 0.75), (score.Recall, score.Precision, score.F));
    }

    [Fact]
    public void TheAverageOfEqualItemsIsThatValue()
    {
        var average = Rouge155.Average([("x", 0.4), ("y", 0.4), ("z", 0.4)]);
        Assert.Equal(new RougeAverage(0.4, 0.4, 0.4), average);
    }
}
