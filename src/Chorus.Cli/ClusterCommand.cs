using Chorus.Pipeline;

namespace Chorus.Cli;

/// <summary><c>chorus cluster</c>: assigns every article to a story and names the article it copies.</summary>
internal sealed class ClusterCommand : Command
{
    public override string Name => "cluster";

    public override string Summary => "Assign every article to a story, one line per article.";

    public override string Usage => "cluster [--format jsonl|tsv] PATH...";

    public override string Details => """
        Reads the same inputs as 'extract', plus JSONL article files (id, title, text, and optional
        published, site, url). Articles are taken in publication order when dates are known, otherwise in
        input order, and each joins the nearest story or starts a new one.

        jsonl writes {"id","story","copyOf"} per article; copyOf names the article it copies, or null.
        tsv writes id<TAB>story.

        Example:
          chorus cluster --format tsv samples/coverage
        """;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--format", "FORMAT", "output format", "jsonl", ["jsonl", "tsv"]),
        .. CommandInputs.LimitOptions,
        new("--help", null, "show this help"),
    ];

    public override int Run(ParsedArguments arguments, Console console)
    {
        var batch = new ArticleSource(CommandInputs.Limits(arguments), console.OpenInput).ReadAll(CommandInputs.Paths(arguments));
        CommandInputs.Report(batch, console);
        // Clustering needs only light features, and copy detection only a print of each article (text key, MinHash,
        // sentence terms) made one story at a time: no full analysis is made or held for the whole input.
        var stories = new BriefPipeline().ClusterLight(batch.Articles);
        var storyOf = new string[batch.Articles.Count];
        for (var s = 0; s < stories.Count; s++)
        {
            foreach (var member in stories[s])
            {
                storyOf[member] = $"s{s + 1}";
            }
        }

        var copyOf = stories.Where(s => s.Count > 1)
            .AsParallel()
            .SelectMany(s => Clustering.CopyDetector.Detect(s.Select(i => Clustering.CopyPrint.Of(batch.Articles[i])).ToList()))
            .ToDictionary(c => c.ArticleId, c => c.SourceId, StringComparer.Ordinal);
        var tsv = arguments.Value("--format") == "tsv";
        for (var i = 0; i < batch.Articles.Count; i++)
        {
            var id = batch.Articles[i].Id;
            console.Out.WriteLine(tsv
                ? $"{id}\t{storyOf[i]}"
                : Json.Serialize(new { id, story = storyOf[i], copyOf = copyOf.GetValueOrDefault(id) }));
        }

        return batch.Problems.Count > 0 ? 1 : 0;
    }
}
