using System.Globalization;
using System.Text.Json;
using Chorus.Bench.Learning;
using Chorus.Clustering;
using Chorus.Facts;
using Chorus.Facts.Claims;
using Chorus.Learning;
using Chorus.Text;

namespace Chorus.Bench.Facts;

/// <summary>
/// ./bench.sh conflicts-train [--folds K] [--write]: trains the conflict verifier on the development part of
/// ../shared/bench/events. Every event's articles are read as one story; the candidate pairs (ClaimPairs) are labelled
/// by the benchmark's own matching rule (a pair is positive when its two evidence sentences hit two different values
/// of one gold disagreement, clear or arguable). LightGBM is cross-validated by topic (K folds of whole topics, so no
/// event's words are seen when its pairs are scored); the out-of-fold scores are turned into conflicts by the product's
/// own grouping and scored with the port of score.py, over a sweep of cut-offs: the precision-recall curve.
/// The product's tree evaluation (BoostedTrees) is checked against ML.NET's own predictions on every fold.
/// CHORUS_TRAIN_MISSED=1 lists the clear disagreements no candidate reaches, CHORUS_TRAIN_TOP=N the N best-scored
/// pairs, CHORUS_TRAIN_CSV=FILE writes every pair's features and gold disagreement (-1 for none), CHORUS_TRAIN_MINILM=1
/// adds two MiniLM cosines to every pair's features (the product computes no vectors, so this is measurement only).
/// </summary>
internal static class ConflictTraining
{
    /// <summary>The weight all of one event's pairs that match no gold disagreement share (each disagreement's pairs share 1).</summary>
    private const double NegativeWeight = 20;

    private sealed record EventPairs(string Event, string Topic, IReadOnlyList<AnalyzedArticle> Articles, Func<string, string> OriginOf, List<ClaimPair> Pairs, bool[] Labels, int[] Disagreement)
    {
        /// <summary>
        /// Training weights: the pairs of one gold disagreement share a weight of one, however many articles repeat it, so
        /// a figure that thirty copies carry teaches no more than one stated twice; the event's other pairs share a weight
        /// of <paramref name="negatives"/>.
        /// </summary>
        public float[] Weights(double negatives)
        {
            var perDisagreement = Disagreement.Where(d => d >= 0).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
            var others = Labels.Count(l => !l);
            return Labels.Select((l, i) => l ? 1f / perDisagreement[Disagreement[i]] : (float)(negatives / Math.Max(1, others))).ToArray();
        }
    }

    public static int Run(string[] args)
    {
        if (Extraction.BenchData.Path("events") is not { } root)
        {
            Console.WriteLine("conflicts-train: ../shared/bench/events is absent; skipping.");
            return 0;
        }

        var folds = Option(args, "--folds", 5);
        using var annotations = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "annotations.json")));
        var gold = annotations.RootElement.GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("event").GetString()!, e => e, StringComparer.Ordinal);
        var events = Candidates(root, gold);
        Coverage(events, gold);

        if (Environment.GetEnvironmentVariable("CHORUS_TRAIN_CSV") is { } csv)
        {
            File.WriteAllLines(csv, events.SelectMany(e => e.Pairs.Select((p, i) => string.Join(',', new[] { e.Event, e.Disagreement[i].ToString(CultureInfo.InvariantCulture) }.Concat(p.Features.Select(f => f.ToString(CultureInfo.InvariantCulture)))))).Prepend("event,disagreement," + string.Join(',', FeatureNames)));
        }

        var topics = events.Select(e => e.Topic).Distinct().OrderBy(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList();
        var scores = events.ToDictionary(e => e.Event, e => new double[e.Pairs.Count], StringComparer.Ordinal);
        for (var fold = 0; fold < folds; fold++)
        {
            var heldOut = topics.Where((_, i) => i % folds == fold).ToHashSet();
            var model = Train(events.Where(e => !heldOut.Contains(e.Topic)));
            foreach (var e in events.Where(e => heldOut.Contains(e.Topic)))
            {
                for (var i = 0; i < e.Pairs.Count; i++)
                {
                    scores[e.Event][i] = model.Score(e.Pairs[i].Features);
                }
            }
        }

        var ranked = events.SelectMany(e => scores[e.Event].Select((score, i) => (Score: score, Label: e.Labels[i]))).OrderByDescending(x => x.Score).ToList();
        var (hits, precisionSum) = (0, 0.0);
        for (var i = 0; i < ranked.Count; i++)
        {
            if (ranked[i].Label)
            {
                hits++;
                precisionSum += (double)hits / (i + 1);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairs, out of fold: average precision {precisionSum / Math.Max(1, hits):0.000} over {hits} gold pairs (a random ranking gives {(double)hits / Math.Max(1, ranked.Count):0.000})"));
        if (Environment.GetEnvironmentVariable("CHORUS_TRAIN_TOP") is { } top)
        {
            foreach (var (e, i) in events.SelectMany(e => e.Pairs.Select((_, i) => (e, i))).OrderByDescending(x => scores[x.e.Event][x.i]).Take(int.Parse(top, CultureInfo.InvariantCulture)))
            {
                var byId = e.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
                var p = e.Pairs[i];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(e.Labels[i] ? "GOLD " : "FALSE")} {scores[e.Event][i]:0.00} {e.Event} {p.First.Kind} [{string.Join(" ", p.Features.Select(f => f.ToString("0.##", CultureInfo.InvariantCulture)))}]"));
                Console.WriteLine($"    {ClaimConflicts.EvidenceOf(p.First, byId[p.First.ArticleId]).Text}");
                Console.WriteLine($"    {ClaimConflicts.EvidenceOf(p.Second, byId[p.Second.ArticleId]).Text}");
            }
        }

        Console.WriteLine($"precision-recall, cross-validated by topic ({folds} folds of whole topics; every pair scored by a model that never saw its topic):");
        Console.WriteLine("cut-off | found  recall | claimed pairs  matching  precision");
        foreach (var cut in new[] { 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 })
        {
            var score = ScoreAt(events, scores, gold, cut, cut);
            var t = score.Total.Confirmed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{cut,7:0.00} | {t.Found,5}  {EventsScorer.Ratio(t.Found, score.Total.GoldClear, "0.000"),6} | {t.Reported,13}  {t.Matching,8}  {EventsScorer.Ratio(t.Matching, t.Reported, "n/a"),9}"));
        }

        return 0;
    }

    private static readonly Similarity.MiniLmEncoder? s_encoder = Environment.GetEnvironmentVariable("CHORUS_TRAIN_MINILM") is null ? null : new();

    private static IReadOnlyList<string> FeatureNames => s_encoder is null ? ClaimPairs.FeatureNames : [.. ClaimPairs.FeatureNames, "mini_sentence", "mini_window"];

    /// <summary>The pairs with two more features: MiniLM cosines of the two sentences, and of the words around the two values with the values masked.</summary>
    private static List<ClaimPair> WithVectors(List<ClaimPair> pairs, Dictionary<string, AnalyzedArticle> byId)
    {
        string SentenceOf(ClaimValue v) => byId[v.ArticleId].Sentences[v.Sentence].Span.Of(byId[v.ArticleId].Text);
        string WindowOf(ClaimValue v)
        {
            var article = byId[v.ArticleId];
            var sentence = article.Sentences[v.Sentence].Span;
            var start = Math.Max(sentence.Start, v.Span.Start - 80);
            var end = Math.Min(sentence.End, v.Span.End + 80);
            return article.Text[start..v.Span.Start] + "some" + article.Text[v.Span.End..end];
        }

        var texts = pairs.SelectMany(p => new[] { SentenceOf(p.First), SentenceOf(p.Second), WindowOf(p.First), WindowOf(p.Second) }).Distinct(StringComparer.Ordinal).ToList();
        var vectors = texts.Zip(s_encoder!.Encode(texts)).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        return pairs.Select(p => p with
        {
            Features = [.. p.Features,
                (float)Similarity.MiniLmEncoder.Cosine(vectors[SentenceOf(p.First)], vectors[SentenceOf(p.Second)]),
                (float)Similarity.MiniLmEncoder.Cosine(vectors[WindowOf(p.First)], vectors[WindowOf(p.Second)])],
        }).ToList();
    }

    private static T Option<T>(string[] args, string name, T fallback) where T : IParsable<T> =>
        Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? T.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    /// <summary>Every event's candidate pairs, each labelled by whether the scorer would count it as a gold disagreement.</summary>
    private static List<EventPairs> Candidates(string root, Dictionary<string, JsonElement> gold)
    {
        var result = new List<EventPairs>();
        foreach (var (id, analyzed) in EventsSuite.AnalyzedEvents(root))
        {
            var origin = analyzed.ToDictionary(a => a.Id, a => a.Id, StringComparer.Ordinal);
            foreach (var link in CopyDetector.Detect(analyzed))
            {
                origin[link.ArticleId] = link.SourceId;
            }

            string OriginOf(string article) => origin.GetValueOrDefault(article, article);
            var (_, pairs) = ClaimPairs.Find(analyzed, OriginOf);
            var byId = analyzed.ToDictionary(a => a.Id, StringComparer.Ordinal);
            if (s_encoder is not null)
            {
                pairs = WithVectors(pairs, byId);
            }

            var disagreements = gold.TryGetValue(id, out var g) ? g.GetProperty("disagreements").EnumerateArray().ToList() : [];
            var matched = pairs.Select(p => disagreements.FindIndex(d => Matches(p, d, byId))).ToArray();
            result.Add(new EventPairs(id, EventsSuite.TopicOf(id), analyzed, OriginOf, pairs, matched.Select(m => m >= 0).ToArray(), matched));
        }

        return result;
    }

    /// <summary>
    /// Whether a pair states two different values of a gold disagreement. For training this reads the gold a little wider
    /// than the scorer: a side may be any article the gold lists for the value, when its sentence overlaps the words the
    /// gold quotes for that value from another article (the gold quotes a few articles' words, not every article's).
    /// </summary>
    private static bool Matches(ClaimPair pair, JsonElement disagreement, Dictionary<string, AnalyzedArticle> byId)
    {
        var values = disagreement.GetProperty("values").EnumerateArray().ToList();
        bool Hits(ClaimValue side, JsonElement value)
        {
            var text = ClaimConflicts.EvidenceOf(side, byId[side.ArticleId]).Text;
            return value.GetProperty("articles").EnumerateArray().Any(a => a.GetString() == side.ArticleId)
                && SaysValue(side.Span.Of(byId[side.ArticleId].Text), value.GetProperty("value").GetString() ?? "")
                && value.GetProperty("evidence").EnumerateArray().Any(g => EventsScorer.Overlap(text, g.GetProperty("text").GetString()));
        }

        for (var i = 0; i < values.Count; i++)
        {
            for (var j = i + 1; j < values.Count; j++)
            {
                if ((Hits(pair.First, values[i]) && Hits(pair.Second, values[j])) || (Hits(pair.First, values[j]) && Hits(pair.Second, values[i])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the words of a read value say the gold value: a number of one is a number of the other ("eight experts"
    /// and "8"), or a word of one (a weekday, a month) is in the other. The scorer looks only at sentences, so a pair of
    /// other numbers in the two gold sentences would count for it; as training labels they would teach noise.
    /// </summary>
    private static bool SaysValue(string read, string gold)
    {
        var numbers = Numbers(gold);
        if (Numbers(read).Overlaps(numbers))
        {
            return true;
        }

        var words = gold.ToLowerInvariant().Split([' ', ',', '(', ')', '/', '-', ';'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return read.ToLowerInvariant().Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries).Any(w => w.Length > 2 && !double.TryParse(w, CultureInfo.InvariantCulture, out _) && words.Contains(w));
    }

    private static HashSet<double> Numbers(string text)
    {
        var found = new HashSet<double>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, @"\d[\d,]*(?:, \d{3})*(?:\.\d+)?|[A-Za-z]+"))
        {
            if (NumberWords.TryParse(m.Value.Replace(" ", "", StringComparison.Ordinal).TrimEnd(','), out var n) && !(m.Value.Length <= 2 && char.IsLetter(m.Value[0])))
            {
                found.Add(n);
                found.Add(n * NumberWords.Scale(text[(m.Index + m.Length)..].TrimStart().Split(' ', 2)[0]));
            }
            else if (m.Value is "twice" or "Twice")
            {
                found.Add(2);
            }
        }

        return found;
    }

    /// <summary>One value as a side of a claimed pair, with the evidence the product would show for it.</summary>
    private static JsonElement Side(ClaimValue value, Dictionary<string, AnalyzedArticle> byId)
    {
        var evidence = ClaimConflicts.EvidenceOf(value, byId[value.ArticleId]);
        return JsonSerializer.SerializeToElement(new { value = "", evidence = new[] { new { source = evidence.Source, text = evidence.Text } } });
    }

    /// <summary>How many candidates there are, how many are gold, and how many clear disagreements any candidate reaches (the ceiling of recall).</summary>
    private static void Coverage(List<EventPairs> events, Dictionary<string, JsonElement> gold)
    {
        var pairs = events.Sum(e => e.Pairs.Count);
        var positive = events.Sum(e => e.Labels.Count(l => l));
        var clear = 0;
        var reachable = 0;
        foreach (var e in events)
        {
            var byId = e.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
            foreach (var d in gold[e.Event].GetProperty("disagreements").EnumerateArray().Where(d => d.GetProperty("confidence").GetString() == "clear"))
            {
                clear++;
                var reached = e.Pairs.Where((_, i) => e.Labels[i]).Any(p => EventsScorer.PairMatches(Side(p.First, byId), Side(p.Second, byId), d));
                reachable += reached ? 1 : 0;
                if (!reached && Environment.GetEnvironmentVariable("CHORUS_TRAIN_MISSED") is not null)
                {
                    Console.WriteLine($"UNREACHED {e.Event} [{d.GetProperty("kind").GetString()}] {d.GetProperty("thing").GetString()}");
                    foreach (var value in d.GetProperty("values").EnumerateArray())
                    {
                        foreach (var ev in value.GetProperty("evidence").EnumerateArray().Take(2))
                        {
                            var article = ev.GetProperty("article").GetString()!;
                            var read = byId.TryGetValue(article, out var a)
                                ? ClaimValueReader.Read(a).Where(v => EventsScorer.Overlap(ClaimConflicts.EvidenceOf(v, a).Text, ev.GetProperty("text").GetString())).Select(v => $"{v.Kind}:{v.Span.Of(a.Text)}/{v.Unit}")
                                : [];
                            Console.WriteLine($"    {value.GetProperty("value").GetString()} | {article} | {ev.GetProperty("text").GetString()} || read: {string.Join(", ", read)}");
                        }
                    }
                }
            }
        }

        Console.WriteLine($"candidates: {pairs} pairs in {events.Count} events, {positive} of them gold; clear disagreements any candidate reaches: {reachable} of {clear}");
        foreach (var kind in events.SelectMany(e => e.Pairs.Select((p, i) => (p.First.Kind, Label: e.Labels[i]))).GroupBy(x => x.Kind).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  {kind.Key,-10} {kind.Count(),6} pairs, {kind.Count(x => x.Label),4} gold");
        }
    }

    /// <summary>The briefs' conflicts at the given cut-offs, built by the product's grouping from the given scores, and scored.</summary>
    private static EventsScore ScoreAt(List<EventPairs> events, Dictionary<string, double[]> scores, Dictionary<string, JsonElement> gold, double possible, double confirmed)
    {
        var briefs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var conflicts = ClaimConflicts.Build(e.Articles, e.Pairs, scores[e.Event], e.OriginOf, possible, confirmed);
            briefs[e.Event] = JsonSerializer.SerializeToElement(new
            {
                stories = new[]
                {
                    new
                    {
                        conflicts = conflicts.Select(c => new
                        {
                            confidence = c.Confidence,
                            values = c.Values.Select(v => new { value = v.Value, evidence = v.Evidence.Select(x => new { source = x.Source, text = x.Text }) }),
                        }),
                    },
                },
            });
        }

        return EventsScorer.Score(JsonSerializer.SerializeToElement(new { events = events.Select(e => gold[e.Event]) }), briefs);
    }

    /// <summary>A LightGBM model over the events' pairs (<see cref="TreeTrainer"/>).</summary>
    private static BoostedTrees Train(IEnumerable<EventPairs> events) =>
        TreeTrainer.Train(
            FeatureNames,
            events.SelectMany(e => e.Weights(NegativeWeight) is var weights ? e.Pairs.Select((p, i) => new TrainingRow(p.Features, e.Labels[i], weights[i])) : []),
            "candidate pairs of ../shared/bench/events");
}
