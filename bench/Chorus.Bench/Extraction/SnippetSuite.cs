using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chorus.Extraction;
using Chorus.Ingest;

namespace Chorus.Bench.Extraction;

/// <summary>
/// ./bench.sh extraction --multilingual: the development half of trafilatura's evaluation corpus in
/// ../shared/bench/extraction-multilingual (blogs, forums, CMS pages, news; mostly German and English), scored with its
/// snippet metric: each "with" snippet found in a page's text is a true positive, each missing one a false negative,
/// each "without" snippet found a false positive (whitespace folded), summed over pages. SmartReader 0.11.1, the peer,
/// runs on the same pages in the same process: its quality on the same metric, and both extractors' speed side by side.
/// </summary>
internal static partial class SnippetSuite
{
    public static int Run(string[] args)
    {
        if (BenchData.Path("extraction-multilingual") is not { } root || !File.Exists(Path.Combine(root, "snippets.json")))
        {
            Console.WriteLine("extraction --multilingual: ../shared/bench/extraction-multilingual is absent; skipping.");
            return 0;
        }

        var gold = JsonSerializer.Deserialize<Dictionary<string, Snippets>>(File.ReadAllText(Path.Combine(root, "snippets.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var ids = gold.Keys.Order(StringComparer.Ordinal).ToList();
        var pages = ids.ToDictionary(id => id, id => File.ReadAllBytes(Path.Combine(root, "html", id + ".html.gz")), StringComparer.Ordinal);

        if (Array.IndexOf(args, "--page") is var at && at >= 0 && at + 1 < args.Length)
        {
            var id = args[at + 1];
            var (path, _) = HtmlArticleExtractor.Explain(Html(pages[id]));
            var text = Extract(id, pages[id]).Article?.Text ?? "";
            Console.WriteLine(path);
            Console.WriteLine(text.Length > 6000 ? text[..6000] : text);
            Console.WriteLine($"missed: {string.Join(" | ", MissedIn(gold[id].With, text))}");
            return 0;
        }

        var results = ids.ToDictionary(id => id, id => Extract(id, pages[id]), StringComparer.Ordinal);
        var chorus = Score(gold, ids, id => results[id].Article?.Text);
        Console.WriteLine(Line("Chorus", chorus, ids.Count(id => results[id].Article is { Text.Length: > 0 })));
        if (BlockModel.Shipped is not null)
        {
            Console.WriteLine("  (the block model was trained on these pages: ./bench.sh extraction --train-blocks gives the cross-validated figure)");
        }

        foreach (var (reason, withoutText) in ids.Where(id => results[id].Article is not { Text.Length: > 0 })
            .GroupBy(id => Reason(results[id]), StringComparer.Ordinal).Select(g => (g.Key, g.ToList())).OrderByDescending(g => g.Item2.Count))
        {
            Console.WriteLine($"  no text, {withoutText.Count} pages ({string.Join(", ", withoutText)}): {reason}");
        }

        if (args.Contains("--worst"))
        {
            Console.WriteLine("pages with the most missed snippets:");
            foreach (var id in ids.OrderByDescending(id => Missed(gold[id], results[id].Article?.Text)).Take(40))
            {
                Console.WriteLine($"  {id}  missed {Missed(gold[id], results[id].Article?.Text)}/{gold[id].With.Count}  extra {Extra(gold[id], results[id].Article?.Text)}/{gold[id].Without.Count}  {gold[id].Url}");
            }
        }

        if (args.Contains("--extra"))
        {
            foreach (var id in ids)
            {
                var blocks = results[id].Article?.Text.Split("\n\n") ?? [];
                foreach (var snippet in FoundIn(gold[id].Without, results[id].Article?.Text))
                {
                    var index = Array.FindIndex(blocks, b => Fold(b).Contains(Fold(snippet), StringComparison.Ordinal));
                    var where = index < 0 ? "across blocks" : $"block {index + 1}/{blocks.Length}: {blocks[index][..Math.Min(90, blocks[index].Length)]}";
                    Console.WriteLine($"  extra {id}: {snippet[..Math.Min(50, snippet.Length)]}  [{where}]");
                }
            }
        }

        if (args.Contains("--missed"))
        {
            // Why each missed snippet of a page with text was left out, tallied by the kind of place it was lost at.
            var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var id in ids.Where(id => results[id].Article is { Text.Length: > 0 }))
            {
                var page = Html(pages[id]);
                foreach (var snippet in MissedIn(gold[id].With, results[id].Article!.Text))
                {
                    var probe = snippet.Trim();
                    var why = HtmlArticleExtractor.WhyMissing(page, probe.Length > 24 ? probe[..24] : probe);
                    if (why.StartsWith("not found", StringComparison.Ordinal) && probe.Length > 24)
                    {
                        why = HtmlArticleExtractor.WhyMissing(page, probe[^24..]);
                    }

                    var kind = why.StartsWith("excluded", StringComparison.Ordinal) ? "excluded at " + why.Split(' ')[2].Split('.')[0]
                        : why.StartsWith("outside", StringComparison.Ordinal) ? why[..why.IndexOf('(')].TrimEnd()
                        : why.StartsWith("kept", StringComparison.Ordinal) ? "under the root, dropped after" : why;
                    reasons[kind] = reasons.GetValueOrDefault(kind) + 1;
                    if (args.Contains("--verbose"))
                    {
                        if (kind.StartsWith("under", StringComparison.Ordinal))
                        {
                            var blocks = HtmlArticleExtractor.Explain(page).Text.Split("\n\n");
                            var block = blocks.FirstOrDefault(b => Fold(b).Contains(Fold(probe), StringComparison.Ordinal));
                            why += block is null ? " [not in the root's blocks]" : $" [dropped by cleaning: {block[..Math.Min(120, block.Length)]}]";
                        }

                        Console.WriteLine($"  {id} {why[..Math.Min(240, why.Length)]}");
                    }
                }
            }

            foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value))
            {
                Console.WriteLine($"{count,5}  {reason}");
            }
        }

        if (args.Contains("--quick"))
        {
            return 0;
        }

        var html = ids.Select(id => Html(pages[id])).ToList();
        var peer = ids.Select((id, i) => SmartText(gold[id].Url, html[i])).ToList();
        var peerOf = ids.Zip(peer).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var smart = Score(gold, ids, id => peerOf[id]);
        Console.WriteLine(Line("SmartReader 0.11.1", smart, peer.Count(t => t.Length > 0)));

        // Speed, side by side: three passes each after the passes above warmed both up. Chorus reads the gzipped bytes
        // (gunzip, charset, extraction); SmartReader gets the decoded HTML, so decoding is not counted against it.
        var chorusRate = Rate(() => ids.ForEach(id => Extract(id, pages[id])), ids.Count);
        var smartRate = Rate(() => ids.Select((id, i) => SmartText(gold[id].Url, html[i])).ToList(), ids.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed (one thread, median of 3 passes): Chorus {chorusRate:0} pages/s, SmartReader {smartRate:0} pages/s: {chorusRate / smartRate:0.0} x"));
        return 0;
    }

    internal sealed record Snippets(string Url, List<string> With, List<string> Without);

    internal sealed record Tally(int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    internal static Tally Score(Dictionary<string, Snippets> gold, List<string> ids, Func<string, string?> text)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var id in ids)
        {
            var found = FoundIn(gold[id].With, text(id)).Count;
            tp += found;
            fn += gold[id].With.Count - found;
            fp += FoundIn(gold[id].Without, text(id)).Count;
        }

        return new Tally(tp, fp, fn);
    }

    private static int Missed(Snippets page, string? text) => MissedIn(page.With, text).Count;

    private static int Extra(Snippets page, string? text) => FoundIn(page.Without, text).Count;

    /// <summary>The snippets that the text holds, whitespace folded on both sides (the text folded once).</summary>
    private static List<string> FoundIn(IEnumerable<string> snippets, string? text) => Matching(snippets, text, found: true);

    /// <summary>The snippets that the text does not hold.</summary>
    private static List<string> MissedIn(IEnumerable<string> snippets, string? text) => Matching(snippets, text, found: false);

    private static List<string> Matching(IEnumerable<string> snippets, string? text, bool found)
    {
        var folded = Fold(text ?? "");
        return snippets.Where(s => folded.Contains(Fold(s), StringComparison.Ordinal) == found).ToList();
    }

    internal static string Line(string name, Tally t, int withText) => string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-20} F1 {t.F1:0.000}  P {t.Precision:0.000}  R {t.Recall:0.000}  (tp {t.TruePositives}, fp {t.FalsePositives}, fn {t.FalseNegatives}; text on {withText} pages)");

    internal static string Fold(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static ExtractionResult Extract(string id, byte[] gzipped) =>
        ArticleExtractor.Extract(new InputReader(InputLimits.Default).FromBytes(id + ".html.gz", id, gzipped).Single());

    private static string Reason(ExtractionResult result) => result.Problem?.Message ?? result.Skipped ?? "empty text";

    internal static string Html(byte[] gzipped) =>
        ((RawDocument)new InputReader(InputLimits.Default).FromBytes("page.html.gz", "page", gzipped).Single()).Content;

    private static string SmartText(string url, string html)
    {
        try
        {
            // The static ParseArticle(url, text) reads its second argument otherwise; the constructor takes the page's text.
            return new SmartReader.Reader(url, html).GetArticle().TextContent ?? "";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ""; // a page the peer fails on scores as one it gives nothing for
        }
    }

    private static double Rate(Action pass, int pages)
    {
        var rates = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            pass();
            rates.Add(pages / clock.Elapsed.TotalSeconds);
        }

        rates.Sort();
        return rates[1];
    }
}
