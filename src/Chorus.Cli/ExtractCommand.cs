using Chorus.Extraction;
using Chorus.Pipeline;

namespace Chorus.Cli;

/// <summary><c>chorus extract</c>: one JSON line per document with its metadata and clean text.</summary>
internal sealed class ExtractCommand : Command
{
    public override string Name => "extract";

    public override string Summary => "Extract the article text and metadata from pages, one JSON line per document.";

    public override string Usage => "extract [--format jsonl] PATH...";

    public override string Details => """
        PATH may be a file (.txt, .html, .htm, .jsonl, .json, a .warc or .arc web archive, an RSS or
        Atom feed as .xml, .rss or .atom, each optionally .gz), a directory (read recursively) or '-'
        for standard input. An archive's records that are not pages (requests, metadata, images) are
        skipped and counted on stderr. Each output line holds id, source, url, title, site,
        author, published (ISO 8601 or null), language and text. A file's id is its name without
        extensions: a1b2.html.gz gives a1b2.

        Inputs that cannot be read are named on stderr with the reason; the exit code is then 1.

        Example:
          chorus extract samples/coverage > articles.jsonl
        """;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--format", "FORMAT", "output format", "jsonl", ["jsonl"]),
        .. CommandInputs.LimitOptions,
        new("--help", null, "show this help"),
    ];

    public override int Run(ParsedArguments arguments, Console console)
    {
        var limits = CommandInputs.Limits(arguments);
        var failures = 0;
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var result in new ArticleSource(limits, console.OpenInput).Read(CommandInputs.Paths(arguments)))
        {
            if (result.Skipped is { } reason)
            {
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
                if (result.Warning is { } warning)
                {
                    console.Error.WriteLine($"chorus: warning: {warning}");
                }
            }
            else if (result.Article is { } article)
            {
                console.Out.WriteLine(Json.Serialize(ArticleLine.From(article)));
                CommandInputs.ReportWarnings(article, console);
            }
            else if (result.Problem is { } problem)
            {
                failures++;
                console.Error.WriteLine($"chorus: {problem}");
            }
        }

        CommandInputs.ReportSkipped(skipped, console);
        return failures > 0 ? 1 : 0;
    }
}

/// <summary>The JSON shape of one extracted article.</summary>
internal sealed record ArticleLine(string Id, string Source, string? Url, string? Title, string? Site, string? Author, string? Published, string? Language, string Text)
{
    public static ArticleLine From(Article article) => new(
        article.Id, article.Source, article.Url, article.Title, article.Site, article.Author,
        article.Published?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), article.Language, article.Text);
}

/// <summary>Input handling shared by the commands that read paths.</summary>
internal static class CommandInputs
{
    public static IReadOnlyList<string> Paths(ParsedArguments arguments) =>
        arguments.Positionals.Count > 0 ? arguments.Positionals : throw new UsageException("no PATH given (a file, a directory, or '-' for stdin)");

    /// <summary>The options that bound what one hostile input can cost, shared by every command that reads inputs.</summary>
    public static IReadOnlyList<OptionSpec> LimitOptions { get; } =
    [
        new("--max-page-bytes", "N", "largest page accepted after decompression", "16777216"),
        new("--max-page-seconds", "S", "longest time spent extracting one page", "10"),
    ];

    public static Ingest.InputLimits Limits(ParsedArguments arguments)
    {
        var limits = Ingest.InputLimits.Default;
        if (arguments.Value("--max-page-seconds") is { } seconds)
        {
            if (!double.TryParse(seconds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) || s <= 0 || s > 3600)
            {
                throw new UsageException($"'{seconds}' is not a valid time for '--max-page-seconds' (more than 0, at most 3600)");
            }

            limits = limits with { MaxPageTime = TimeSpan.FromSeconds(s) };
        }

        if (arguments.Value("--max-page-bytes") is { } value)
        {
            if (!long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var bytes) || bytes < 1024)
            {
                throw new UsageException($"'{value}' is not a valid byte count for '--max-page-bytes' (at least 1024)");
            }

            limits = limits with { MaxPageBytes = bytes };
        }

        return limits;
    }

    /// <summary>One line for the inputs passed over, by reason: "skipped 12 inputs: 6 request record, 4 warcinfo record, ...".</summary>
    public static void ReportSkipped(IReadOnlyDictionary<string, int> skipped, Console console)
    {
        if (skipped.Count > 0)
        {
            var count = skipped.Values.Sum();
            console.Error.WriteLine($"chorus: skipped {count} {(count == 1 ? "input that is not a page" : "inputs that are not pages")}: {string.Join(", ", skipped.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} {s.Key}"))}");
        }
    }

    /// <summary>Names every failed input on stderr with its reason, and the warnings of the rest.</summary>
    public static void Report(ArticleBatch batch, Console console) => Report(batch.Skipped, batch.Problems, batch.Warnings, console);

    /// <summary>The same report for a read whose articles were consumed as they came.</summary>
    public static void Report(ReadTally tally, Console console) => Report(tally.Skipped, tally.Problems, tally.Warnings, console);

    private static void Report(IReadOnlyDictionary<string, int> skipped, IEnumerable<Diagnostic> problems, IEnumerable<Diagnostic> warnings, Console console)
    {
        ReportSkipped(skipped, console);
        foreach (var problem in problems)
        {
            console.Error.WriteLine($"chorus: {problem}");
        }

        foreach (var warning in warnings)
        {
            console.Error.WriteLine($"chorus: warning: {warning}");
        }
    }

    public static void ReportWarnings(Article article, Console console)
    {
        foreach (var warning in article.Diagnostics)
        {
            console.Error.WriteLine($"chorus: warning: {warning}");
        }
    }
}
