using Chorus.Pipeline;

namespace Chorus.Cli;

/// <summary><c>chorus cluster</c>: assigns every article to a story and names the article it copies.</summary>
internal sealed class ClusterCommand : Command
{
    public override string Name => "cluster";

    public override string Summary => "Assign every article to a story, one line per article.";

    public override string Usage => "cluster [--format jsonl|tsv] [--quiet] PATH...";

    public override string Details => """
        Reads the same inputs as 'extract', plus JSONL article files (id, title, text, and optional
        published, site, url). Articles are taken in publication order when dates are known, otherwise in
        input order, and each joins the nearest story or starts a new one.

        jsonl writes {"id","story","copyOf"} per article; copyOf names the article it copies, or null.
        tsv writes id<TAB>story.

        The input streams through: only a compact summary of each article is kept, so a million articles
        fit in a few GB. A run longer than a few seconds reports the articles read and the rate on stderr,
        every five seconds, then each later step; --quiet turns that off.

        Example:
          chorus cluster --format tsv samples/coverage
        """;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--format", "FORMAT", "output format: jsonl or tsv", "jsonl", ["jsonl", "tsv"]),
        new("--quiet", null, "print nothing but errors and warnings"),
        .. CommandInputs.LimitOptions,
        new("--help", null, "show this help"),
    ];

    public override int Run(ParsedArguments arguments, Console console)
    {
        // The input streams through: only each article's light clustering features and copy print are kept.
        var tally = new ReadTally();
        var progress = new ReadProgress(arguments.Has("--quiet") ? TextWriter.Null : console.Error, Name);
        var articles = tally.Articles(new ArticleSource(CommandInputs.Limits(arguments), console.OpenInput).Read(CommandInputs.Paths(arguments)));
        var found = new BriefPipeline().ClusterLight(progress.Track(articles, "clustering"));
        CommandInputs.Report(tally, console);
        progress.Step(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{found.Stories.Count:N0} stories; finding copies"));
        var storyOf = new string[found.Ids.Count];
        for (var s = 0; s < found.Stories.Count; s++)
        {
            foreach (var member in found.Stories[s])
            {
                storyOf[member] = $"s{s + 1}";
            }
        }

        var copyOf = found.Copies();
        var tsv = arguments.Value("--format") == "tsv";
        for (var i = 0; i < found.Ids.Count; i++)
        {
            var id = found.Ids[i];
            console.Out.WriteLine(tsv
                ? $"{id}\t{storyOf[i]}"
                : Json.Serialize(new { id, story = storyOf[i], copyOf = copyOf.GetValueOrDefault(id) }));
        }

        return tally.Problems.Count > 0 ? 1 : 0;
    }
}
