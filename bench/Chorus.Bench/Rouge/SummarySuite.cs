using System.Diagnostics;
using System.Globalization;
using Chorus.Ingest;
using Chorus.Pipeline;
using Chorus.Summary;

namespace Chorus.Bench.Rouge;

/// <summary>
/// DUC 2004 Task 2: a 100-word summary per cluster, as `chorus brief --each-dir DOCS --words 100` writes it, scored
/// with ROUGE-1.5.5's standard setting (-n 4 -m -a -l 100, WordNet exceptions) against the four human summaries.
/// The first 10 clusters are the development part; all 50 are reported.
/// </summary>
public static class SummarySuite
{
    public static int Run(string[] args)
    {
        if (Extraction.BenchData.Path("summarization") is not { } root || Extraction.BenchData.Path("rouge") is not { } rougeRoot)
        {
            Console.WriteLine("summary: ../shared/bench/summarization or ../shared/bench/rouge is absent; skipping.");
            return 0;
        }

        var docs = Path.Combine(root, "duc2004", "docs");
        var models = Path.Combine(root, "duc2004", "models");
        var rouge = new Rouge155(RougeOptions.Duc2004, Rouge155.ReadExceptions(Path.Combine(rougeRoot, "rouge155_resources", "wordnet20_exceptions.tsv")), new HashSet<string>());
        var pipeline = new BriefPipeline(Chorus.Clustering.ClusteringOptions.Default, new BriefOptions(100));
        var clusters = Directory.GetDirectories(docs).Order(StringComparer.Ordinal).ToList();

        if (args.Contains("--oracle"))
        {
            return Oracle(docs, models, rouge, cutLast: args.Contains("--cut-last"));
        }

        var scores = new List<(string Id, RougeScore[] Scores)>();
        var summarizing = new List<double>();
        var clock = Stopwatch.StartNew();
        foreach (var cluster in clusters)
        {
            var name = Path.GetFileName(cluster);
            var articles = new ArticleSource(InputLimits.Default).ReadAll([cluster]).Articles;
            var started = Stopwatch.GetTimestamp();
            var summary = pipeline.Summarize(name, articles);
            summarizing.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var references = References(models, name);
            scores.Add((name, rouge.Score(summary.Select(s => s.Text.ReplaceLineEndings(" ")).ToList(), references)));
            if (args.Contains("--show"))
            {
                Console.WriteLine($"{name}  R-1 {scores[^1].Scores[0].Recall:0.000}  R-2 {scores[^1].Scores[1].Recall:0.000}");
                foreach (var sentence in summary)
                {
                    Console.WriteLine($"    {sentence.Text}");
                }
            }
        }

        var total = clock.Elapsed;
        Report("development (first 10)", scores.Take(10).ToList());
        Report("all 50 clusters", scores);
        summarizing.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: whole run {total.TotalSeconds:0.0} s (reading, extraction, analysis and summary of {clusters.Count} clusters); summary of one 10-article cluster once read: median {summarizing[summarizing.Count / 2]:0} ms, max {summarizing[^1]:0} ms"));
        return 0;
    }

    /// <summary>
    /// Two greedy ROUGE oracles: from every sentence of 6-60 words, each repeatedly adds a sentence that raises R-1
    /// recall against the human summaries while it fits in 100 words (with <paramref name="cutLast"/>, one more that
    /// ROUGE cuts at the 100th word). One takes the sentence with the largest gain, the other the one with the
    /// largest gain per word. They show how far whole-sentence extraction can go, given perfect knowledge of what
    /// the human summaries say; they are no summarizers.
    /// </summary>
    private static int Oracle(string docs, string models, Rouge155 rouge, bool cutLast)
    {
        foreach (var perWord in new[] { false, true })
        {
            var scores = Oracle(docs, models, rouge, cutLast, perWord);
            var kind = perWord ? "gain per word" : "largest gain";
            Report($"oracle ({kind}), development", scores.Take(10).ToList());
            Report($"oracle ({kind}), all 50", scores);
        }

        return 0;
    }

    private static List<(string Id, RougeScore[] Scores)> Oracle(string docs, string models, Rouge155 rouge, bool cutLast, bool perWord)
    {
        var scores = new List<(string Id, RougeScore[] Scores)>();
        foreach (var cluster in Directory.GetDirectories(docs).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(cluster);
            var articles = BriefPipeline.Analyze(new ArticleSource(InputLimits.Default).ReadAll([cluster]).Articles);
            var references = References(models, name);
            var candidates = articles
                .SelectMany(a => a.Sentences.Select(s => a.Text[s.Span.Range].ReplaceLineEndings(" ")))
                .Where(s => Chorus.Text.Tokenizer.CountWords(s) is >= 6 and <= 60)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var chosen = new List<string>();
            var words = 0;
            var best = rouge.Score(chosen, references);
            while (words < 100)
            {
                string? pick = null;
                var pickGain = 0.0;
                var before = best[0].Recall;
                foreach (var candidate in candidates.Where(c => !chosen.Contains(c) && (cutLast || words + Chorus.Text.Tokenizer.CountWords(c) <= 100)))
                {
                    var score = rouge.Score([.. chosen, candidate], references);
                    var gain = (score[0].Recall - before) / (perWord ? Chorus.Text.Tokenizer.CountWords(candidate) : 1);
                    if (score[0].Recall > before + 1e-9 && gain > pickGain)
                    {
                        (best, pick, pickGain) = (score, candidate, gain);
                    }
                }

                if (pick is null)
                {
                    break;
                }

                chosen.Add(pick);
                words += Chorus.Text.Tokenizer.CountWords(pick);
            }

            scores.Add((name, best));
        }

        return scores;
    }

    /// <summary>The human summaries of one cluster, each as its sentences.</summary>
    private static List<IReadOnlyList<string>> References(string models, string cluster) =>
        Directory.GetFiles(Path.Combine(models, cluster)).Order(StringComparer.Ordinal).Select(f => (IReadOnlyList<string>)Rouge155.ReadSentences(f)).ToList();

    private static void Report(string part, IReadOnlyList<(string Id, RougeScore[] Scores)> scores)
    {
        var line = new List<string>();
        foreach (var n in new[] { 1, 2, 4 })
        {
            var average = Rouge155.Average(scores.Select(s => (s.Id, s.Scores[n - 1].Recall)).ToList());
            line.Add(string.Create(CultureInfo.InvariantCulture, $"R-{n} {average.Average:0.00000} ({average.Low:0.00000}-{average.High:0.00000})"));
        }

        Console.WriteLine($"{part,-36} {string.Join("  ", line)}");
    }
}
