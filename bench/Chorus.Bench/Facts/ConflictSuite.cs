using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chorus.Ingest;
using Chorus.Pipeline;
using Chorus.Summary;

namespace Chorus.Bench.Facts;

/// <summary>A conflict reported on a benchmark story, named by a hash of its topic, values and sources (never its text).</summary>
public sealed record ReportedConflict(string Story, string Key, ConflictLine Conflict);

/// <summary>A reader's verdict on one reported conflict: real (the sources do contradict each other) or false, and why.</summary>
public sealed record ConflictJudgement(string Story, string Key, bool Real, string Why);

/// <summary>
/// Conflict precision on real coverage: the 46-outlet story of ../shared/bench/contradiction and DUC 2004 clusters,
/// each briefed as one story. Every reported conflict is looked up in the judgements read by a person
/// (tests/Chorus.IntegrationTests/Data/conflict-judgements.json); an unjudged conflict is listed for judging.
/// </summary>
public static class ConflictSuite
{
    public const string JudgementsFile = "tests/Chorus.IntegrationTests/Data/conflict-judgements.json";

    public static int Run(string[] args)
    {
        var bench = Extraction.BenchData.Path("contradiction") is { } c ? Path.GetDirectoryName(c)! : null;
        if (bench is null)
        {
            Console.WriteLine("conflicts: ../shared/bench/contradiction is absent; skipping.");
            return 0;
        }

        var clusters = args.Contains("--all-duc") ? 50 : 10;
        var judgements = LoadJudgements(Path.Combine(Extraction.BenchData.RepositoryRoot(), JudgementsFile));
        var reported = Collect(bench, clusters);
        int real = 0, judged = 0;
        foreach (var r in reported)
        {
            var verdict = judgements.FirstOrDefault(j => j.Story == r.Story && j.Key == r.Key);
            judged += verdict is null ? 0 : 1;
            real += verdict?.Real == true ? 1 : 0;
            Console.WriteLine($"{r.Story,-16} {r.Key}  {(verdict is null ? "UNJUDGED" : verdict.Real ? "real " : "false")}  {r.Conflict.Topic}: {string.Join(" | ", r.Conflict.Values.Select(v => $"{v.Value} [{string.Join(',', v.Sources)}]"))}");
        }

        // Speed: the brief of the 46-article story once its articles are read and extracted (median of 15 after two warm-ups).
        var recession = new ArticleSource(InputLimits.Default).ReadAll([Path.Combine(bench, "contradiction", "discord_questions", "documents_recession.json")]).Articles;
        var pipeline = new BriefPipeline();
        pipeline.RunAsOneStory(recession);
        pipeline.RunAsOneStory(recession);
        var times = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            pipeline.RunAsOneStory(recession);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"brief of the {recession.Count}-article story: {times[times.Count / 2]:0} ms (median of {times.Count}; range {times[0]:0}-{times[^1]:0} ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stories: the 46-outlet story + {clusters} DUC 2004 clusters; conflicts reported {reported.Count}, judged {judged}, real {real}; precision {(judged == 0 ? "n/a" : (real / (double)judged).ToString("0.00", CultureInfo.InvariantCulture))}"));
        return 0;
    }

    /// <summary>The conflicts of the recession story and of the first <paramref name="ducClusters"/> DUC clusters, each taken as one story.</summary>
    public static List<ReportedConflict> Collect(string bench, int ducClusters)
    {
        // Stories are named by their place in the benchmark, never by its ids: the 46-outlet story, then the DUC
        // clusters by sorted position.
        var stories = new List<(string Name, string Path)> { ("46-outlet story", Path.Combine(bench, "contradiction", "discord_questions", "documents_recession.json")) };
        var docs = Path.Combine(bench, "summarization", "duc2004", "docs");
        if (Directory.Exists(docs))
        {
            stories.AddRange(Directory.GetDirectories(docs).Order(StringComparer.Ordinal).Take(ducClusters).Select((d, i) => ($"DUC cluster {i + 1}", d)));
        }

        var pipeline = new BriefPipeline();
        var reported = new List<ReportedConflict>();
        foreach (var (name, path) in stories)
        {
            var articles = new ArticleSource(InputLimits.Default).ReadAll([path]).Articles;
            var brief = pipeline.RunAsOneStory(articles);
            foreach (var conflict in brief.Stories.SelectMany(s => s.Conflicts))
            {
                reported.Add(new ReportedConflict(name, Key(conflict), conflict));
            }
        }

        return reported;
    }

    public static string Key(ConflictLine conflict)
    {
        var text = conflict.Topic + "|" + string.Join("|", conflict.Values.Select(v => v.Value + ":" + string.Join(",", v.Sources.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    public static List<ConflictJudgement> LoadJudgements(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<List<ConflictJudgement>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? [] : [];
}
