using Chorus.Summary;

namespace Chorus.Tests.Summary;

public class CoverageSelectorTests
{
    private static List<int> Select(string[] sentences, double[] prior, int budget)
    {
        var terms = sentences.Select(s => s.Split(' ')).ToList();
        var selector = new CoverageSelector(terms, terms.Select(t => t.Length).ToList(), prior, CoverageSelector.Settings.Default);
        var chosen = new List<int>();
        var words = 0;
        while (selector.Best(i => words + terms[i].Length <= budget) is { } next)
        {
            selector.Take(next);
            chosen.Add(next);
            words += terms[next].Length;
        }

        return chosen;
    }

    private static readonly string[] s_story =
    [
        "council cut cod quota twelve percent",
        "council cut cod quota twelve percent",
        "council cut cod quota twelve percent season",
        "fishermen protest harbour blockade riga",
        "fishermen protest harbour blockade",
        "minister resign scandal unrelated",
    ];

    [Fact]
    public void TheChosenSentencesStayWithinTheBudget()
    {
        var chosen = Select(s_story, [0, 0, 0, 0, 0, 0], budget: 12);
        Assert.True(chosen.Sum(i => s_story[i].Split(' ').Length) <= 12);
        Assert.NotEmpty(chosen);
    }

    [Fact]
    public void ASecondCopyOfCoveredContentLosesToContentNotYetCovered()
    {
        // Two copies of the lead among a dozen sentences on other matters: once one copy is taken, its content is
        // covered as far as the story asks, and the other copy gains nothing.
        var story = new List<string> { "council cut cod quota twelve percent", "council cut cod quota twelve percent" };
        story.AddRange(Enumerable.Range(0, 12).Select(i => $"topic{i} detail{i} fact{i} council"));
        var chosen = Select([.. story], new double[story.Count], budget: 16);
        Assert.Contains(chosen, i => i < 2);
        Assert.Single(chosen, i => i < 2);
        Assert.True(chosen.Count >= 2);
    }

    [Fact]
    public void AmongEqualSentencesTheHigherPriorIsTaken()
    {
        var chosen = Select(s_story, [0, 1, 0, 0, 0, 0], budget: 6);
        Assert.Equal([1], chosen);
    }
}
