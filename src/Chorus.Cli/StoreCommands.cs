using System.Globalization;
using Chorus.Clustering;
using Chorus.Facts;
using Chorus.Pipeline;
using Chorus.Rendering;
using Chorus.Storage;
using Chorus.Summary;

namespace Chorus.Cli;

/// <summary><c>chorus ingest</c>: stores inputs, skipping duplicates and naming rejections; new articles join stories.</summary>
internal sealed class IngestCommand : Command
{
    public override string Name => "ingest";

    public override string Summary => "Store articles (SQLite or PostgreSQL) and put them in stories, or publish them to a queue.";

    public override string Usage => "ingest [--db FILE|URL] [--batch N] [--briefs] [--quiet] PATH...\n       chorus ingest --queue amqp://HOST [--queue-name NAME] [--rate N] [--quiet] PATH...";

    public override string Details => """
        Every input ends in exactly one state, recorded in the store's ledger: stored, duplicate (same text
        or same URL as a stored article; the extra URL is kept), rejected (with the reason, also printed
        on stderr) or skipped (an archive's records that are not pages). The counts printed at the end add
        up to the number of inputs. Re-ingesting the same input stores nothing and says so.

        Each new article joins a story as its batch is stored. When the run ends, the whole store is
        clustered again, so the stories do not depend on how the input was split into runs; the few
        earlier articles that now belong elsewhere move, and the run says how many. Stories keep their
        ids where most of their articles stay together.

        Each batch of --batch inputs is stored in one transaction: a run that is stopped keeps every batch
        it finished, and running it again completes the rest.

        A story's brief is built when it is first read ('chorus show', 'chorus serve') and kept in the
        store until the story's articles change. With --briefs, the run builds the briefs of the stories
        it changed before it ends, so that no reader waits for one.

        Several ingests (and uploads to 'chorus serve') may write to one store at once. Each batch and the
        final revision wait for the other writers' current write, then take in what they stored, so the
        stories end as if the runs had come one after the other.

        Progress goes to stderr: a live bar with the count, rate and time left on a terminal, a line per
        stored batch otherwise, nothing with --quiet.

        With --queue, the inputs are not stored here: each input item (a page, an archive's record, a
        feed's item, a JSONL line) is published to a RabbitMQ queue as one persistent message, and
        'chorus worker' processes on any machines extract and store them. The run ends when the broker
        has confirmed every message; the counts of stored, duplicate and rejected inputs are the
        workers' to tell (see 'chorus worker --help'). Any number of publishers may run at once.

        Example:
          chorus ingest --db news.db samples/coverage
          chorus stories --db news.db
          chorus ingest --queue amqp://guest:guest@127.0.0.1:25672/ samples/coverage
        """;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        StoreOption.Spec,
        new("--batch", "N", "inputs stored per transaction", "500"),
        QueueOption.Spec,
        QueueOption.NameSpec,
        new("--rate", "N", "with --queue: publish at most N inputs a second (default: as fast as the broker takes them)"),
        new("--briefs", null, "build the briefs of the stories the run changed and keep them in the store (otherwise a view builds a story's brief when it is first read, and keeps it)"),
        new("--quiet", null, "print nothing but errors"),
        .. CommandInputs.LimitOptions,
        new("--help", null, "show this help"),
    ];

    public override int Run(ParsedArguments arguments, Console console)
    {
        var paths = CommandInputs.Paths(arguments);
        var limits = CommandInputs.Limits(arguments);
        var batch = IntOption(arguments, "--batch", 500, 1, 100_000);
        var unreadable = paths.Select(p => (Path: p, Why: Chorus.Ingest.InputReader.NothingToRead(p))).Where(p => p.Why is not null).ToList();
        if (unreadable.Count == paths.Count)
        {
            // Nothing to ingest at all: say why for each path, and leave no empty store behind.
            foreach (var (path, why) in unreadable)
            {
                console.Error.WriteLine($"chorus: {path}: {why}");
            }

            return 1;
        }

        var quiet = arguments.Has("--quiet");
        if (arguments.Has("--rate") && !arguments.Has("--queue"))
        {
            throw new UsageException("--rate paces publishing to a queue; it needs --queue");
        }

        if (QueueOption.Queue(arguments) is { } queue)
        {
            if (arguments.Has("--db"))
            {
                throw new UsageException("--db and --queue do not go together: with --queue, the workers write to their store");
            }

            if (arguments.Has("--briefs"))
            {
                throw new UsageException("--briefs and --queue do not go together: with --queue, the workers build the briefs ('chorus worker --briefs')");
            }

            var rate = arguments.Value("--rate") is { } text
                ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 && r <= 1_000_000 ? r : throw new UsageException($"--rate takes a number of inputs a second above 0, not '{text}'")
                : 0;
            return Publish(queue, paths, limits, console, quiet, rate);
        }

        using var store = StoreOption.Open(arguments, mustExist: false);
        var report = Ingest(store, paths, limits, console, quiet, batch, briefs: arguments.Has("--briefs"));
        return report.Counts.Rejected > 0 ? 1 : 0;
    }

    /// <param name="batch">Inputs stored per transaction.</param>
    /// <param name="temporary">The store is deleted after the run (the demo's), so its path is not worth printing.</param>
    /// <param name="briefs">The briefs of the stories the run changed are built and kept in the store.</param>
    public static IngestReport Ingest(IStore store, IReadOnlyList<string> paths, Ingest.InputLimits limits, Console console, bool quiet, int batch = 500, bool temporary = false, bool briefs = false)
    {
        var ingestor = new Ingestor(store, limits, ClusteringOptions.Default, TimeProvider.System, console.OpenInput) { BatchSize = batch };
        var report = new IngestProgressDisplay(console, quiet).Run(progress => ingestor.Ingest(paths, progress), quiet ? null : IngestProgressDisplay.Expected(paths));
        foreach (var problem in report.Problems)
        {
            console.Error.WriteLine($"chorus: {problem}");
        }

        if (!quiet)
        {
            foreach (var warning in report.Warnings ?? [])
            {
                console.Error.WriteLine($"chorus: warning: {warning}");
            }

            var counts = report.Counts;
            console.Out.WriteLine($"{Plural(counts.Total, "input", "inputs")}: {counts.Stored} stored, {counts.Duplicates} duplicates, {counts.Rejected} rejected" + (counts.Skipped > 0 ? $", {counts.Skipped} skipped (archive records and files that are not pages)." : "."));
            if (counts.Stored == 0 && counts.Duplicates > 0 && counts.Rejected == 0)
            {
                console.Out.WriteLine("Nothing new: every input was already in the store.");
            }
            else
            {
                console.Out.WriteLine($"{Plural(report.NewStories.Count, "new story", "new stories")}, {Plural(report.GrownStories.Count, "existing story", "existing stories")} grew." + (temporary ? "" : $" Store: {store.Path}"));
            }

            if (report.MovedArticles > 0)
            {
                var merged = report.MergedStories is { Count: > 0 } ids ? $"; {Plural(ids.Count, "story", "stories")} merged into others ({string.Join(", ", ids)})" : "";
                var reason = counts.Stored > 0 ? "Revised with the new coverage" : "Revised (the stories were made by an older Chorus or with other options)";
                console.Out.WriteLine($"{reason}: {Plural(report.MovedArticles, "earlier article", "earlier articles")} moved to another story{merged}.");
            }
        }

        if (briefs && (report.Counts.Stored > 0 || report.MovedArticles > 0))
        {
            var shown = System.Diagnostics.Stopwatch.StartNew();
            var refresh = new StoryBriefs(new BriefPipeline()).Refresh(store, (built, of) =>
            {
                if (!quiet && shown.ElapsedMilliseconds >= 2000)
                {
                    console.Error.WriteLine($"chorus: building briefs: {built} of {of}");
                    shown.Restart();
                }
            });
            if (!quiet && refresh.Built > 0)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Built the briefs of {Plural(refresh.Built, "changed story", "changed stories")} in {refresh.Took.TotalSeconds:0.0} s; views read them from the store."));
            }
        }

        return report;
    }

    /// <summary>Publishes the inputs' items to the queue; every unreadable path is still told, and counts as a failure.</summary>
    private static int Publish(Chorus.Queue.InputQueue queue, IReadOnlyList<string> paths, Ingest.InputLimits limits, Console console, bool quiet, double rate)
    {
        var items = new Ingest.InputReader(limits, console.OpenInput).Read(paths);
        var publisher = new Chorus.Queue.InputPublisher(queue) { MaxRate = rate };
        var lastShown = System.Diagnostics.Stopwatch.StartNew();
        var report = publisher.PublishAsync(items, published =>
        {
            if (!quiet && lastShown.ElapsedMilliseconds >= 2000)
            {
                console.Error.WriteLine($"chorus: {published:N0} inputs published");
                lastShown.Restart();
            }
        }).GetAwaiter().GetResult();
        if (!quiet)
        {
            var notes = report.Rejected + report.Skipped > 0 ? $" ({report.Rejected} already rejected by the reader, {report.Skipped} to be skipped)" : "";
            console.Out.WriteLine($"{Plural(report.Published, "input", "inputs")} published to {queue.Name} at {queue.Shown}{notes}; publication {report.Publication}.");
            console.Out.WriteLine("Workers ('chorus worker') store them; their ledger rows carry the publication's id.");
        }

        return report.Rejected > 0 ? 1 : 0;
    }

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}

/// <summary><c>chorus worker</c>: takes inputs from the queue, extracts and stores them, until stopped.</summary>
internal sealed class WorkerCommand : Command
{
    public override string Name => "worker";

    public override string Summary => "Take inputs from a RabbitMQ queue and store them: one of any number of workers.";

    public override string Usage => "worker --queue amqp://HOST [--queue-name NAME] [--db FILE|URL] [--batch N] [--threads N] [--until-empty] [--briefs] [--quiet]";

    public override string Details => """
        A worker takes the input items that 'chorus ingest --queue' published, in batches: it extracts
        each, stores the batch in one transaction of the store (--db, usually a postgres:// URL shared by
        every worker), and only then acknowledges the batch's messages. Run as many as you like, on as
        many machines: extraction runs in all of them at once. Stories are assigned in partitions, by
        language and fourteen-day window of publication: on PostgreSQL, workers whose batches fall in
        different partitions write at once, and one partition has one writer at a time (on SQLite, the
        whole store has).

        Nothing is lost and nothing is counted twice. A worker that dies leaves its messages to the
        queue, which delivers them again; inputs whose batch was already stored are recognised by their
        key and passed over. When the store or the broker goes away, the worker waits for it and goes on.
        A message that cannot be stored, even alone, is rejected in the ledger with the reason and sent to
        the dead-letter queue (NAME.dead) for an operator to look at.

        When the queue has been quiet for two seconds, and at least once a minute while it is busy, the
        worker revises the stories over the whole store, as an ingest does at its end. With --briefs, it
        then also builds the briefs of the stories that changed (when the queue is quiet) and keeps them
        in the store, where 'chorus show' and 'chorus serve' read them; without it, a view builds a
        story's brief when it is first read, and keeps it.

        It runs until stopped (Ctrl+C finishes the batch in hand), or with --until-empty until the queue
        has nothing left. The counts printed at the end are this worker's; 'chorus stories' reads the
        whole store, and a closing line says where this worker's time went (extraction, the lock, the
        runtime's compiling and garbage collection).

        Several workers on one machine do best with --threads 1 each. Started by ./chorus, a worker runs
        its ahead-of-time compiled code without tiered compilation (DOTNET_TieredCompilation=0): on busy
        cores, tiered compilation leaves code at its slowest tier for long. Where you start a worker with
        'dotnet Chorus.Cli.dll', set that variable yourself.

        Example:
          scripts/servers.sh start
          chorus worker --queue amqp://guest:guest@127.0.0.1:25672/ --db postgres://postgres@127.0.0.1:25432/chorus &
          chorus ingest --queue amqp://guest:guest@127.0.0.1:25672/ samples/coverage
        """;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        QueueOption.Spec,
        QueueOption.NameSpec,
        StoreOption.Spec,
        new("--batch", "N", "inputs stored per transaction", "100"),
        new("--threads", "N", "threads that extract a batch; run more workers, of one thread each, to spread over cores and machines", "one a core"),
        new("--until-empty", null, "stop when the queue has nothing left, instead of waiting for more"),
        new("--briefs", null, "when the queue is quiet, build the briefs of the stories that changed and keep them in the store"),
        new("--quiet", null, "print nothing but errors"),
        .. CommandInputs.LimitOptions,
        new("--help", null, "show this help"),
    ];

    public override int Run(ParsedArguments arguments, Console console)
    {
        var queue = QueueOption.Queue(arguments) ?? throw new UsageException("--queue is required: the amqp:// URL of the broker that holds the inputs");
        var batch = IntOption(arguments, "--batch", 100, 1, 10_000);
        var quiet = arguments.Has("--quiet");
        var threads = IntOption(arguments, "--threads", 0, 1, 256); // 0: one a core
        var options = new Chorus.Queue.WorkerOptions(batch, UntilEmpty: arguments.Has("--until-empty"), Briefs: arguments.Has("--briefs"), Threads: threads);
        var worker = new Chorus.Queue.IngestWorker(queue, StoreOption.Target(arguments), CommandInputs.Limits(arguments), ClusteringOptions.Default, TimeProvider.System, options);
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // finish the batch in hand, then stop
            stop.Cancel();
        };
        System.Console.CancelKeyPress += onCancel;
        try
        {
            var report = worker.RunAsync(e =>
            {
                if (e.Problem || !quiet)
                {
                    console.Error.WriteLine($"chorus worker: {e.Message}");
                }
            }, stop.Token).GetAwaiter().GetResult();
            if (!quiet)
            {
                console.Out.WriteLine($"{report.Inputs} inputs: {report.Stored} stored, {report.Duplicates} duplicates, {report.Rejected} rejected ({report.DeadLettered} sent to {queue.DeadName}); {report.Redelivered} came again after another delivery; {report.Revisions} revisions moved {report.Moved} articles; {report.Briefs} briefs built.");
                var latency = report.Latency is { } l ? string.Create(CultureInfo.InvariantCulture, $"; publish to commit: median {l.Median.TotalMilliseconds:0} ms, 95th percentile {l.P95.TotalMilliseconds:0} ms") : "";
                var locked = report.Writing;
                var rate = locked.Total > TimeSpan.Zero
                    ? string.Create(CultureInfo.InvariantCulture, $" ({report.Inputs / locked.Total.TotalSeconds:0} inputs/s there: catching up {locked.CatchingUp.TotalSeconds:0.0} s, lookups {locked.Lookups.TotalSeconds:0.0} s, assignment {locked.Assignment.TotalSeconds:0.0} s, rows {locked.Rows.TotalSeconds:0.0} s)")
                    : "";
                var runtime = string.Create(CultureInfo.InvariantCulture, $"; the runtime: compiling code {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.0} s, collecting garbage (pauses) {GC.GetTotalPauseDuration().TotalSeconds:0.0} s");
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Time: extraction {report.Extracting.TotalSeconds:0.0} s, holding the writers' lock {locked.Total.TotalSeconds:0.0} s{rate}{latency}{runtime}."));
            }

            return 0;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Chorus.Queue.QueueUnavailableException e)
        {
            console.Error.WriteLine($"chorus worker: {e.Message}");
            return 1;
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }
    }
}

/// <summary>The --queue and --queue-name options, the same for the publisher and the workers.</summary>
internal static class QueueOption
{
    public static OptionSpec Spec { get; } = new("--queue", "URL", "a RabbitMQ broker as amqp://USER:PASSWORD@HOST:PORT/VHOST");

    public static OptionSpec NameSpec { get; } = new("--queue-name", "NAME", "the queue of inputs on that broker", Chorus.Queue.InputQueue.DefaultName);

    public static Chorus.Queue.InputQueue? Queue(ParsedArguments arguments)
    {
        if (arguments.Value("--queue") is not { } url)
        {
            return arguments.Has("--queue-name") ? throw new UsageException("--queue-name needs --queue") : null;
        }

        if (!Chorus.Queue.InputQueue.IsUrl(url))
        {
            throw new UsageException($"--queue takes an amqp:// URL, not '{url}'");
        }

        var name = arguments.Value("--queue-name") ?? Chorus.Queue.InputQueue.DefaultName;
        if (name.Length is 0 or > 200 || name.Any(char.IsControl))
        {
            throw new UsageException($"--queue-name '{name}' is not a queue name");
        }

        return new Chorus.Queue.InputQueue(url, name);
    }
}

/// <summary><c>chorus stories</c>: lists the stories in the store.</summary>
internal sealed class StoriesCommand : Command
{
    public override string Name => "stories";

    public override string Summary => "List the stories in the store, largest first.";

    public override string Usage => "stories [--db FILE|URL] [--search WORDS] [--format table|jsonl]";

    public override string Details => """
        --search lists only the stories with an article whose title or text holds every word given (in
        any order, and in any form of the word: "quotas" finds "quota"), best match first. It uses the
        store's own full-text index: FTS5 in SQLite, a tsvector in PostgreSQL.

        Example:
          chorus stories --db news.db --search "cod quota"
        """;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        StoreOption.Spec,
        new("--search", "WORDS", "only stories whose articles hold all these words, best match first"),
        new("--format", "FORMAT", "output format: table or jsonl", "table", ["table", "jsonl"]),
        new("--help", null, "show this help"),
    ];

    public override int Run(ParsedArguments arguments, Console console)
    {
        if (arguments.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{arguments.Positionals[0]}'");
        }

        using var store = StoreOption.Open(arguments, mustExist: true);
        var stories = store.Stories();
        var search = arguments.Value("--search");
        if (search is not null)
        {
            // Each story once, at the place of its best-matching article.
            var order = store.Search(search, limit: 10_000).Select(hit => hit.Story).Distinct(StringComparer.Ordinal).Select((story, i) => (story, i)).ToDictionary(p => p.story, p => p.i, StringComparer.Ordinal);
            stories = stories.Where(s => order.ContainsKey(s.Id)).OrderBy(s => order[s.Id]).ToList();
        }

        if (arguments.Value("--format") == "jsonl")
        {
            foreach (var story in stories)
            {
                console.Out.WriteLine(Json.Serialize(StoryLine.Of(story)));
            }

            return 0;
        }

        console.Out.WriteLine($"{"STORY",-8} {"ARTICLES",8} {"OUTLETS",7}  {"FIRST SEEN",-16}  TITLE");
        foreach (var story in stories)
        {
            var first = story.First?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
            console.Out.WriteLine($"{story.Id,-8} {story.Articles,8} {story.Sites,7}  {first,-16}  {story.Title}");
        }

        if (stories.Count == 0)
        {
            console.Out.WriteLine(search is null ? "(no stories yet; run 'chorus ingest PATH...')" : $"(no story matches '{search}')");
        }

        return 0;
    }
}

/// <summary><c>chorus show</c>: the brief of one stored story.</summary>
internal sealed class ShowCommand : Command
{
    public override string Name => "show";

    public override string Summary => "Show the brief of one stored story.";

    public override string Usage => "show [--db FILE|URL] [--format md|json|html] [--words N] STORY";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        StoreOption.Spec,
        new("--format", "FORMAT", "output format: md, json or html", "md", ["md", "json", "html"]),
        new("--words", "N", "the summary's word cap", "120"),
        new("--help", null, "show this help"),
    ];

    public override int Run(ParsedArguments arguments, Console console)
    {
        if (arguments.Positionals.Count != 1)
        {
            throw new UsageException("give exactly one STORY id (see 'chorus stories')");
        }

        var words = IntOption(arguments, "--words", 120, 10, 5000);
        using var store = StoreOption.Open(arguments, mustExist: true);
        var id = arguments.Positionals[0];
        var brief = StoredBrief(store, id, words);
        if (brief is null)
        {
            console.Error.WriteLine($"chorus show: no story '{id}' in {store.Path}; run 'chorus stories' to list them");
            return 1;
        }

        console.Out.Write(BriefCommand.Render(brief, arguments.Value("--format")));
        return 0;
    }

    /// <summary>A stored story's brief: the one kept in the store when it is current, else built (and kept when of the default length).</summary>
    public static Brief? StoredBrief(IStore store, string storyId, int words) =>
        new StoryBriefs(new BriefPipeline(ClusteringOptions.Default, new BriefOptions(words))).Of(store, storyId, keep: words == new BriefOptions().MaxWords);
}

/// <summary>The --db option shared by the store commands.</summary>
internal static class StoreOption
{
    /// <summary>The --db option, the same for every command that reads or writes the store.</summary>
    public static OptionSpec Spec { get; } = new("--db", "FILE|URL", "the store: a SQLite file, or a PostgreSQL server as postgres://USER:PASSWORD@HOST:PORT/DATABASE", "./chorus.db");

    /// <summary>The store the --db option names: a file path or a postgres:// URL, with its password if it has one.</summary>
    public static string Target(ParsedArguments arguments) => arguments.Value("--db") ?? "chorus.db";

    public static IStore Open(ParsedArguments arguments, bool mustExist)
    {
        try
        {
            return Stores.Open(Target(arguments), mustExist);
        }
        catch (StoreException e)
        {
            throw new IOException(e.Message, e);
        }
    }
}
