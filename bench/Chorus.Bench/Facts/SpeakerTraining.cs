using System.Globalization;
using System.Text.Json;
using Chorus.Bench.Learning;
using Chorus.Facts;
using Chorus.Facts.Quotes;
using Chorus.Learning;
using Chorus.Text;

namespace Chorus.Bench.Facts;

/// <summary>
/// ./bench.sh speakers-train [--folds K] [--write]: trains the quote speaker ranker on the development part of
/// ../shared/bench/events. Each article's quotes are found by the attribution patterns, each quote's candidate speakers
/// listed (SpeakerCandidates), and a quote that holds a gold quote's first five words labels its candidates by the
/// scorer's own rule (the gold speaker's surname, or a description's content words, in the candidate's name). LightGBM
/// is cross-validated by topic: every quote is attributed by a model that never saw its topic, and the speakers it
/// gives are counted right or wrong against the patterns' ones. --write trains on every topic and writes the model file
/// the product loads when present (src/Chorus/Facts/Quotes/speaker-ranker.json; none ships, see BENCHMARKS.md).
/// CHORUS_TRAIN_WRONG=1 lists the quotes the cross-validated ranker still gets wrong.
/// </summary>
internal static class SpeakerTraining
{
    private sealed record QuoteRows(string Event, string Topic, string Article, string Quote, string GoldSpeaker, string? RuleSpeaker, List<SpeakerCandidate> Candidates, bool[] Labels, string[] Names);

    public static int Run(string[] args)
    {
        if (Extraction.BenchData.Path("events") is not { } root)
        {
            Console.WriteLine("speakers-train: ../shared/bench/events is absent; skipping.");
            return 0;
        }

        var folds = Array.IndexOf(args, "--folds") is var f && f >= 0 && f + 1 < args.Length ? int.Parse(args[f + 1], CultureInfo.InvariantCulture) : 5;
        var quotes = Quotes(root);
        var withCandidates = quotes.Count(q => q.Candidates.Count > 0);
        var reachable = quotes.Count(q => q.Labels.Any(l => l));
        var rulesRight = quotes.Count(q => q.RuleSpeaker is { } s && Right(q.GoldSpeaker, s));
        Console.WriteLine($"gold quotes with a speaker found by the patterns, in their article: {quotes.Count}; with candidates {withCandidates}; a right candidate among them {reachable} (the ranker's ceiling)");
        Console.WriteLine($"patterns alone: right {rulesRight} of {quotes.Count} ({Share(rulesRight, quotes.Count)}), none {quotes.Count(q => q.RuleSpeaker is null)}");

        var models = FoldModels(quotes, folds);
        var scores = quotes.ToDictionary(q => q, q => q.Candidates.Select(c => models[q.Topic].Score(c.Features)).ToArray());

        Console.WriteLine($"ranker, cross-validated by topic ({folds} folds of whole topics). Where the patterns found no speaker, the best candidate speaks from the minimum score; where they found one, another candidate replaces it when it scores the margin higher");
        Console.WriteLine("minimum  margin | right  share | wrong | none | replaced: fixed  broken  both wrong");
        var settings = new[] { 0.0, 0.3, 0.5, 0.6, 0.7, 0.8 }.Select(c => (c, SpeakerRanker.Margin))
            .Concat(new[] { 0.0, 0.1, 0.3, 0.5, 1.1 }.Select(m => (SpeakerRanker.MinimumScore, m)));
        foreach (var (minimum, margin) in settings)
        {
            var (right, wrong, none, fixedOnes, broken, bothWrong) = (0, 0, 0, 0, 0, 0);
            foreach (var q in quotes)
            {
                var chosen = Choose(q, scores[q], minimum, margin);
                var ok = chosen is not null && Right(q.GoldSpeaker, chosen);
                (right, wrong, none) = chosen is null ? (right, wrong, none + 1) : ok ? (right + 1, wrong, none) : (right, wrong + 1, none);
                if (q.RuleSpeaker is not null && chosen != q.RuleSpeaker)
                {
                    var wasRight = Right(q.GoldSpeaker, q.RuleSpeaker);
                    (fixedOnes, broken, bothWrong) = ok && !wasRight ? (fixedOnes + 1, broken, bothWrong) : !ok && wasRight ? (fixedOnes, broken + 1, bothWrong) : (fixedOnes, broken, bothWrong + 1);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{minimum,7:0.0}  {margin,6:0.0} | {right,5}  {Share(right, quotes.Count),5} | {wrong,5} | {none,4} | {fixedOnes,15}  {broken,6}  {bothWrong,10}"));
        }

        if (Environment.GetEnvironmentVariable("CHORUS_TRAIN_WRONG") is not null)
        {
            foreach (var q in quotes)
            {
                var chosen = Choose(q, scores[q], SpeakerRanker.MinimumScore, SpeakerRanker.Margin);
                if (chosen is null || !Right(q.GoldSpeaker, chosen))
                {
                    var best = q.Candidates.Count == 0 ? -1 : Enumerable.Range(0, q.Candidates.Count).MaxBy(i => scores[q][i]);
                    var right = Array.IndexOf(q.Labels, true);
                    string Row(int i) => i < 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"'{q.Names[i]}' {scores[q][i]:0.00} [{string.Join(" ", q.Candidates[i].Features.Select(x => x.ToString("0.#", CultureInfo.InvariantCulture)))}]");
                    Console.WriteLine($"WRONG {q.Event} {q.Article} gold '{q.GoldSpeaker}' rules '{q.RuleSpeaker}' ranker '{chosen}' :: {q.Quote[..Math.Min(60, q.Quote.Length)]}");
                    Console.WriteLine($"    best  {Row(best)}");
                    Console.WriteLine($"    right {Row(right)}");
                }
            }
        }

        if (args.Contains("--write"))
        {
            var model = Train(quotes);
            var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Chorus", "Facts", "Quotes", "speaker-ranker.json");
            File.WriteAllBytes(Path.GetFullPath(path), model.ToJson());
            Console.WriteLine($"wrote {Path.GetFullPath(path)}");
        }

        return 0;
    }

    /// <summary>For every topic, a model trained on the other folds' topics only (folds of whole topics, in topic order).</summary>
    public static Dictionary<string, BoostedTrees> FoldModels(string root, int folds) => FoldModels(Quotes(root), folds);

    private static Dictionary<string, BoostedTrees> FoldModels(List<QuoteRows> quotes, int folds)
    {
        var topics = quotes.Select(q => q.Topic).Distinct().OrderBy(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList();
        var models = new Dictionary<string, BoostedTrees>(StringComparer.Ordinal);
        for (var fold = 0; fold < folds; fold++)
        {
            var heldOut = topics.Where((_, i) => i % folds == fold).ToHashSet(StringComparer.Ordinal);
            var model = Train(quotes.Where(q => !heldOut.Contains(q.Topic)));
            foreach (var topic in heldOut)
            {
                models[topic] = model;
            }
        }

        return models;
    }

    private static string Share(int part, int whole) => EventsScorer.Ratio(part, whole, "n/a");

    /// <summary>The name the product would give: the ranker's choice (<see cref="SpeakerRanker.Choose"/>), else the patterns' one.</summary>
    private static string? Choose(QuoteRows q, double[] scores, double cut, double margin) =>
        SpeakerRanker.Choose(q.Candidates, scores, cut, margin) is var best and >= 0 ? q.Names[best] : q.RuleSpeaker;

    /// <summary>The scorer's rule: a wanted word of the gold speaker is a word of the reported name.</summary>
    private static bool Right(string gold, string reported)
    {
        var got = EventsScorer.Words(EventsScorer.Fold(reported)).ToHashSet(StringComparer.Ordinal);
        var want = EventsScorer.WantedSpeakerWords(gold);
        return want.Count > 0 && want.Any(got.Contains);
    }

    private static BoostedTrees Train(IEnumerable<QuoteRows> quotes) =>
        TreeTrainer.Train(
            SpeakerCandidates.FeatureNames,
            quotes.SelectMany(q => q.Candidates.Select((c, i) => new TrainingRow(c.Features, q.Labels[i], 1f))),
            "candidate speakers of ../shared/bench/events quotes",
            leaves: 8,
            iterations: 200,
            minimumPerLeaf: 20);

    /// <summary>Every pattern-found quote that holds a gold quote with a speaker, with its candidates and their labels.</summary>
    private static List<QuoteRows> Quotes(string root)
    {
        using var annotations = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "annotations.json")));
        var gold = annotations.RootElement.GetProperty("events").EnumerateArray()
            .SelectMany(e => e.GetProperty("quotes").EnumerateArray())
            .Where(q => q.TryGetProperty("speaker", out var s) && s.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(s.GetString()))
            .Select(q => (Article: q.GetProperty("article").GetString()!, Key: EventsScorer.QuoteKey(q), Speaker: q.GetProperty("speaker").GetString()!))
            .ToLookup(q => q.Article, StringComparer.Ordinal);

        var result = new List<QuoteRows>();
        foreach (var (id, articles) in EventsSuite.AnalyzedEvents(root))
        {
            foreach (var article in articles)
            {
                var quotes = QuoteExtractor.ExtractByRules(article);
                var candidates = SpeakerCandidates.Of(article, quotes);
                var people = article.Mentions.Where(m => m.Kind is EntityKind.Person or EntityKind.Organization or EntityKind.Unknown).ToList();
                string NameOf(TextSpan span) => people.FirstOrDefault(m => m.Span.Overlaps(span))?.Name is { } name ? name + " " + span.Of(article.Text) : span.Of(article.Text);
                for (var i = 0; i < quotes.Count; i++)
                {
                    var text = EventsScorer.Fold(quotes[i].Span.Of(article.Text));
                    foreach (var g in gold[article.Id].Where(g => g.Key.Length > 0 && text.Contains(g.Key, StringComparison.Ordinal)).Take(1))
                    {
                        var names = candidates[i].Select(c => NameOf(c.Speaker)).ToArray();
                        result.Add(new QuoteRows(
                            id,
                            EventsSuite.TopicOf(id),
                            article.Id,
                            quotes[i].Span.Of(article.Text),
                            g.Speaker,
                            quotes[i].Speaker is { } s ? NameOf(s) : null,
                            candidates[i],
                            names.Select(n => Right(g.Speaker, n)).ToArray(),
                            names));
                    }
                }
            }
        }

        return result;
    }
}
