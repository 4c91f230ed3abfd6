using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Chorus.Clustering;
using Chorus.Facts.Quotes;
using Chorus.Ingest;
using Chorus.Pipeline;
using Chorus.Rendering;
using Chorus.Summary;
using Chorus.Text;

namespace Chorus.Bench.Facts;

/// <summary>
/// ./bench.sh events [--verbose] [--out FILE] [--quick]: for every event of ../shared/bench/events, the brief of its articles
/// taken as one story, exactly as 'chorus brief --one-story --format json' writes it for a JSONL file of those
/// articles, scored with the port of the benchmark's score.py (EventsScorer): conflicts found and claimed, quotes
/// found, speakers right. --out writes the briefs as score.py reads them, so the two scorers can be compared. The quote
/// figures are then measured again with the speaker ranker cross-validated by topic (--quick skips this).
/// </summary>
internal static class EventsSuite
{
    private static readonly JsonSerializerOptions s_line = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string[] args)
    {
        if (Extraction.BenchData.Path("events") is not { } root)
        {
            Console.WriteLine("events: ../shared/bench/events is absent; skipping.");
            return 0;
        }

        var events = EventArticles(root);
        using var annotations = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "annotations.json")));
        var ids = annotations.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event").GetString()!).ToList();

        var briefs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var read = new Dictionary<string, Chorus.Extraction.Article>(StringComparer.Ordinal);
        var timings = new List<(string Event, int Articles, double Ms)>();
        var directory = Directory.CreateTempSubdirectory("chorus-events-");
        try
        {
            // One untimed brief first, so that the first timed one does not pay for compiling the pipeline.
            Brief(directory.FullName, ids[0], events.GetValueOrDefault(ids[0]) ?? [], read);
            foreach (var id in ids)
            {
                var lines = events.GetValueOrDefault(id) ?? [];
                var (json, ms) = Brief(directory.FullName, id, lines, read);
                briefs[id] = json;
                timings.Add((id, lines.Count, ms));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        var score = EventsScorer.Score(annotations.RootElement, briefs);
        // score.py's --verbose lines, in its order, before its summary line.
        foreach (var note in args.Contains("--verbose") ? score.Notes : [])
        {
            Console.WriteLine(note);
        }

        Console.WriteLine(score.SummaryLine());
        Console.WriteLine();
        Breakdown(score, timings);
        Console.WriteLine();
        Citations(briefs, read, args.Contains("--verbose"));
        Console.WriteLine();
        Topics(score);
        Console.WriteLine();
        Speed(timings);
        if (!args.Contains("--quick"))
        {
            Console.WriteLine();
            UnseenSpeakers(root, annotations.RootElement, events, ids);
        }

        if (Array.IndexOf(args, "--out") is var o && o >= 0 && o + 1 < args.Length)
        {
            File.WriteAllLines(args[o + 1], ids.Select(id => JsonSerializer.Serialize(new Dictionary<string, object> { ["event"] = id, ["brief"] = briefs[id] }, s_line)));
            Console.WriteLine($"briefs written to {args[o + 1]} (score with: python3 {Path.Combine(root, "score.py")} {Path.Combine(root, "annotations.json")} {args[o + 1]})");
        }

        return 0;
    }

    /// <summary>The topic of an event: the digits of its id ("12" for "12b"). Cross-validation folds whole topics.</summary>
    internal static string TopicOf(string eventId) => new(eventId.TakeWhile(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// Every event's articles, in event order, read back from a JSONL file through ArticleSource as the CLI reads them,
    /// and analysed (the trainings' input).
    /// </summary>
    internal static IEnumerable<(string Event, IReadOnlyList<AnalyzedArticle> Articles)> AnalyzedEvents(string root)
    {
        var directory = Directory.CreateTempSubdirectory("chorus-events-");
        try
        {
            foreach (var (id, lines) in EventArticles(root).OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var path = Path.Combine(directory.FullName, id + ".jsonl");
                File.WriteAllLines(path, lines);
                yield return (id, BriefPipeline.Analyze(new ArticleSource(InputLimits.Default).ReadAll([path]).Articles));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The raw lines of articles.jsonl by the event gold.tsv gives each article, in file order.</summary>
    internal static Dictionary<string, List<string>> EventArticles(string root)
    {
        var gold = File.ReadAllLines(Path.Combine(root, "gold.tsv"))
            .Select(l => l.Split('\t'))
            .Where(f => f.Length == 2)
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var events = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(root, "articles.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var article = JsonDocument.Parse(line);
            if (gold.TryGetValue(article.RootElement.GetProperty("id").GetString()!, out var id))
            {
                (events.TryGetValue(id, out var list) ? list : events[id] = []).Add(line);
            }
        }

        return events;
    }

    /// <summary>
    /// The brief JSON of one event's articles, made as the CLI makes it: the articles written to a JSONL file, read back
    /// through ArticleSource, briefed as one story with the CLI's options, rendered by JsonBriefRenderer. The time
    /// covers reading, briefing and rendering.
    /// </summary>
    private static (JsonElement Brief, double Ms) Brief(string directory, string id, List<string> lines, Dictionary<string, Chorus.Extraction.Article> read)
    {
        var path = Path.Combine(directory, id + ".jsonl");
        File.WriteAllLines(path, lines);
        var clock = Stopwatch.StartNew();
        var batch = new ArticleSource(InputLimits.Default).ReadAll([path]);
        foreach (var article in batch.Articles)
        {
            read[article.Id] = article;
        }

        var brief = new BriefPipeline(ClusteringOptions.Default, new BriefOptions(120)).RunAsOneStory(batch.Articles);
        var json = JsonBriefRenderer.Render(brief);
        clock.Stop();
        using var document = JsonDocument.Parse(json);
        return (document.RootElement.Clone(), clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Every citation of every brief checked against the cited article's stored text (as read) by <see cref="CitationCheck"/>.</summary>
    private static void Citations(Dictionary<string, JsonElement> briefs, Dictionary<string, Chorus.Extraction.Article> read, bool verbose)
    {
        var (total, problems) = (0, new List<CitationProblem>());
        foreach (var (id, brief) in briefs)
        {
            var (count, found) = CitationCheck.Check(id, brief, read);
            total += count;
            problems.AddRange(found);
        }

        foreach (var problem in verbose ? problems : [])
        {
            Console.WriteLine($"CITATION {problem.Event} {problem.Kind} cites {problem.Source}: {problem.Reason} | {problem.Claim}");
        }

        Console.WriteLine($"citations: {total} checked (summary sentences and facts), {problems.Count} fail the check "
            + $"({problems.Count(p => p.Kind == "summary")} of summary sentences, {problems.Count(p => p.Kind == "fact")} of facts): "
            + $"a summary sentence's source must hold a sentence with {CitationCheck.LeastShare:P0} of its stemmed content words and no other number, weekday or month; a fact's source must state its value");
    }

    private static void Breakdown(EventsScore score, List<(string Event, int Articles, double Ms)> timings)
    {
        Console.WriteLine("event  articles     ms | clear  found c/a  pairs c/a  matching c/a | quotes  found  reported  gold | speakers  right");
        foreach (var (e, t) in score.Events.Zip(timings))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Event,-5}  {t.Articles,8}  {t.Ms,5:0} | {e.GoldClear,5}  {$"{e.Confirmed.Found}/{e.All.Found}",9}  {$"{e.Confirmed.Reported}/{e.All.Reported}",9}  {$"{e.Confirmed.Matching}/{e.All.Matching}",12} | {e.GoldQuotes,6}  {e.QuotesFound,5}  {e.ReportedQuotes,8}  {e.ReportedGold,4} | {e.WithSpeaker,8}  {e.SpeakerRight,5}"));
        }

        Console.WriteLine("(c/a: the confirmed tier / all, with the conflicts marked possible; pairs: claimed pairs of sides; matching: those matching any gold disagreement)");
    }

    /// <summary>Recall of the 'all' tier per topic (the digits of the event id), for cross-validation by topic.</summary>
    private static void Topics(EventsScore score)
    {
        Console.WriteLine("recall by topic, all tier (found / gold clear):");
        foreach (var topic in score.Events.GroupBy(e => e.Topic).OrderBy(g => int.Parse(g.Key, CultureInfo.InvariantCulture)))
        {
            Console.WriteLine($"  topic {topic.Key,2}: {topic.Sum(e => e.All.Found)}/{topic.Sum(e => e.GoldClear)}");
        }
    }

    /// <summary>
    /// The quote figures again with the speaker ranker cross-validated by topic: each event is briefed with a model trained
    /// on the other folds' topics only, so its figure is what the ranker does on coverage it never saw. The shipped model
    /// was trained on every development topic, so the main figures flatter it.
    /// </summary>
    private static void UnseenSpeakers(string root, JsonElement annotations, Dictionary<string, List<string>> events, List<string> ids)
    {
        const int Folds = 5;
        var models = SpeakerTraining.FoldModels(root, Folds);
        var briefs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var directory = Directory.CreateTempSubdirectory("chorus-events-");
        try
        {
            foreach (var id in ids)
            {
                SpeakerRanker.Shared = new SpeakerRanker(models.GetValueOrDefault(TopicOf(id)));
                briefs[id] = Brief(directory.FullName, id, events.GetValueOrDefault(id) ?? [], []).Brief;
            }
        }
        finally
        {
            SpeakerRanker.Shared = SpeakerRanker.Shipped();
            directory.Delete(recursive: true);
        }

        var score = EventsScorer.Score(annotations, briefs);
        var (found, reported, gold, withSpeaker, right) = (score.Events.Sum(e => e.QuotesFound), score.Events.Sum(e => e.ReportedQuotes), score.Events.Sum(e => e.ReportedGold), score.Events.Sum(e => e.WithSpeaker), score.Events.Sum(e => e.SpeakerRight));
        Console.WriteLine($"quotes with the speaker ranker cross-validated by topic ({Folds} folds; every event briefed by a model that never saw its topic): "
            + $"found {found} of {score.Events.Sum(e => e.GoldQuotes)}; reported {reported}, gold {gold}, precision {EventsScorer.Ratio(gold, reported, "n/a")}; speakers right {right} of {withSpeaker}, accuracy {EventsScorer.Ratio(right, withSpeaker, "n/a")}");
    }

    private static void Speed(List<(string Event, int Articles, double Ms)> timings)
    {
        var ms = timings.Select(t => t.Ms).Order().ToList();
        var slowest = timings.MaxBy(t => t.Ms);
        var median = ms.Count % 2 == 1 ? ms[ms.Count / 2] : (ms[(ms.Count / 2) - 1] + ms[ms.Count / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"briefs: {timings.Count} ({timings.Sum(t => t.Articles)} articles) in {ms.Sum() / 1000:0.0} s; per brief median {median:0} ms, max {slowest.Ms:0} ms ({slowest.Event}, {slowest.Articles} articles); read, briefed and rendered, after one untimed brief"));
    }
}
