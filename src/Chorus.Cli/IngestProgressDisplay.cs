using System.Globalization;
using Chorus.Pipeline;
using Spectre.Console;

namespace Chorus.Cli;

/// <summary>
/// Shows a long ingest's progress on stderr: a live bar with the count, rate and time left (Spectre.Console) when
/// stderr is a terminal, a plain line per stored batch when it is a file or a pipe, and nothing with --quiet.
/// </summary>
internal sealed class IngestProgressDisplay(Console console, bool quiet)
{
    private const string Waiting = "waiting for another writer to finish with the store";

    /// <summary>Runs the ingest, showing its progress; <paramref name="expected"/> is the input count when known beforehand.</summary>
    public IngestReport Run(Func<Action<IngestProgress>, IngestReport> ingest, int? expected)
    {
        if (quiet)
        {
            return ingest(_ => { });
        }

        var started = DateTime.UtcNow;
        double Rate(int inputs) => inputs / Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
        if (!console.ErrorIsTerminal)
        {
            return ingest(p => console.Error.WriteLine(p.WaitingForWriter ? $"chorus ingest: {Waiting}" : string.Create(
                CultureInfo.InvariantCulture,
                $"chorus ingest: {p.Inputs}{(expected is { } n && p.Inputs <= n ? $" of {n}" : "")} inputs ({Rate(p.Inputs):0}/s): {p.Stored} stored, {p.Duplicates} duplicates, {p.Rejected} rejected")));
        }

        // The caller has decided stderr is a terminal, so the live display is wanted even where detection would say otherwise.
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error), Interactive = InteractionSupport.Yes });
        IngestReport? report = null;
        terminal.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("ingest", maxValue: Math.Max(1, expected ?? 1));
                task.IsIndeterminate = expected is null;
                report = ingest(p =>
                {
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Inputs} inputs, {Rate(p.Inputs):0}/s, {p.Stored} stored") + (p.WaitingForWriter ? $", {Waiting}" : "");
                    if (expected is not null)
                    {
                        task.Value = Math.Min(p.Inputs, task.MaxValue);
                    }

                    context.Refresh();
                });
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return report!;
    }

    /// <summary>
    /// The number of inputs under the paths when it can be known cheaply: a file per page, a line per JSONL
    /// article. Archives, feeds and standard input hold an unknown number, and give null.
    /// </summary>
    public static int? Expected(IReadOnlyList<string> paths)
    {
        var total = 0;
        foreach (var path in paths)
        {
            if (path == "-")
            {
                return null;
            }

            if (File.Exists(path))
            {
                // A file named on the command line is read whatever its name; one of no known kind may be anything.
                if (Ingest.InputReader.ItemsIn(path) is not (> 0 and var items))
                {
                    return null;
                }

                total += items;
                continue;
            }

            if (!Directory.Exists(path) || Ingest.InputReader.NothingToRead(path) is not null)
            {
                total++; // the path itself is one rejected input
                continue;
            }

            foreach (var file in Ingest.InputReader.FilesUnder(path))
            {
                if (!Ingest.InputReader.IsSupported(file))
                {
                    total++; // skipped by name, and counted
                    continue;
                }

                if (Ingest.InputReader.ItemsIn(file) is not { } items)
                {
                    return null;
                }

                total += items;
            }
        }

        return total;
    }
}
