using Chorus.Clustering;
using Chorus.Extraction;
using Chorus.IntegrationTests.Support;
using Chorus.Text;

namespace Chorus.IntegrationTests.Clustering;

/// <summary>Copy detection on real DUC 2004 articles: synthetic copies are found, independent reports are not copies.</summary>
public class BenchCopyDetectionTests
{
    private static string Doc(string cluster, string name) =>
        File.ReadAllText(Path.Combine(Repository.SharedBench!, "summarization", "duc2004", "docs", cluster, name + ".txt")).Trim();

    private static AnalyzedArticle Analyzed(string id, string text, int day) =>
        TextAnalyzer.Analyze(new Article(id, id, null, null, id, null, new DateTimeOffset(1998, 11, day, 0, 0, 0, TimeSpan.Zero), "en", text));

    /// <summary>Every report in these clusters was read by eye: different leads, dates and angles, no reprints.</summary>
    [BenchFact("summarization")]
    public void IndependentReportsOfOneEventAreNotCopies()
    {
        foreach (var cluster in new[] { "d30001t", "d30003t", "d30005t" })
        {
            var articles = Enumerable.Range(1, 10).Select(i => Analyzed($"{cluster}-C{i}", Doc(cluster, $"C{i}"), i)).ToList();
            Assert.Empty(CopyDetector.Detect(articles));
        }
    }

    [BenchFact("summarization")]
    public void AReorderedCopyWithChromeAndSwappedWordsIsFoundAndNamesItsSource()
    {
        var original = Doc("d30003t", "C2");
        var sentences = SentenceSplitter.Split(original).Select(s => s.Of(original)).ToList();

        // The copy: sentences rotated, chrome lines mixed in, and every eighth word swapped for a near-synonym placeholder.
        var rotated = sentences.Skip(2).Concat(sentences.Take(2)).ToList();
        var swapped = rotated.Select(s => string.Join(' ', s.Split(' ').Select((w, i) => i % 8 == 7 ? "reportedly" : w))).ToList();
        swapped.Insert(3, "Advertisement");
        swapped.Add("Related: more on this story");
        var copyText = string.Join("\n\n", swapped);

        var others = Enumerable.Range(3, 4).Select(i => Analyzed($"other-{i}", Doc("d30003t", $"C{i}"), 10 + i));
        var articles = others.Append(Analyzed("original", original, 1)).Append(Analyzed("copy", copyText, 2)).ToList();
        var link = Assert.Single(CopyDetector.Detect(articles));
        Assert.Equal(("copy", "original"), (link.ArticleId, link.SourceId));
    }
}
