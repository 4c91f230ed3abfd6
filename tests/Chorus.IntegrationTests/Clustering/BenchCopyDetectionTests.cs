using Chorus.Clustering;
using Chorus.Extraction;
using Chorus.IntegrationTests.Support;
using Chorus.Text;

namespace Chorus.IntegrationTests.Clustering;

/// <summary>Copy detection on real DUC 2004 articles: synthetic copies are found, independent reports are not copies.</summary>
public class BenchCopyDetectionTests
{
    /// <summary>The texts of one DUC cluster, by the cluster's position among the clusters sorted by name, files sorted by name.</summary>
    private static List<string> Cluster(int position)
    {
        var clusters = Directory.GetDirectories(Path.Combine(Repository.SharedBench!, "summarization", "duc2004", "docs")).Order(StringComparer.Ordinal).ToList();
        return Directory.GetFiles(clusters[position], "*.txt").Order(StringComparer.Ordinal).Select(f => File.ReadAllText(f).Trim()).ToList();
    }

    private static AnalyzedArticle Analyzed(string id, string text, int day) =>
        TextAnalyzer.Analyze(new Article(id, id, null, null, id, null, new DateTimeOffset(1998, 11, day, 0, 0, 0, TimeSpan.Zero), "en", text));

    /// <summary>Every report in these clusters was read by eye: different leads, dates and angles, no reprints.</summary>
    [BenchFact("summarization")]
    public void IndependentReportsOfOneEventAreNotCopies()
    {
        foreach (var position in new[] { 0, 2, 3 })
        {
            var articles = Cluster(position).Select((text, i) => Analyzed($"cluster{position}-{i}", text, i + 1)).ToList();
            Assert.Equal(10, articles.Count);
            Assert.Empty(CopyDetector.Detect(articles));
        }
    }

    [BenchFact("summarization")]
    public void AReorderedCopyWithChromeAndSwappedWordsIsFoundAndNamesItsSource()
    {
        var cluster = Cluster(2);
        var original = cluster[2];
        var sentences = SentenceSplitter.Split(original).Select(s => s.Of(original)).ToList();

        // The copy: sentences rotated, chrome lines mixed in, and every eighth word swapped for a near-synonym placeholder.
        var rotated = sentences.Skip(2).Concat(sentences.Take(2)).ToList();
        var swapped = rotated.Select(s => string.Join(' ', s.Split(' ').Select((w, i) => i % 8 == 7 ? "reportedly" : w))).ToList();
        swapped.Insert(3, "Advertisement");
        swapped.Add("Related: more on this story");
        var copyText = string.Join("\n\n", swapped);

        var others = Enumerable.Range(3, 4).Select(i => Analyzed($"other-{i}", cluster[i], 10 + i));
        var articles = others.Append(Analyzed("original", original, 1)).Append(Analyzed("copy", copyText, 2)).ToList();
        var link = Assert.Single(CopyDetector.Detect(articles));
        Assert.Equal(("copy", "original"), (link.ArticleId, link.SourceId));
    }

    [BenchFact("summarization")]
    public void ASpunCopyWithEverySecondWordSwappedIsFoundAsARewriteOfItsSource()
    {
        var cluster = Cluster(2);
        var original = cluster[2];
        var sentences = SentenceSplitter.Split(original).Select(s => s.Of(original)).ToList();

        // The spin keeps the order of sentences but swaps every second word for a synonym of its own (made up here from
        // the word itself, so each swap is a different word) and pads the sentence, as article spinners do.
        static string Synonym(string word) => "q" + new string(word.ToLowerInvariant().Where(char.IsLetter).Reverse().ToArray());
        var spun = sentences.Select(s => string.Join(' ', s.Split(' ').Select((w, i) => i % 2 == 1 ? Synonym(w) : w)) + " in fact.");
        var copyText = string.Join("\n\n", spun);
        Assert.True(CopyDetector.AlignedShare(Analyzed("c", copyText, 2), Analyzed("o", original, 1)) < CopyDetector.RewriteCoverage, "the spin is heavier than a rewrite");

        var others = Enumerable.Range(3, 4).Select(i => Analyzed($"other-{i}", cluster[i], 10 + i));
        var articles = others.Append(Analyzed("original", original, 1)).Append(Analyzed("copy", copyText, 2)).ToList();
        var link = Assert.Single(CopyDetector.Detect(articles));
        Assert.Equal(("copy", "original", CopyKind.Rewrite), (link.ArticleId, link.SourceId, link.Kind));
    }
}
