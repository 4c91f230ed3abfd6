using Chorus.Clustering;
using Chorus.Pipeline;
using Chorus.Rendering;
using Chorus.Summary;

namespace Chorus.Cli;

/// <summary><c>chorus brief</c>: clusters the inputs and writes a cited brief per story.</summary>
internal sealed class BriefCommand : Command
{
    public override string Name => "brief";

    public override string Summary => "Cluster the inputs and write a cited brief for every story of two or more articles.";

    public override string Usage => "brief [--format md|json|html] [--words N] [--one-story] PATH...  |  brief --each-dir DIR [--words N]";

    public override string Details => """
        Each brief holds a short summary in which every sentence cites the articles that support it, the
        facts the sources agree on, where they contradict each other (with each side's exact words), the
        people involved with their name variants merged, who said what, and a trust score per source.
        Stories of one article are listed briefly at the end.

        --one-story takes every input as coverage of one story (no clustering): for a set of articles already
        gathered around one event, where some are only loosely on topic.

        --each-dir DIR treats each subdirectory of DIR as one story given in advance (no clustering) and
        writes one JSON line per subdirectory: {"story": name, "summary": [{"text","sources"}]}.

        Examples:
          chorus brief samples/coverage
          chorus brief --format html samples/coverage > brief.html
          chorus brief --one-story coverage.json
          chorus brief --each-dir stories/ --words 100
        """;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--format", "FORMAT", "output format: md (Markdown), json (docs/brief.schema.json), html, or jsonl, the one format of --each-dir (without it, the same as json)", "md", ["md", "json", "html", "jsonl"]),
        new("--words", "N", "the summary's word cap", "120"),
        new("--one-story", null, "take all inputs as one story, without clustering"),
        new("--each-dir", "DIR", "summarise each subdirectory of DIR as one story, without clustering"),
        .. CommandInputs.LimitOptions,
        new("--help", null, "show this help"),
    ];

    public override int Run(ParsedArguments arguments, Console console)
    {
        var words = IntOption(arguments, "--words", 120, 10, 5000);
        var pipeline = new BriefPipeline(ClusteringOptions.Default, new BriefOptions(words));
        var source = new ArticleSource(CommandInputs.Limits(arguments), console.OpenInput);
        if (arguments.Value("--each-dir") is { } root)
        {
            if (arguments.Positionals.Count > 0)
            {
                throw new UsageException("--each-dir takes no PATH arguments");
            }

            return EachDirectory(root, source, pipeline, console);
        }

        var batch = source.ReadAll(CommandInputs.Paths(arguments));
        CommandInputs.Report(batch, console);
        var brief = arguments.Has("--one-story") ? pipeline.RunAsOneStory(batch.Articles) : pipeline.Run(batch.Articles);
        console.Out.Write(Render(brief, arguments.Value("--format")));
        return batch.Problems.Count > 0 ? 1 : 0;
    }

    /// <summary>A brief in the format a command was asked for: md (the default), json or html.</summary>
    public static string Render(Brief brief, string? format) => format switch
    {
        "json" or "jsonl" => JsonBriefRenderer.Render(brief) + "\n",
        "html" => HtmlBriefRenderer.Render(brief),
        _ => MarkdownBriefRenderer.Render(brief),
    };

    private static int EachDirectory(string root, ArticleSource source, BriefPipeline pipeline, Console console)
    {
        if (!Directory.Exists(root))
        {
            console.Error.WriteLine($"chorus brief: {root}: no such directory");
            return 1;
        }

        var directories = Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToList();
        if (directories.Count == 0)
        {
            console.Error.WriteLine($"chorus brief: {root}: no subdirectories; --each-dir reads each subdirectory as one story");
            return 1;
        }

        var failed = false;
        foreach (var directory in directories)
        {
            var name = Path.GetFileName(directory);
            var batch = source.ReadAll([directory]);
            CommandInputs.Report(batch, console);
            failed |= batch.Problems.Count > 0;
            var summary = pipeline.Summarize(name, batch.Articles);
            console.Out.WriteLine(Json.Serialize(new { story = name, summary = summary.Select(s => new { text = s.Text, sources = s.Sources }) }));
        }

        return failed ? 1 : 0;
    }
}
