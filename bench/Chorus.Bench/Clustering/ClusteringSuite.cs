using System.Diagnostics;
using System.Globalization;
using Chorus.Bench.Extraction;
using Chorus.Pipeline;

namespace Chorus.Bench.Clustering;

/// <summary>
/// ./bench.sh clustering: clusters ../shared/bench/clustering/articles.jsonl as 'chorus cluster' does and scores
/// it against gold.tsv with pairwise and BCubed F1, for the development part (stories whose id sorts in the first
/// half) and for all 51 stories.
/// </summary>
internal static class ClusteringSuite
{
    public static int Run(string[] args)
    {
        if (args.Contains("--events"))
        {
            return Events(args);
        }

        var root = BenchData.Path("clustering");
        if (root is null)
        {
            Console.WriteLine("clustering: ../shared/bench/clustering is absent; skipping.");
            return 0;
        }

        if (Array.IndexOf(args, "--scale") is var sc && sc >= 0 && sc + 1 < args.Length)
        {
            var sizes = args[(sc + 1)..].TakeWhile(a => a.All(char.IsDigit)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
            return Scale(root, sizes, stages: args.Contains("--stages"), light: args.Contains("--light"));
        }

        var gold = File.ReadAllLines(Path.Combine(root, "gold.tsv"))
            .Select(l => l.Split('\t'))
            .Where(f => f.Length == 2)
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var batch = new ArticleSource().ReadAll([Path.Combine(root, "articles.jsonl")]);
        var options = Clustering(args);
        var analyzed = BriefPipeline.Analyze(batch.Articles);
        var stories = BriefPipeline.Number(new BriefPipeline(options, new Summary.BriefOptions()).Cluster(analyzed));
        clock.Stop();
        var predicted = stories.SelectMany(s => s.Articles.Select(a => (a.Id, s.Id))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

        var storyIds = gold.Values.Distinct().Order(StringComparer.Ordinal).ToList();
        var development = storyIds.Take(storyIds.Count / 2).ToHashSet(StringComparer.Ordinal);
        Report("all stories", predicted, gold);
        Report("development (first half)", predicted, gold.Where(g => development.Contains(g.Value)).ToDictionary(g => g.Key, g => g.Value));
        Report("test (second half)", predicted, gold.Where(g => !development.Contains(g.Value)).ToDictionary(g => g.Key, g => g.Value));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{batch.Articles.Count} articles, {gold.Values.Distinct().Count()} gold stories, {stories.Count} predicted clusters; {clock.Elapsed.TotalSeconds:0.00} s"));

        if (Array.IndexOf(args, "--batches") is var bi && bi >= 0 && bi + 1 < args.Length)
        {
            Batches(Path.Combine(root, "articles.jsonl"), options, int.Parse(args[bi + 1], CultureInfo.InvariantCulture));
        }

        if (args.Contains("--ceiling"))
        {
            ClusteringCeiling.Report(analyzed, gold, options, (name, found) => Report(name, found, gold));
        }

        if (args.Contains("--confusion"))
        {
            // Articles whose texts open with the same 300 letters and digits but carry different gold stories: no
            // clusterer can put both right, and one that keeps exact copies together must lose those pairs.
            var clashes = batch.Articles
                .Where(a => a.Text.Length > 200 && gold.ContainsKey(a.Id))
                .GroupBy(a => ClusteringCeiling.OpeningKey(a.Text), StringComparer.Ordinal)
                .Where(g => g.Select(a => gold[a.Id]).Distinct(StringComparer.Ordinal).Count() > 1)
                .ToList();
            Console.WriteLine($"same text under different gold stories: {clashes.Count} groups, {clashes.Sum(g => g.Count())} articles");
            foreach (var story in storyIds)
            {
                var members = gold.Where(g => g.Value == story).Select(g => predicted.GetValueOrDefault(g.Key, "?")).GroupBy(p => p).Select(g => $"{g.Key}:{g.Count()}");
                Console.WriteLine($"  {story,-16} -> {string.Join(' ', members)}");
            }
        }

        return 0;
    }

    /// <summary>
    /// The scale suite: for each size, generates that many articles from the bench texts (ScaleCorpus), streams them
    /// from JSONL into the clusterer, and reports articles per second, peak memory and pairwise F1. With --stages it
    /// first times parsing, cleaning and features one after another on one thread. With --light it runs the path of
    /// 'chorus cluster' instead: the whole input reduced to light features and copy prints, clustered in publication
    /// order with document frequencies from all of it, then copies found story by story.
    /// </summary>
    /// <summary>Writes the generated stream of <paramref name="size"/> articles that <c>--scale</c> clusters; returns the gold story of each.</summary>
    internal static Dictionary<string, string> WriteScaleCorpus(string root, int size, string path)
    {
        var storyOf = File.ReadAllLines(Path.Combine(root, "gold.tsv")).Select(l => l.Split('\t')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var events = File.ReadLines(Path.Combine(root, "articles.jsonl"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Select(e => (Id: e.GetProperty("id").GetString()!, Text: e.GetProperty("text").GetString() ?? ""))
            .Where(e => e.Text.Length > 400 && storyOf.ContainsKey(e.Id))
            .GroupBy(e => storyOf[e.Id])
            .Select(g => (IReadOnlyList<string>)g.Select(e => e.Text).ToList())
            .ToList();
        return ScaleCorpus.Write(events, size, path);
    }

    private static int Scale(string root, int[] sizes, bool stages, bool light)
    {
        foreach (var size in sizes)
        {
            var path = Path.Combine(Path.GetTempPath(), $"chorus-scale-{size}.jsonl");
            var gold = WriteScaleCorpus(root, size, path);
            GC.Collect();
            if (stages)
            {
                var t0 = Stopwatch.StartNew();
                var raw = new Chorus.Ingest.InputReader().Read([path]).ToList();
                var t1 = t0.Elapsed;
                var arts = raw.Select(r => Chorus.Extraction.ArticleExtractor.Extract(r).Article!).ToList();
                var t2 = t0.Elapsed;
                var feats = arts.Select(a => Chorus.Clustering.ClusterFeatures.Of(a, Chorus.Clustering.ClusteringOptions.Default)).ToList();
                var t3 = t0.Elapsed;
                Console.WriteLine($"one thread: parse {t1.TotalSeconds:0.0} s, extract {(t2 - t1).TotalSeconds:0.0} s, features {(t3 - t2).TotalSeconds:0.0} s");
            }

            if (light)
            {
                ScaleLight(path, size, gold);
                File.Delete(path);
                continue;
            }

            var clock = Stopwatch.StartNew();

            // As a stream: articles are read and reduced to compact items in parallel, and clustered as they come,
            // with document frequencies learned on the way, so reading and clustering overlap.
            var options = Chorus.Clustering.ClusteringOptions.Default;
            var vocabulary = new Chorus.Similarity.Vocabulary();
            var ids = new List<string>(size);
            using var queue = new System.Collections.Concurrent.BlockingCollection<(int, Chorus.Clustering.ClusterItem)>(boundedCapacity: 20_000);
            var producer = Task.Run(() =>
            {
                try
                {
                    foreach (var (id, item) in new Chorus.Ingest.InputReader().Read([path])
                        .AsParallel().AsOrdered().WithMergeOptions(ParallelMergeOptions.AutoBuffered)
                        .Select(item => Chorus.Extraction.ArticleExtractor.Extract(item).Article)
                        .Where(a => a is not null)
                        .Select(a => (a!.Id, Chorus.Clustering.ClusterFeatures.Item(Chorus.Clustering.ClusterFeatures.Of(a, options), a.Published, vocabulary))))
                    {
                        lock (ids)
                        {
                            ids.Add(id);
                            queue.Add((ids.Count - 1, item));
                        }
                    }
                }
                finally
                {
                    queue.CompleteAdding();
                }
            });
            var groups = new Chorus.Clustering.StoryClusterer(options).Stream(queue.GetConsumingEnumerable());
            producer.Wait();
            clock.Stop();
            var predicted = new Dictionary<string, string>(ids.Count, StringComparer.Ordinal);
            for (var g = 0; g < groups.Count; g++)
            {
                foreach (var member in groups[g].Members)
                {
                    predicted[ids[member]] = $"s{g}";
                }
            }

            var pairwise = ClusteringMetric.Pairwise(predicted, gold);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,9} articles: {size / clock.Elapsed.TotalSeconds,8:0} articles/s, {clock.Elapsed.TotalSeconds,7:0.0} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB, pairwise F1 {pairwise.F1:0.000} (P {pairwise.Precision:0.000} R {pairwise.Recall:0.000})"));
            File.Delete(path);
        }

        return 0;
    }

    /// <summary>
    /// --batches N: ingests the bench into a fresh store in one run, and into another in N runs of one part each (the
    /// JSONL cut into N files), and compares the stories: article pairs together in both, only in one run, only in N.
    /// </summary>
    private static void Batches(string articlesPath, Chorus.Clustering.ClusteringOptions options, int batches)
    {
        var directory = Directory.CreateTempSubdirectory("chorus-batches-").FullName;
        try
        {
            var lines = File.ReadAllLines(articlesPath);
            var parts = lines.Chunk((lines.Length + batches - 1) / batches).Select((chunk, i) =>
            {
                var part = Path.Combine(directory, $"part{i}.jsonl");
                File.WriteAllLines(part, chunk);
                return part;
            }).ToList();

            Dictionary<string, string> Ingest(string name, IEnumerable<IReadOnlyList<string>> runs)
            {
                var clock = Stopwatch.StartNew();
                using var store = Chorus.Storage.SqliteStore.Open(Path.Combine(directory, name));
                foreach (var run in runs)
                {
                    new Ingestor(store, Chorus.Ingest.InputLimits.Default, options, TimeProvider.System).Ingest(run);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {clock.Elapsed.TotalSeconds:0.0} s"));
                return store.Articles().ToDictionary(x => x.Article.Id, x => x.Story, StringComparer.Ordinal);
            }

            var one = Ingest("one-run.db", [parts]);
            var many = Ingest($"{batches}-runs.db", parts.Select(p => (IReadOnlyList<string>)[p]));
            var ids = one.Keys.Order(StringComparer.Ordinal).ToList();
            long both = 0, onlyOne = 0, onlyMany = 0;
            for (var i = 0; i < ids.Count; i++)
            {
                for (var j = i + 1; j < ids.Count; j++)
                {
                    var a = one[ids[i]] == one[ids[j]];
                    var b = many[ids[i]] == many[ids[j]];
                    both += a && b ? 1 : 0;
                    onlyOne += a && !b ? 1 : 0;
                    onlyMany += b && !a ? 1 : 0;
                }
            }

            Console.WriteLine($"one run: {one.Values.Distinct().Count()} stories; {batches} runs: {many.Values.Distinct().Count()} stories; article pairs together in both {both}, only in one run {onlyOne}, only in {batches} runs {onlyMany}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>One size of the scale suite on the path of 'chorus cluster': stories and copies, timed together.</summary>
    private static void ScaleLight(string path, int size, Dictionary<string, string> gold)
    {
        var clock = Stopwatch.StartNew();
        var tally = new Chorus.Pipeline.ReadTally();
        var found = new BriefPipeline().ClusterLight(tally.Articles(new ArticleSource().Read([path])));
        var copies = found.Copies();
        clock.Stop();
        var predicted = new Dictionary<string, string>(found.Ids.Count, StringComparer.Ordinal);
        for (var s = 0; s < found.Stories.Count; s++)
        {
            foreach (var member in found.Stories[s])
            {
                predicted[found.Ids[member]] = $"s{s}";
            }
        }

        var pairwise = ClusteringMetric.Pairwise(predicted, gold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size,9} articles (chorus cluster path): {size / clock.Elapsed.TotalSeconds,8:0} articles/s, {clock.Elapsed.TotalSeconds,7:0.0} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB, pairwise F1 {pairwise.F1:0.000} (P {pairwise.Precision:0.000} R {pairwise.Recall:0.000}), {copies.Count} copies"));
    }

    /// <summary>
    /// --events: ../shared/bench/events/cluster.jsonl (article text only) clustered as 'chorus cluster' does, scored
    /// against its gold.tsv (events), with the number of topics whose two events share a story. Each topic of that
    /// folder holds two events of one kind, so a story that spans both is a topic merged. The old bench is
    /// './bench.sh clustering' without --events.
    /// </summary>
    private static int Events(string[] args)
    {
        if (BenchData.Path("events") is not { } root)
        {
            Console.WriteLine("clustering --events: ../shared/bench/events is absent; skipping.");
            return 0;
        }

        var gold = File.ReadAllLines(Path.Combine(root, "gold.tsv"))
            .Select(l => l.Split('\t'))
            .Where(f => f.Length == 2)
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var path = Path.Combine(root, "cluster.jsonl");
        var clock = Stopwatch.StartNew();
        var (predicted, stories) = EventStories(path, Clustering(args));
        clock.Stop();
        Report("events (cluster.jsonl)", predicted, gold);
        var merged = MergedTopics(predicted, gold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{predicted.Count} articles, {gold.Values.Distinct().Count()} events, {stories} stories; topics whose two events share a story: {merged.Count} of {gold.Values.Select(TopicOf).Distinct().Count()} ({string.Join(", ", merged)}); {clock.Elapsed.TotalSeconds:0.00} s"));
        if (args.Contains("--confusion"))
        {
            foreach (var e in gold.Values.Distinct().OrderBy(e => int.Parse(TopicOf(e), CultureInfo.InvariantCulture)).ThenBy(e => e, StringComparer.Ordinal))
            {
                var members = gold.Where(g => g.Value == e && predicted.ContainsKey(g.Key)).Select(g => predicted[g.Key]).GroupBy(p => p).Select(g => $"{g.Key}:{g.Count()}");
                Console.WriteLine($"  {e,-5} -> {string.Join(' ', members)}");
            }
        }

        if (args.Contains("--cv"))
        {
            CrossValidate(path, gold, Clustering(args));
        }

        if (args.Contains("--partings"))
        {
            Partings(path, gold, Clustering(args));
        }

        return 0;
    }

    /// <summary>
    /// --partings: each story of eight or more articles found without the split, with the parting the splitter finds
    /// and the true one (its largest event against the rest), each as its ratio of the mean cosine across the parts to
    /// the mean within (the split is made under the split share).
    /// </summary>
    private static void Partings(string path, Dictionary<string, string> gold, Chorus.Clustering.ClusteringOptions options)
    {
        var articles = new ReadTally().Articles(new ArticleSource().Read([path])).ToList();
        var vocabulary = new Chorus.Similarity.Vocabulary();
        var features = articles.Select(a => Chorus.Clustering.ClusterFeatures.Of(a, options)).ToList();
        var items = articles.Select((a, i) => Chorus.Clustering.ClusterFeatures.Item(features[i], a.Published, vocabulary)).ToList();
        var groups = new Chorus.Clustering.StoryClusterer(options with { SplitShare = 0 }).Run(items, Enumerable.Repeat(-1, items.Count).ToArray(), 0);
        string EventOf(int m) => gold.GetValueOrDefault(articles[m].Id, "?");
        string Events(IEnumerable<int> members) =>
            string.Join(' ', members.GroupBy(EventOf).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}:{g.Count()}"));
        static string Ratio(Chorus.Clustering.StorySplitter.Parting? p) => p is null ? "-" : (p.Across / p.Within).ToString("0.000", CultureInfo.InvariantCulture);
        var (right, falseSplits, singles, lowestSingle) = (0, 0, 0, double.MaxValue);
        foreach (var group in groups.Where(g => g.Members.Count >= Chorus.Clustering.StorySplitter.LeastMembers))
        {
            var byEvent = group.Members.GroupBy(EventOf).OrderByDescending(g => g.Count()).ToList();
            var found = Chorus.Clustering.StorySplitter.Part(group.Members, items);
            var ratio = found is null ? double.MaxValue : found.Across / found.Within;
            if (byEvent.Count == 1 || byEvent[1].Count() < Chorus.Clustering.StorySplitter.LeastPart)
            {
                singles++;
                lowestSingle = Math.Min(lowestSingle, ratio);
                falseSplits += ratio < options.SplitShare ? 1 : 0;
                continue;
            }

            var largest = byEvent[0].ToHashSet();
            var truth = Chorus.Clustering.StorySplitter.Measure(group.Members, items, largest);
            var wrong = found is null ? group.Members.Count : Math.Min(found.First.Count(largest.Contains) + found.Second.Count(m => !largest.Contains(m)), found.Second.Count(largest.Contains) + found.First.Count(m => !largest.Contains(m)));
            right += ratio < options.SplitShare && wrong <= 1 ? 1 : 0;
            Console.WriteLine($"  [{Events(group.Members)}] found {Ratio(found)} ({(found is null ? "" : Events(found.First) + " | " + Events(found.Second))}); true {Ratio(truth)}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  two-event stories split right (one article astray at most): {right}; single-event stories split: {falseSplits} of {singles} (lowest ratio {lowestSingle:0.000})"));
    }

    /// <summary>Each article's story, as 'chorus cluster' finds them, and how many stories there are.</summary>
    private static (Dictionary<string, string> Predicted, int Stories) EventStories(string path, Chorus.Clustering.ClusteringOptions options)
    {
        var found = new BriefPipeline(options, new Summary.BriefOptions()).ClusterLight(new ReadTally().Articles(new ArticleSource().Read([path])));
        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var s = 0; s < found.Stories.Count; s++)
        {
            foreach (var member in found.Stories[s])
            {
                predicted[found.Ids[member]] = $"s{s}";
            }
        }

        return (predicted, found.Stories.Count);
    }

    /// <summary>
    /// --cv: the number weight and split share chosen by topic folds. For each of 5 folds of whole topics, the pair (of a grid) with the
    /// best pairwise F1 on the other topics is chosen, and the held-out topics are scored with it; the clustering
    /// reads every article each time (it learns no weights), only the choice sees the gold, and only of the other topics.
    /// </summary>
    private static void CrossValidate(string path, Dictionary<string, string> gold, Chorus.Clustering.ClusteringOptions options)
    {
        var grid = new[] { 1.0, 2, 3 }.SelectMany(number => new[] { 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6 }.Select(share => (Number: number, Share: share))).ToList();
        var byShare = grid.ToDictionary(g => g, g => EventStories(path, options with { NumberWeight = g.Number, SplitShare = g.Share }).Predicted);
        var topics = gold.Values.Select(TopicOf).Distinct().OrderBy(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList();
        const int folds = 5;
        var outOfFold = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var fold = 0; fold < folds; fold++)
        {
            var held = topics.Where((_, i) => i % folds == fold).ToHashSet(StringComparer.Ordinal);
            var training = gold.Where(g => !held.Contains(TopicOf(g.Value))).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
            var heldGold = gold.Where(g => held.Contains(TopicOf(g.Value))).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
            var chosen = grid.MaxBy(share => ClusteringMetric.Pairwise(byShare[share], training).F1);
            foreach (var id in heldGold.Keys.Where(byShare[chosen].ContainsKey))
            {
                outOfFold[id] = $"{fold}:{byShare[chosen][id]}";
            }

            var pairwise = ClusteringMetric.Pairwise(byShare[chosen], heldGold);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  fold {fold} (topics {string.Join(",", held.OrderBy(t => int.Parse(t, CultureInfo.InvariantCulture)))}): number weight {chosen.Number}, share {chosen.Share} chosen on the rest; held out pairwise F1 {pairwise.F1:0.000}, topics merged {MergedTopics(byShare[chosen], heldGold).Count}"));
        }

        Report("out of fold, all topics", outOfFold, gold);
        Console.WriteLine($"  topics merged out of fold: {MergedTopics(outOfFold, gold).Count}");
    }

    /// <summary>The topics (the number before the event's letter) whose two events have articles in one predicted story.</summary>
    private static List<string> MergedTopics(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold) =>
        gold.Where(g => predicted.ContainsKey(g.Key))
            .GroupBy(g => predicted[g.Key])
            .SelectMany(story => story.Select(g => g.Value).Distinct().GroupBy(TopicOf).Where(t => t.Count() > 1).Select(t => t.Key))
            .Distinct()
            .OrderBy(t => int.Parse(t, CultureInfo.InvariantCulture))
            .ToList();

    private static string TopicOf(string eventId) => eventId.TrimEnd('a', 'b');

    /// <summary>Thresholds from --join and --merge, for sweeps on the development part; defaults otherwise.</summary>
    private static Chorus.Clustering.ClusteringOptions Clustering(string[] args)
    {
        var options = Chorus.Clustering.ClusteringOptions.Default;
        double? Value(string name) => Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
        if (Value("--join") is { } join)
        {
            options = options with { JoinThreshold = join };
        }

        if (Value("--merge") is { } merge)
        {
            options = options with { MergeThreshold = merge };
        }

        if (Value("--lead") is { } lead)
        {
            options = options with { LeadSentences = (int)lead };
        }

        if (Value("--entity") is { } entity)
        {
            options = options with { EntityWeight = entity };
        }

        if (Value("--split") is { } split)
        {
            options = options with { SplitShare = split };
        }

        if (Value("--number") is { } number)
        {
            options = options with { NumberWeight = number };
        }

        if (Value("--title") is { } title)
        {
            options = options with { TitleWeight = title };
        }

        return options;
    }

    private static void Report(string name, Dictionary<string, string> predicted, Dictionary<string, string> gold)
    {
        var pairwise = ClusteringMetric.Pairwise(predicted, gold);
        var bcubed = ClusteringMetric.BCubed(predicted, gold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-26} pairwise F1 {pairwise.F1:0.000} (P {pairwise.Precision:0.000} R {pairwise.Recall:0.000})  BCubed F1 {bcubed.F1:0.000} (P {bcubed.Precision:0.000} R {bcubed.Recall:0.000})"));
    }
}
