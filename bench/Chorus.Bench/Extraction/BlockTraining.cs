using System.Globalization;
using System.Text.Json;
using Chorus.Bench.Learning;
using Chorus.Extraction;
using Chorus.Learning;

namespace Chorus.Bench.Extraction;

/// <summary>
/// ./bench.sh extraction --train-blocks [--thresholds] [--fold-seed N] [--errors] [--coverage] [--write]: trains the
/// block model (<see cref="BlockModel"/>) on the development half of the multilingual set and the development half of
/// the news set. Every block of every page is surveyed against the rules' choice; a block that holds a "with" snippet is
/// a positive example and one that holds a "without" snippet a negative one, weighed by how many it holds (blocks
/// holding neither teach nothing and are left out); news blocks are labelled against the page's truth
/// (<see cref="NewsSurveys"/>). Five-fold cross-validation by page reports the snippet metric and the news F1 of the
/// rules and of the model side by side on pages the model did not see (--thresholds: at other thresholds; --fold-seed:
/// another split). --write trains on every development page and writes the model the product ships. --leaves,
/// --per-leaf, --iterations, --rate and --news-weight change the training.
/// </summary>
internal static class BlockTraining
{
    private const int Folds = 5;

    private sealed record PageSurvey(string Id, List<HtmlArticleExtractor.SurveyedBlock> Blocks, List<(int Block, bool Label, float Weight)> Examples);

    /// <summary>
    /// What one page of the news set weighs in all (a multilingual page's snippets weigh about 6): at 30 the model keeps
    /// the news pages' F1 near the rules' (0.980 against 0.989 cross-validated) for a little of the multilingual gain
    /// (0.923 against 0.924 at 6).
    /// </summary>
    private static float NewsPageWeight = 30;

    private static int Leaves = 16, Iterations = 200, PerLeaf = 40;

    private static double Rate = 0.05;

    /// <summary>0 splits the pages into folds by position (page i in fold i mod 5); another seed shuffles them first, to see how much the figure moves with the split.</summary>
    private static int FoldSeed;

    private static int[] s_shuffled = [];

    private static int FoldOf(int page) => FoldSeed == 0 ? page % Folds : s_shuffled[page];

    /// <summary>A fold for each of <paramref name="pages"/> pages, drawn from a generator seeded with <see cref="FoldSeed"/> (the same on every run).</summary>
    private static int[] Shuffled(int pages)
    {
        var random = new Random(FoldSeed);
        return [.. Enumerable.Range(0, pages).Select(_ => random.Next(Folds))];
    }

    public static int Run(string[] args)
    {
        if (BenchData.Path("extraction-multilingual") is not { } root || !File.Exists(Path.Combine(root, "snippets.json")))
        {
            Console.WriteLine("extraction --train-blocks: ../shared/bench/extraction-multilingual is absent; skipping.");
            return 0;
        }

        string? Option(string name) => Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        NewsPageWeight = float.Parse(Option("--news-weight") ?? "30", CultureInfo.InvariantCulture);
        Leaves = int.Parse(Option("--leaves") ?? "16", CultureInfo.InvariantCulture);
        Iterations = int.Parse(Option("--iterations") ?? "200", CultureInfo.InvariantCulture);
        PerLeaf = int.Parse(Option("--per-leaf") ?? "40", CultureInfo.InvariantCulture);
        Rate = double.Parse(Option("--rate") ?? "0.05", CultureInfo.InvariantCulture);
        FoldSeed = int.Parse(Option("--fold-seed") ?? "0", CultureInfo.InvariantCulture);
        s_shuffled = Shuffled(10_000);
        var gold = JsonSerializer.Deserialize<Dictionary<string, SnippetSuite.Snippets>>(File.ReadAllText(Path.Combine(root, "snippets.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var ids = gold.Keys.Order(StringComparer.Ordinal).ToList();
        var surveys = ids.Select(id => Survey(id, gold[id], SnippetSuite.Html(File.ReadAllBytes(Path.Combine(root, "html", id + ".html.gz"))))).ToList();
        Console.WriteLine($"{surveys.Sum(s => s.Blocks.Count)} blocks on {surveys.Count} pages; {surveys.Sum(s => s.Examples.Count(e => e.Label))} positive and {surveys.Sum(s => s.Examples.Count(e => !e.Label))} negative examples");

        var news = NewsSurveys();
        Console.WriteLine($"{news.Count} development pages of the news set add {news.Sum(s => s.Examples.Count(e => e.Label))} positive and {news.Sum(s => s.Examples.Count(e => !e.Label))} negative examples");

        var newsTruth = news.Count == 0 ? [] : ExtractionSuite.LoadTruth(Path.Combine(BenchData.Path("extraction")!, "ground-truth.json"));
        double NewsF1(Func<PageSurvey, int, List<string>> kept) =>
            ExtractionMetric.Corpus([.. news.Select((page, i) => ExtractionMetric.Score(newsTruth[page.Id].Body, string.Join("\n\n", kept(page, i))))]).F1;
        List<string> ByRules(PageSurvey page) => [.. page.Blocks.Where(b => b.Features[BlockFeatures.KeptByTheRules] == 1).Select(b => b.Text)];
        Console.WriteLine(SnippetSuite.Line("rules", SnippetSuite.Score(gold, ids, id => string.Join("\n\n", ByRules(surveys[ids.IndexOf(id)]))), surveys.Count(p => ByRules(p).Count > 0))
            + string.Create(CultureInfo.InvariantCulture, $"  news F1 {NewsF1((page, _) => ByRules(page)):0.000}"));

        var (scores, newsScores) = CrossValidate(surveys, news, BlockFeatures.Names);
        foreach (var threshold in args.Contains("--thresholds") ? [0.35, 0.4, 0.45, 0.5, 0.55, 0.6] : new[] { BlockModel.Threshold })
        {
            string ByModel(string id) => string.Join("\n\n", BlockModel.Keep(surveys[ids.IndexOf(id)].Blocks, scores[ids.IndexOf(id)], threshold));
            var name = threshold == BlockModel.Threshold ? "model, cross-valid." : string.Create(CultureInfo.InvariantCulture, $"cross-valid. at {threshold:0.00}");
            Console.WriteLine(SnippetSuite.Line(name, SnippetSuite.Score(gold, ids, ByModel), ids.Count(id => ByModel(id).Length > 0))
                + string.Create(CultureInfo.InvariantCulture, $"  news F1 {NewsF1((page, i) => BlockModel.Keep(page.Blocks, newsScores[i], threshold)):0.000}"));
        }

        if (args.Contains("--coverage"))
        {
            // Where the "with" snippets are: in one block, across blocks, or in no block of the page at all.
            int inOne = 0, across = 0, nowhere = 0;
            foreach (var (page, at) in surveys.Select((p, i) => (p, i)))
            {
                var blocks = page.Blocks.Select(b => SnippetSuite.Fold(b.Text)).ToList();
                var all = string.Join(" ", blocks);
                foreach (var snippet in gold[page.Id].With.Select(SnippetSuite.Fold))
                {
                    if (blocks.Any(b => b.Contains(snippet, StringComparison.Ordinal)))
                    {
                        inOne++;
                    }
                    else if (all.Contains(snippet, StringComparison.Ordinal))
                    {
                        across++;
                    }
                    else
                    {
                        nowhere++;
                        if (args.Contains("--verbose"))
                        {
                            Console.WriteLine($"  nowhere {page.Id}: {snippet[..Math.Min(80, snippet.Length)]}");
                        }
                    }
                }
            }

            Console.WriteLine($"with snippets: {inOne} in one block, {across} across blocks, {nowhere} in no block");
        }

        if (args.Contains("--errors"))
        {
            // The examples the cross-validated model gets wrong at 0.5, with the rules' choice beside them.
            void Show(string set, List<PageSurvey> pages, double[][] probabilities)
            {
                foreach (var (page, i) in pages.Select((p, i) => (p, i)))
                {
                    foreach (var (block, label, _) in page.Examples.Where(e => (probabilities[i][e.Block] >= 0.5) != e.Label))
                    {
                        var text = page.Blocks[block].Text;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {set} {page.Id[..Math.Min(8, page.Id.Length)]} {(label ? "missed" : "extra ")} p {probabilities[i][block]:0.00} rules {(page.Blocks[block].Features[BlockFeatures.KeptByTheRules] == 1 ? "kept" : "left")}: {text[..Math.Min(100, text.Length)]}"));
                    }
                }
            }

            Show("news", news, newsScores);
            Show("multi", surveys, scores);
        }

        if (args.Contains("--write"))
        {
            var shipped = Train(surveys.Concat(news), "blocks", BlockFeatures.Names);
            var path = Path.Combine(BenchData.RepositoryRoot(), "src", "Chorus", "Extraction", "Data", "block-model.json");
            File.WriteAllBytes(path, shipped.ToJson());
            Console.WriteLine($"wrote {path}");
        }

        return 0;
    }

    /// <summary>Both sets split into the same five folds by page; each fold is scored by a model trained on the other four.</summary>
    private static (double[][] Multi, double[][] News) CrossValidate(List<PageSurvey> surveys, List<PageSurvey> news, IReadOnlyList<string> names)
    {
        var scores = new double[surveys.Count][];
        var newsScores = new double[news.Count][];
        for (var fold = 0; fold < Folds; fold++)
        {
            var model = Train(surveys.Where((_, i) => FoldOf(i) != fold).Concat(news.Where((_, i) => FoldOf(i) != fold)), $"blocks (fold {fold + 1} of {Folds})", names);
            for (var i = 0; i < surveys.Count; i++)
            {
                scores[i] = FoldOf(i) == fold ? [.. surveys[i].Blocks.Select(b => model.Score(b.Features))] : scores[i];
            }

            for (var i = 0; i < news.Count; i++)
            {
                newsScores[i] = FoldOf(i) == fold ? [.. news[i].Blocks.Select(b => model.Score(b.Features))] : newsScores[i];
            }
        }

        return (scores, newsScores);
    }

    private static BoostedTrees Train(IEnumerable<PageSurvey> pages, string description, IReadOnlyList<string> names) =>
        TreeTrainer.Train(
            names,
            pages.SelectMany(p => p.Examples.Select(e => new TrainingRow(p.Blocks[e.Block].Features, e.Label, e.Weight))),
            description,
            leaves: Leaves,
            iterations: Iterations,
            learningRate: Rate,
            minimumPerLeaf: PerLeaf);

    /// <summary>
    /// The development half of the 181 news pages (the first half by id, as the extraction bench splits them), labelled
    /// against each page's whole body: a block whose word trigrams are mostly in the body is a positive example, one whose
    /// trigrams mostly are not a negative one (a block of one or two words: whether its words occur together in the body).
    /// Each page weighs <see cref="NewsPageWeight"/> in all, shared by its blocks' words.
    /// </summary>
    private static List<PageSurvey> NewsSurveys()
    {
        if (BenchData.Path("extraction") is not { } root || !File.Exists(Path.Combine(root, "ground-truth.json")))
        {
            Console.WriteLine("../shared/bench/extraction is absent: the model learns from the multilingual set alone.");
            return [];
        }

        var truth = ExtractionSuite.LoadTruth(Path.Combine(root, "ground-truth.json"));
        var ids = truth.Keys.Order(StringComparer.Ordinal).ToList();
        var surveys = new List<PageSurvey>();
        foreach (var id in ids.Take(ids.Count / 2))
        {
            var blocks = HtmlArticleExtractor.Survey(SnippetSuite.Html(File.ReadAllBytes(Path.Combine(root, "html", id + ".html.gz"))), truth[id].Url);
            var body = ExtractionMetric.Tokens(truth[id].Body);
            var grams = new HashSet<string>(Grams(body, 3), StringComparer.Ordinal);
            var shortGrams = new HashSet<string>(Grams(body, 1).Concat(Grams(body, 2)), StringComparer.Ordinal);
            var labelled = new List<(int Block, bool Label, int Words)>();
            for (var i = 0; i < blocks.Count; i++)
            {
                var words = ExtractionMetric.Tokens(blocks[i].Text);
                if (words.Count is 1 or 2)
                {
                    labelled.Add((i, shortGrams.Contains(string.Join(' ', words)), words.Count));
                }
                else if (words.Count > 2)
                {
                    var share = Grams(words, 3).Count(grams.Contains) / (double)(words.Count - 2);
                    if (share is >= 0.7 or <= 0.3)
                    {
                        labelled.Add((i, share >= 0.7, words.Count));
                    }
                }
            }

            var total = Math.Max(1, labelled.Sum(l => l.Words));
            surveys.Add(new PageSurvey(id, blocks, [.. labelled.Select(l => (l.Block, l.Label, NewsPageWeight * l.Words / total))]));
        }

        return surveys;
    }

    private static IEnumerable<string> Grams(List<string> words, int n)
    {
        for (var i = 0; i + n <= words.Count; i++)
        {
            yield return string.Join(' ', words.GetRange(i, n));
        }
    }

    private static PageSurvey Survey(string id, SnippetSuite.Snippets gold, string html)
    {
        var blocks = HtmlArticleExtractor.Survey(html, gold.Url);
        var with = gold.With.Select(SnippetSuite.Fold).Where(s => s.Length > 0).ToList();
        var without = gold.Without.Select(SnippetSuite.Fold).Where(s => s.Length > 0).ToList();
        var examples = new List<(int, bool, float)>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var text = SnippetSuite.Fold(blocks[i].Text);
            var wanted = with.Count(s => text.Contains(s, StringComparison.Ordinal));
            var unwanted = without.Count(s => text.Contains(s, StringComparison.Ordinal));
            if ((wanted > 0) != (unwanted > 0))
            {
                examples.Add((i, wanted > 0, wanted + unwanted));
            }
        }

        return new PageSurvey(id, blocks, examples);
    }
}
