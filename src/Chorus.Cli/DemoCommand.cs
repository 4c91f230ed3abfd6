using Chorus.Rendering;

namespace Chorus.Cli;

/// <summary><c>chorus demo</c>: ingests the bundled sample coverage into a fresh store and shows the main story's brief.</summary>
internal sealed class DemoCommand : Command
{
    public override string Name => "demo";

    public override string Summary => "Ingest the bundled sample coverage into a fresh store and show the main story's brief.";

    public override string Usage => "demo [--samples DIR]";

    public override string Details => """
        The samples are fictional coverage written by the Chorus team: one main event reported by eight
        outlets (a wire story, two near-copies, a machine-translated rewrite and independent reports that
        disagree on the day, the duration, the venue and a title), a second event and an unrelated article.
        The demo stores them in a temporary SQLite store, deleted when it ends, prints the main story's
        brief as Markdown and writes an HTML brief to chorus-demo-USER/brief.html in the temporary directory
        (replaced by each run), whose path it prints last.
        """;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--samples", "DIR", "the sample coverage to use", "samples/ next to the chorus script"),
        new("--help", null, "show this help"),
    ];

    public override int Run(ParsedArguments arguments, Console console)
    {
        if (arguments.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{arguments.Positionals[0]}' (the demo reads its own samples; use --samples DIR for others)");
        }

        var samples = arguments.Value("--samples") ?? FindSamples();
        if (samples is null || !Directory.Exists(samples))
        {
            console.Error.WriteLine("chorus demo: cannot find the samples directory; pass --samples DIR");
            return 1;
        }

        // The store lives in a folder of its own for this run, deleted when the run ends, whether or not it succeeds.
        var directory = Path.Combine(Path.GetTempPath(), $"chorus-demo-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            return Run(samples, Path.Combine(directory, "chorus.db"), console);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"chorus demo: could not delete the temporary store {directory}: {e.Message}");
            }
        }
    }

    private static int Run(string samples, string database, Console console)
    {
        using var store = Storage.SqliteStore.Open(database);
        console.Out.WriteLine($"Ingesting {samples} into a temporary store");
        var report = IngestCommand.Ingest(store, [samples], Ingest.InputLimits.Default, console, quiet: false, temporary: true);
        console.Out.WriteLine();

        var main = store.Stories().FirstOrDefault();
        if (main is null)
        {
            console.Error.WriteLine("chorus demo: no story was built from the samples");
            return 1;
        }

        var brief = ShowCommand.StoredBrief(store, main.Id, 120)!;
        console.Out.Write(MarkdownBriefRenderer.Render(brief));

        // One file, replaced by each run, so that demos leave nothing to pile up; in a folder of the user's own, so that
        // no other user of the machine can put a file or a link in its place.
        var folder = Path.Combine(Path.GetTempPath(), $"chorus-demo-{Environment.UserName}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var html = Path.Combine(folder, "brief.html");
        File.WriteAllText(html, HtmlBriefRenderer.Render(brief));
        console.Out.WriteLine($"HTML brief: {html}");
        return report.Counts.Rejected > 0 ? 1 : 0;
    }

    /// <summary>samples/ under the current directory, or next to the repository the binary was built from.</summary>
    private static string? FindSamples()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "samples");
                if (Directory.Exists(Path.Combine(candidate, "coverage")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
