using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Chorus.Storage;

namespace Chorus.Bench.ScaleOut;

/// <summary>
/// Chorus on PostgreSQL and RabbitMQ with worker processes, against the embedded SQLite run of the same inputs.
/// <para>
/// <c>--smoke</c>: starts the servers (scripts/servers.sh), publishes the demo corpus and the clustering bench's
/// articles, runs two workers, kills one with SIGKILL midway, and checks that the ledger adds up and the stories equal
/// the embedded run's. It ends with one line: <c>scale-out smoke: N stored, N duplicates, N rejected, N stories, OK</c>.
/// </para>
/// <para>
/// Without it: throughput with 1 and 2 workers on a generated WARC (<c>--gb N</c>, as <c>./bench.sh ingest</c> makes
/// it), the time inside the store's write transactions (where story assignment runs, one writer at a time), the
/// latency from publish to commit, and the CPU each process used.
/// </para>
/// </summary>
internal static partial class ScaleOutSuite
{
    private static readonly string Root = Extraction.BenchData.RepositoryRoot();
    private static readonly Lazy<string> s_cli = new(DeployedCli);

    /// <summary>Whether workers run without tiered compilation, as <c>./chorus worker</c> runs them (<c>--tiered-jit</c> turns it back on).</summary>
    private static bool s_workersUntiered = true;

    /// <summary>The CLI the processes run.</summary>
    private static string Cli => s_cli.Value;

    /// <summary>
    /// The CLI as users run it and as workers are deployed: built by <c>./chorus</c> (published ReadyToRun), so the
    /// workers' figures do not include compiling code a deployment would not compile. Falls back to the bench's own
    /// copy (compiled as it runs) when that build fails.
    /// </summary>
    private static string DeployedCli()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, "chorus"), "--version"]) { UseShellExecute = false, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0)
        {
            return Path.Combine(Root, ".build", "cli", "Chorus.Cli.dll");
        }

        Console.WriteLine("scale-out: ./chorus could not build the CLI (see above); the processes run the bench's own copy, compiled as it runs");
        return Path.Combine(AppContext.BaseDirectory, "Chorus.Cli.dll");
    }

    public static int Run(string[] args)
    {
        if (Array.IndexOf(args, "--assigner") is var a && a >= 0)
        {
            return Assigner(a + 1 < args.Length ? int.Parse(args[a + 1], CultureInfo.InvariantCulture) : 100_000);
        }

        s_workersUntiered = !args.Contains("--tiered-jit");
        if (!Servers("start", "postgres") || !Servers("start", "rabbitmq"))
        {
            Console.WriteLine("scale-out: the servers did not start (scripts/servers.sh start); see above");
            return 1;
        }

        var amqp = ServerUrl("rabbitmq");
        var pgServer = ServerUrl("postgres");
        return args.Contains("--smoke") ? Smoke(amqp, pgServer) : Full(args, amqp, pgServer);
    }

    private static int Smoke(string amqp, string pgServer)
    {
        var clock = Stopwatch.StartNew();
        var inputs = new List<string> { Path.Combine(Root, "samples", "coverage") };
        if (Extraction.BenchData.Path("clustering") is { } clustering && File.Exists(Path.Combine(clustering, "articles.jsonl")))
        {
            inputs.Add(Path.Combine(clustering, "articles.jsonl"));
        }
        else
        {
            Console.WriteLine("scale-out smoke: ../shared/bench/clustering/articles.jsonl is absent; the demo corpus alone goes through");
        }

        var directory = Directory.CreateTempSubdirectory("chorus-scale-out-").FullName;
        var store = Database(pgServer, "smoke");
        var queue = $"chorus.smoke.{Guid.NewGuid():N}";
        var problems = new List<string>();
        try
        {
            var published = Publish(amqp, queue, inputs);
            Console.WriteLine($"published {published} inputs to {queue}");

            // Two workers; one is killed once a third of the inputs are in the ledger.
            var workers = new[] { Worker.Start(amqp, queue, store, batch: 20), Worker.Start(amqp, queue, store, batch: 20) };
            WaitFor(() => LedgerRows(store) >= published / 3, workers[0]);
            workers[0].Kill();
            var atKill = LedgerRows(store);
            Console.WriteLine($"killed worker 1 (SIGKILL) with {atKill} of {published} inputs in the ledger");
            var survivor = workers[1].End();
            Console.WriteLine($"worker 2: {survivor.LastLine}");
            if (survivor.ExitCode != 0)
            {
                problems.Add($"worker 2 exited with {survivor.ExitCode}: {survivor.Error}");
            }

            if (atKill >= published)
            {
                problems.Add("the kill came after the last input was stored; it tested nothing");
            }

            var embedded = Path.Combine(directory, "embedded.db");
            var (embeddedExit, _, embeddedError) = RunCli(["ingest", "--db", embedded, "--quiet", .. inputs]);
            if (embeddedExit != 0)
            {
                problems.Add($"the embedded run failed: {embeddedError}");
            }

            using var shared = Stores.Open(store, mustExist: true);
            var counts = shared.Counts();
            var rows = LedgerRows(store);
            var keys = Scalar(store, "SELECT COUNT(DISTINCT input_key) FROM ledger");
            var articles = Scalar(store, "SELECT COUNT(*) FROM articles");
            if (rows != published || keys != published || counts.Total != published)
            {
                problems.Add($"the ledger does not add up: {published} published, {rows} rows, {keys} keys, {counts.Total} counted");
            }

            if (articles != counts.Stored)
            {
                problems.Add($"{articles} articles stored but {counts.Stored} ledgered as stored");
            }

            var partition = Stores.StoriesByContent(store);
            var expected = Stores.StoriesByContent(embedded);
            if (!partition.SequenceEqual(expected))
            {
                problems.Add($"the stories differ from the embedded run's: {partition.Count} against {expected.Count}, {partition.Except(expected).Count()} not found there");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"took {clock.Elapsed.TotalSeconds:0} s"));
            foreach (var problem in problems)
            {
                Console.WriteLine($"problem: {problem}");
            }

            Console.WriteLine($"scale-out smoke: {counts.Stored} stored, {counts.Duplicates} duplicates, {counts.Rejected} rejected, {partition.Count} stories, {(problems.Count == 0 ? "OK" : "FAILED")}");
            return problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            DropDatabase(pgServer, store);
            DeleteQueue(amqp, queue);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int Full(string[] args, string amqp, string pgServer)
    {
        if (Extraction.BenchData.Path("ingest") is not { } root || !File.Exists(Path.Combine(root, "extraction-pages.warc.gz")))
        {
            Console.WriteLine("scale-out: ../shared/bench/ingest/extraction-pages.warc.gz is absent; skipping.");
            return 0;
        }

        var gigabytes = Array.IndexOf(args, "--gb") is var at && at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : 2;
        var workerCounts = Array.IndexOf(args, "--workers") is var w && w >= 0 && w + 1 < args.Length
            ? args[w + 1].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray()
            : [1, 2];
        var threads = Array.IndexOf(args, "--threads") is var t && t >= 0 && t + 1 < args.Length ? int.Parse(args[t + 1], CultureInfo.InvariantCulture) : 0;
        var directory = Directory.CreateTempSubdirectory("chorus-scale-out-").FullName;
        try
        {
            var warc = Path.Combine(directory, "generated.warc.gz");
            var (records, bytes) = Ingest.ArchiveSuite.Generate(Path.Combine(root, "extraction-pages.warc.gz"), warc, (long)(gigabytes * 1024 * 1024 * 1024));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated: {records} response records, {bytes / (1024.0 * 1024 * 1024):0.00} GB uncompressed"));
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; workers extract on {(threads > 0 ? $"{threads} thread{(threads == 1 ? "" : "s")} each" : "one thread a core each")}; CLI: {Path.GetRelativePath(Root, Cli)}{(s_workersUntiered ? ", workers with DOTNET_TieredCompilation=0" : ", workers with tiered compilation")}");

            var single = 0.0;
            foreach (var count in workerCounts)
            {
                var store = Database(pgServer, $"w{count}");
                var queue = $"chorus.bench.{Guid.NewGuid():N}";
                try
                {
                    var servers = ServerCpu();
                    var publishClock = Stopwatch.StartNew();
                    var (published, publisherCpu) = PublishMeasured(amqp, queue, [warc]);
                    var publishTime = publishClock.Elapsed;

                    var clock = Stopwatch.StartNew();
                    var workers = Enumerable.Range(0, count).Select(_ => Worker.Start(amqp, queue, store, batch: 100, threads)).ToList();
                    WaitFor(() => LedgerRows(store) >= published, workers, TimeSpan.FromHours(1));
                    var processing = clock.Elapsed;
                    var cpuAtDone = workers.Select(x => x.CpuNow()).ToList(); // the rest is the end-of-run revision and exit
                    var serversAtDone = ServerCpu();
                    var ends = workers.Select(x => x.End()).ToList();
                    var serversAfter = ServerCpu();
                    var rate = published / processing.TotalSeconds;
                    single = count == workerCounts[0] ? rate : single;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{count} worker{(count == 1 ? "" : "s")}: {published} inputs in {processing.TotalSeconds:0.0} s = {rate:0} inputs/s{(count != workerCounts[0] && single > 0 ? $" ({rate / single:0.00} x {workerCounts[0]} worker)" : "")}; publishing took {publishTime.TotalSeconds:0.0} s ({published / publishTime.TotalSeconds:0}/s)"));
                    foreach (var (end, i) in ends.Select((e, i) => (e, i)))
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  worker {i + 1}: CPU {cpuAtDone[i].TotalSeconds:0.0} s until the last input was stored, {end.Cpu.TotalSeconds:0.0} s in all; {end.Timing}"));
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  CPU: publisher {publisherCpu.TotalSeconds:0.0} s, PostgreSQL {(serversAfter.Postgres - servers.Postgres).TotalSeconds:0.0} s, RabbitMQ {(serversAfter.Rabbit - servers.Rabbit).TotalSeconds:0.0} s (over publishing and processing; until the last input was stored: PostgreSQL {(serversAtDone.Postgres - servers.Postgres).TotalSeconds:0.0} s, RabbitMQ {(serversAtDone.Rabbit - servers.Rabbit).TotalSeconds:0.0} s)"));
                }
                finally
                {
                    DropDatabase(pgServer, store);
                    DeleteQueue(amqp, queue);
                }
            }

            Latency(amqp, pgServer, root, directory, rate: Math.Max(5, Math.Round(single / 2)));
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// Publish-to-commit latency at a steady load: a smaller archive published at half of one worker's rate while one
    /// worker takes it, so the figure is the pipeline's own delay and not a backlog's.
    /// </summary>
    private static void Latency(string amqp, string pgServer, string root, string directory, double rate)
    {
        var warc = Path.Combine(directory, "latency.warc.gz");
        var (records, _) = Ingest.ArchiveSuite.Generate(Path.Combine(root, "extraction-pages.warc.gz"), warc, 100L * 1024 * 1024);
        var store = Database(pgServer, "latency");
        var queue = $"chorus.bench.{Guid.NewGuid():N}";
        try
        {
            using var publisher = StartCli(["ingest", "--queue", amqp, "--queue-name", queue, "--quiet", "--rate", rate.ToString(CultureInfo.InvariantCulture), warc]);
            Thread.Sleep(1000);
            var worker = Worker.Start(amqp, queue, store, batch: 100);
            publisher.WaitForExit();
            var end = worker.End();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency: {records} inputs published at {rate:0}/s to 1 worker: {end.Timing}"));
        }
        finally
        {
            DropDatabase(pgServer, store);
            DeleteQueue(amqp, queue);
        }
    }

    /// <summary>
    /// The story assigner alone, as a worker's write transaction runs it: a generated stream of real texts (the clustering
    /// bench's, mutated as <c>clustering --scale</c> does) reduced to clustering items first, then assigned in batches
    /// of 100 to a store that grows to <paramref name="size"/> articles. Only the assignment is timed.
    /// </summary>
    private static int Assigner(int size)
    {
        if (Extraction.BenchData.Path("clustering") is not { } root)
        {
            Console.WriteLine("scale-out --assigner: ../shared/bench/clustering is absent; skipping.");
            return 0;
        }

        var path = Path.Combine(Path.GetTempPath(), $"chorus-assigner-{size}.jsonl");
        try
        {
            Clustering.ClusteringSuite.WriteScaleCorpus(root, size, path);
            var options = Chorus.Clustering.ClusteringOptions.Default;
            var vocabulary = new Chorus.Similarity.Vocabulary();
            var prepare = Stopwatch.StartNew();
            var items = new Chorus.Ingest.InputReader().Read([path])
                .AsParallel().AsOrdered()
                .Select(item => Chorus.Extraction.ArticleExtractor.Extract(item).Article)
                .Where(article => article is not null)
                .Select(article => (article!.Published, Features: Chorus.Clustering.ClusterFeatures.Of(article, options)))
                .AsSequential()
                .Select(x => Chorus.Clustering.ClusterFeatures.Item(x.Features, x.Published, vocabulary))
                .ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{items.Count} articles reduced to clustering items in {prepare.Elapsed.TotalSeconds:0} s (not timed below)"));

            var assigner = new Chorus.Clustering.StoryClusterer.Assigner(options);
            var timed = TimeSpan.Zero;
            var window = TimeSpan.Zero;
            var windowStart = 0;
            var memory = GC.GetTotalMemory(forceFullCollection: true);
            for (var start = 0; start < items.Count; start += 100)
            {
                var batch = items.GetRange(start, Math.Min(100, items.Count - start));
                var clock = Stopwatch.StartNew();
                assigner.Assign(batch);
                timed += clock.Elapsed;
                window += clock.Elapsed;
                var done = start + batch.Count;
                if (done - windowStart >= items.Count / 4 || done == items.Count)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  articles {windowStart + 1}-{done}: {(done - windowStart) / window.TotalSeconds:0} articles/s"));
                    (window, windowStart) = (TimeSpan.Zero, done);
                }
            }

            var held = GC.GetTotalMemory(forceFullCollection: true) - memory;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"assigner: {items.Count} articles in batches of 100 in {timed.TotalSeconds:0.0} s = {items.Count / timed.TotalSeconds:0} articles/s; {assigner.Stories} stories; it holds {held / (1024.0 * 1024):0} MB"));
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A worker process (--until-empty), its stderr read as it goes so the pipe never fills.</summary>
    private sealed class Worker
    {
        private readonly Process _process;
        private readonly StringBuilder _error = new();
        private readonly StringBuilder _output = new();
        private TimeSpan _cpu;

        private Worker(Process process)
        {
            _process = process;
            process.ErrorDataReceived += (_, e) => { lock (_error) { _error.AppendLine(e.Data); } };
            process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
        }

        public bool HasExited => _process.HasExited;

        public static Worker Start(string amqp, string queue, string store, int batch, int threads = 0) =>
            new(StartCli(["worker", "--queue", amqp, "--queue-name", queue, "--db", store, "--batch", batch.ToString(CultureInfo.InvariantCulture), "--until-empty",
                .. threads > 0 ? new[] { "--threads", threads.ToString(CultureInfo.InvariantCulture) } : []], worker: true));

        /// <summary>The CPU the worker has used so far.</summary>
        public TimeSpan CpuNow()
        {
            Sample();
            return _cpu;
        }

        /// <summary>Samples the CPU the worker has used; the last sample before it ends is its total.</summary>
        public void Sample()
        {
            try
            {
                _process.Refresh();
                _cpu = _process.TotalProcessorTime;
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // it has ended (or is ending, and /proc no longer tells); the last sample stands
            }
        }

        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit();
        }

        public (int ExitCode, string LastLine, string Timing, string Error, TimeSpan Cpu) End()
        {
            Sample();
            while (!_process.WaitForExit(100))
            {
                Sample();
            }

            _process.WaitForExit();
            var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var code = _process.ExitCode;
            _process.Dispose();
            return (code, lines.FirstOrDefault() ?? "", lines.Skip(1).FirstOrDefault() ?? "", _error.ToString(), _cpu);
        }
    }

    private static void WaitFor(Func<bool> condition, Worker worker, TimeSpan? patience = null) => WaitFor(condition, [worker], patience);

    private static void WaitFor(Func<bool> condition, IReadOnlyList<Worker> workers, TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (patience ?? TimeSpan.FromMinutes(5)))
            {
                throw new TimeoutException("the workers made no progress");
            }

            foreach (var worker in workers)
            {
                worker.Sample();
            }

            Thread.Sleep(250);
        }
    }

    private static int Publish(string amqp, string queue, IEnumerable<string> inputs) => PublishMeasured(amqp, queue, inputs).Published;

    private static (int Published, TimeSpan Cpu) PublishMeasured(string amqp, string queue, IEnumerable<string> inputs)
    {
        using var process = StartCli(["ingest", "--queue", amqp, "--queue-name", queue, .. inputs]);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var cpu = TimeSpan.Zero;
        while (!process.WaitForExit(100))
        {
            try
            {
                process.Refresh();
                cpu = process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
            }
        }

        var match = PublishedLine().Match(output.Result);
        return match.Success ? (int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), cpu)
            : throw new InvalidOperationException($"the publisher failed: {error.Result}");
    }

    private static Process StartCli(IEnumerable<string> args, bool worker = false)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (worker && s_workersUntiered)
        {
            // As ./chorus runs a worker (docs/scale-out.md): the ReadyToRun code, and no recompiling in the background,
            // which starves on busy cores and leaves code at its slowest tier (measured: 1.16 x with it, 1.76 x without).
            start.Environment["DOTNET_TieredCompilation"] = "0";
        }

        start.ArgumentList.Add(Cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static (int ExitCode, string Output, string Error) RunCli(IEnumerable<string> args)
    {
        using var process = StartCli(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    private static bool Servers(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Root, "scripts", "servers.sh")) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static string ServerUrl(string server)
    {
        var start = new ProcessStartInfo(Path.Combine(Root, "scripts", "servers.sh")) { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add("url");
        start.ArgumentList.Add(server);
        using var process = Process.Start(start)!;
        var url = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return url;
    }

    /// <summary>The URL of a fresh database on the server (the store creates it).</summary>
    private static string Database(string server, string name) =>
        new UriBuilder(server) { Path = $"/chorus_bench_{name}_{DateTime.UtcNow:yyyyMMddHHmmss}" }.Uri.ToString();

    private static void DropDatabase(string server, string store)
    {
        var name = new Uri(store).AbsolutePath.Trim('/');
        using var connection = new Npgsql.NpgsqlConnection(PostgresStore.Settings(new UriBuilder(server) { Path = "/postgres" }.Uri.ToString(), TimeSpan.FromMinutes(1)).ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    private static void DeleteQueue(string amqp, string name)
    {
        var queue = new Chorus.Queue.InputQueue(amqp, name);
        Task.Run(async () =>
        {
            await using var connection = await queue.ConnectAsync("chorus bench");
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(queue.Name, false, false);
            await channel.QueueDeleteAsync(queue.DeadName, false, false);
        }).GetAwaiter().GetResult();
    }

    private static long LedgerRows(string store)
    {
        try
        {
            return Scalar(store, "SELECT COUNT(*) FROM ledger");
        }
        catch (Npgsql.NpgsqlException)
        {
            return 0; // not made yet
        }
    }

    private static long Scalar(string store, string sql)
    {
        // Pooled: the bench polls the ledger while the workers run, and a new server process per poll would cost the
        // machine's two cores more than the poll itself.
        var settings = PostgresStore.Settings(store, TimeSpan.FromMinutes(1));
        settings.Pooling = true;
        using var connection = new Npgsql.NpgsqlConnection(settings.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The stories as sets of article contents (content hashes), whatever their ids.</summary>
    /// <summary>CPU used so far by every PostgreSQL and RabbitMQ (beam) process on the machine and their ended children, from /proc.</summary>
    private static (TimeSpan Postgres, TimeSpan Rabbit) ServerCpu()
    {
        var (postgres, rabbit) = (0L, 0L);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // Its own time and that of its ended children: a PostgreSQL backend ends with its connection.
                var ticks = fields.Skip(11).Take(4).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
                if (name == "postgres")
                {
                    postgres += ticks;
                }
                else if (name.StartsWith("beam", StringComparison.Ordinal) || name is "erl_child_setup" or "epmd")
                {
                    rabbit += ticks;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // a process that ended while being read
            }
        }

        return (TimeSpan.FromSeconds(postgres / 100.0), TimeSpan.FromSeconds(rabbit / 100.0));
    }

    [GeneratedRegex(@"^([\d,]+) inputs? published", RegexOptions.Multiline)]
    private static partial Regex PublishedLine();
}
