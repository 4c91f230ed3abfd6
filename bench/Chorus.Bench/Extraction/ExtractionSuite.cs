using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Chorus.Extraction;
using Chorus.Ingest;

namespace Chorus.Bench.Extraction;

/// <summary>
/// ./bench.sh extraction: runs the extractor over ../shared/bench/extraction (gzipped page to text),
/// scores it with the benchmark's metric, and measures speed and memory. Development half = ids sorted, first half.
/// </summary>
internal static class ExtractionSuite
{
    public static int Run(string[] args)
    {
        if (args.Contains("--train-blocks"))
        {
            return BlockTraining.Run(args);
        }

        if (args.Contains("--multilingual"))
        {
            return SnippetSuite.Run(args);
        }

        var root = Array.IndexOf(args, "--data") is var d && d >= 0 && d + 1 < args.Length ? args[d + 1] : BenchData.Path("extraction");
        if (root is null || !File.Exists(System.IO.Path.Combine(root, "ground-truth.json")))
        {
            Console.WriteLine("extraction: ../shared/bench/extraction is absent; skipping.");
            return 0;
        }

        if (Array.IndexOf(args, "--page") is var at && at >= 0 && at + 1 < args.Length)
        {
            var file = Directory.GetFiles(System.IO.Path.Combine(root, "html"), args[at + 1] + "*").Single();
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            var (path, text) = HtmlArticleExtractor.Explain(new StreamReader(gzip, Encoding.UTF8).ReadToEnd());
            Console.WriteLine(path);
            Console.WriteLine(text.Length > 3000 ? text[..3000] : text);
            return 0;
        }

        if (args.Contains("--missed"))
        {
            Missed(root);
            return 0;
        }

        if (args.Contains("--warc"))
        {
            return FromWarc(root);
        }

        if (args.Contains("--profile"))
        {
            Profile(root);
            return 0;
        }

        var passes = args.Contains("--quick") ? 1 : 10;
        var truth = LoadTruth(System.IO.Path.Combine(root, "ground-truth.json"));
        var ids = truth.Keys.Order(StringComparer.Ordinal).ToList();
        var pages = ids.ToDictionary(id => id, id => File.ReadAllBytes(System.IO.Path.Combine(root, "html", id + ".html.gz")), StringComparer.Ordinal);

        // Quality pass (also the warm-up).
        var predictions = new Dictionary<string, Article?>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            predictions[id] = Extract(id, pages[id]).Article;
        }

        // Speed: steady-state passes on one thread, gzipped bytes to text. The machine is shared and noisy, so the
        // rate reported is the median over passes (as for the SmartReader figure), with the range beside it.
        var perPage = new List<double>();
        var passRates = new List<double>();
        for (var pass = 0; pass < passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var id in ids)
            {
                var start = Stopwatch.GetTimestamp();
                Extract(id, pages[id]);
                perPage.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            passRates.Add(ids.Count / clock.Elapsed.TotalSeconds);
        }

        passRates.Sort();
        perPage.Sort();
        var rate = passRates[passRates.Count / 2];

        var scores = ids.Select(id => ExtractionMetric.Score(truth[id].Body, predictions[id]?.Text)).ToList();
        var half = ids.Count / 2;
        Report("all", scores);
        Report(BlockModel.Shipped is null ? "development (first half)" : "development (first half; the block model learnt from it)", scores.Take(half).ToList());
        Report("test (second half)", scores.Skip(half).ToList());
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed: {rate:0} pages/s on one thread (median of {passes} passes, range {passRates[0]:0}-{passRates[^1]:0}); median {perPage[perPage.Count / 2]:0.00} ms/page, p95 {perPage[(int)(perPage.Count * 0.95)]:0.00} ms/page"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory: peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB"));
        Console.WriteLine($"empty predictions: {ids.Count(id => string.IsNullOrEmpty(predictions[id]?.Text))}");

        Console.WriteLine();
        // Tuning reads failures of the development half only (--worst-dev); the default lists the whole set.
        var worstFrom = args.Contains("--worst-dev") ? ids.Zip(scores).Take(half) : ids.Zip(scores);
        Console.WriteLine(args.Contains("--worst-dev") ? "worst 10 development pages by F1:" : "worst 10 pages by F1:");
        foreach (var (id, score) in worstFrom.OrderBy(x => F1(x.Second)).Take(10))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {id[..12]}  P {score.Precision:0.000}  R {score.Recall:0.000}  {truth[id].Url}"));
            var (missed, extra) = Differences(truth[id].Body, predictions[id]?.Text);
            Console.WriteLine($"      missed: {missed}");
            Console.WriteLine($"      extra:  {extra}");
        }

        if (args.Contains("--scores"))
        {
            // Every page, lowest recall first: where the macro recall is lost.
            Console.WriteLine();
            Console.WriteLine("all pages by recall:");
            foreach (var (id, score) in ids.Zip(scores).OrderBy(x => x.Second.Recall))
            {
                var part = ids.IndexOf(id) < half ? "dev " : "test";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {id[..12]} {part}  P {score.Precision:0.000}  R {score.Recall:0.000}  {truth[id].Url}"));
            }
        }

        if (args.Contains("--dump"))
        {
            var dump = ids.ToDictionary(id => id, id => new { articleBody = predictions[id]?.Text ?? "" });
            var dumpPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chorus-extraction-predictions.json");
            File.WriteAllText(dumpPath, JsonSerializer.Serialize(dump));
            Console.WriteLine($"predictions written to {dumpPath} (outside the repository: they hold the benchmark's text)");
        }

        return 0;
    }

    /// <summary>
    /// The same pages read from ../shared/bench/ingest/extraction-pages.warc.gz (records matched to the ground truth
    /// by WARC-Target-URI): the archive path must give the same quality as the loose files, at archive speed.
    /// </summary>
    private static int FromWarc(string root)
    {
        var warc = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(root)!, "ingest", "extraction-pages.warc.gz");
        if (!File.Exists(warc))
        {
            Console.WriteLine("extraction --warc: ../shared/bench/ingest/extraction-pages.warc.gz is absent; skipping.");
            return 0;
        }

        var truth = LoadTruth(System.IO.Path.Combine(root, "ground-truth.json"));
        var byUrl = truth.GroupBy(t => t.Value.Url, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value.Body, StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var batch = new Pipeline.ArticleSource(InputLimits.Default).ReadAll([warc]);
        var elapsed = clock.Elapsed;
        var scores = new List<DocumentScore>();
        var unmatched = 0;
        foreach (var article in batch.Articles)
        {
            if (article.Url is { } url && byUrl.Remove(url, out var body))
            {
                scores.Add(ExtractionMetric.Score(body, article.Text));
            }
            else
            {
                unmatched++;
            }
        }

        // Pages the archive gave no article for score zero, as in the main run.
        scores.AddRange(byUrl.Values.Select(body => ExtractionMetric.Score(body, null)));
        Report("all pages, from the WARC", scores);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records: {batch.Articles.Count} articles ({unmatched} not in the ground truth), {batch.Problems.Count} rejected, {batch.Skipped.Values.Sum()} skipped ({string.Join(", ", batch.Skipped.Select(s => $"{s.Value} {s.Key}"))}); {byUrl.Count} ground-truth pages without an article"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: {elapsed.TotalSeconds:0.00} s for the whole archive ({batch.Articles.Count / elapsed.TotalSeconds:0} pages/s, one pass, cold); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB"));
        return 0;
    }

    /// <summary>For each missed paragraph of the development half, why the extractor left it out, tallied.</summary>
    private static void Missed(string root)
    {
        var truth = LoadTruth(System.IO.Path.Combine(root, "ground-truth.json"));
        var ids = truth.Keys.Order(StringComparer.Ordinal).Take(truth.Count / 2).ToList();
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var bytes = File.ReadAllBytes(System.IO.Path.Combine(root, "html", id + ".html.gz"));
            var html = ((RawDocument)new InputReader(InputLimits.Default).FromBytes("x.html.gz", "x", bytes).Single()).Content;
            var predicted = Extract(id, bytes).Article?.Text ?? "";
            foreach (var paragraph in truth[id].Body.Split('\n').Select(p => p.Trim()).Where(p => p.Length >= 40))
            {
                var snippet = paragraph[..30];
                if (predicted.Contains(snippet, StringComparison.Ordinal))
                {
                    continue;
                }

                // A paragraph that opens with a link or inline markup is not one text node at its start: try its end.
                var why = HtmlArticleExtractor.WhyMissing(html, snippet);
                if (why.StartsWith("not found", StringComparison.Ordinal))
                {
                    why = HtmlArticleExtractor.WhyMissing(html, paragraph[^30..]);
                }

                Console.WriteLine($"{id[..8]} {why[..Math.Min(why.Length, 110)]} | {paragraph[..Math.Min(60, paragraph.Length)]}");
                var key = why.Split(' ')[0] + " " + (why.Split(' ').Length > 1 ? why.Split(' ')[1] : "");
                reasons[key] = reasons.GetValueOrDefault(key) + paragraph.Length;
            }
        }

        foreach (var (reason, chars) in reasons.OrderByDescending(r => r.Value))
        {
            Console.WriteLine($"{chars,8} chars  {reason}");
        }
    }

    /// <summary>Where the time goes, stage by stage, over three passes after a warm-up.</summary>
    private static void Profile(string root)
    {
        var files = Directory.GetFiles(System.IO.Path.Combine(root, "html")).Order(StringComparer.Ordinal).ToList();
        var bytes = files.Select(File.ReadAllBytes).ToList();
        var html = bytes.Select(b => ((RawDocument)new InputReader(InputLimits.Default).FromBytes("x.html.gz", "x", b).Single()).Content).ToList();
        var stages = new (string Name, Action<int> Run)[]
        {
            ("read (gunzip, decode)", i => new InputReader(InputLimits.Default).FromBytes("x.html.gz", "x", bytes[i]).Single()),
            ("tree", i => Chorus.Extraction.Html.HtmlTreeBuilder.Parse(html[i])),
            ("tree + metadata", i => HtmlMetadataReader.Read(Chorus.Extraction.Html.HtmlTreeBuilder.Parse(html[i]), null, null)),
            ("extract (all)", i => HtmlArticleExtractor.Extract("x", "x", html[i], null, null)),
            ("rules and block survey", i => HtmlArticleExtractor.Survey(html[i], null)),
        };
        foreach (var (name, run) in stages)
        {
            for (var i = 0; i < html.Count; i++)
            {
                run(i);
            }

            var clock = Stopwatch.StartNew();
            for (var pass = 0; pass < 3; pass++)
            {
                for (var i = 0; i < html.Count; i++)
                {
                    run(i);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-24} {clock.Elapsed.TotalMilliseconds / (3 * html.Count):0.000} ms/page"));
        }
    }

    private static double F1(DocumentScore s) => s.Precision + s.Recall == 0 ? 0 : 2 * s.Precision * s.Recall / (s.Precision + s.Recall);

    private static ExtractionResult Extract(string id, byte[] gzipped)
    {
        var item = new InputReader(InputLimits.Default).FromBytes(id + ".html.gz", id, gzipped);
        return ArticleExtractor.Extract(item.Single());
    }

    private static void Report(string name, IReadOnlyList<DocumentScore> scores)
    {
        var point = ExtractionMetric.Corpus(scores);
        var spread = ExtractionMetric.Bootstrap(scores, 1000, seed: 20261122);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-26} n={scores.Count,3}  F1 {point.F1:0.000} ± {spread.F1:0.000}  P {point.Precision:0.000} ± {spread.Precision:0.000}  R {point.Recall:0.000} ± {spread.Recall:0.000}  acc {point.Accuracy:0.000} ± {spread.Accuracy:0.000}"));
    }

    /// <summary>The first runs of words the prediction missed and added, for reading failures.</summary>
    private static (string Missed, string Extra) Differences(string truth, string? prediction)
    {
        var t = ExtractionMetric.Tokens(truth);
        var p = ExtractionMetric.Tokens(prediction);
        var tSet = ExtractionMetric.Shingles(t);
        var pSet = ExtractionMetric.Shingles(p);
        static string Runs(List<string> tokens, Dictionary<string, int> other)
        {
            var words = new StringBuilder();
            for (var i = 0; i + 3 < tokens.Count && words.Length < 160; i++)
            {
                if (!other.ContainsKey(string.Join('\u0001', tokens.Skip(i).Take(4))))
                {
                    words.Append(tokens[i]).Append(' ');
                }
                else if (words.Length > 0 && words[^1] != '|')
                {
                    words.Append("| ");
                }
            }

            return words.ToString().Trim();
        }

        return (Runs(t, pSet), Runs(p, tSet));
    }

    internal static Dictionary<string, (string Body, string Url)> LoadTruth(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var truth = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var page in json.RootElement.EnumerateObject())
        {
            var url = page.Value.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            truth[page.Name] = (page.Value.GetProperty("articleBody").GetString() ?? "", url);
        }

        return truth;
    }
}

/// <summary>Where ../shared/bench is, relative to the repository.</summary>
public static class BenchData
{
    /// <summary>The repository this bench runs from (the folder holding Chorus.slnx), or the current folder.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Chorus.slnx")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    public static string? Path(string part)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "bench", part);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
