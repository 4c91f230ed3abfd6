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
        var stories = BriefPipeline.Number(new BriefPipeline().Cluster(BriefPipeline.Analyze(batch.Articles)));
        var storyOf = stories.SelectMany(s => s.Articles.Select(a => (a.Id, s.Id))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        var copyOf = stories.Where(s => s.Articles.Count > 1)
            .SelectMany(s => Clustering.CopyDetector.Detect(s.Articles))
            .ToDictionary(c => c.ArticleId, c => c.SourceId, StringComparer.Ordinal);
        var tsv = arguments.Value("--format") == "tsv";
        foreach (var article in batch.Articles)
        {
            console.Out.WriteLine(tsv
                ? $"{article.Id}\t{storyOf[article.Id]}"
                : Json.Serialize(new { id = article.Id, story = storyOf[article.Id], copyOf = copyOf.GetValueOrDefault(article.Id) }));
        }

        return batch.Problems.Count > 0 ? 1 : 0;
    }
}
