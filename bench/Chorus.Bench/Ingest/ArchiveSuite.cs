using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Chorus.Ingest;
using Chorus.Pipeline;
using Chorus.Storage;

namespace Chorus.Bench.Ingest;

/// <summary>
/// Archive ingest at scale: a WARC of the requested size is generated from the extraction pages of
/// ../shared/bench/ingest (each copy of a page made distinct by copy numbers in its text, one gzip member per record),
/// then read twice: extraction alone, and extraction into a fresh store. Prints both rates, their ratio, and the
/// working set sampled along the ingest.
/// </summary>
public static class ArchiveSuite
{
    public static int Run(string[] args)
    {
        if (Extraction.BenchData.Path("ingest") is not { } root || !File.Exists(Path.Combine(root, "extraction-pages.warc.gz")))
        {
            Console.WriteLine("ingest: ../shared/bench/ingest/extraction-pages.warc.gz is absent; skipping.");
            return 0;
        }

        var gigabytes = Array.IndexOf(args, "--gb") is var at && at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : 2;
        var directory = Directory.CreateTempSubdirectory("chorus-archive-bench-").FullName;
        try
        {
            var warc = Path.Combine(directory, "generated.warc.gz");
            var (records, bytes) = Generate(Path.Combine(root, "extraction-pages.warc.gz"), warc, (long)(gigabytes * 1024 * 1024 * 1024));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated: {records} response records, {bytes / (1024.0 * 1024 * 1024):0.00} GB uncompressed, {new FileInfo(warc).Length / (1024.0 * 1024):0} MB gzipped"));

            var clock = Stopwatch.StartNew();
            var extracted = new ArticleSource(InputLimits.Default).Read([warc]).Count(r => r.Article is not null);
            var extractRate = extracted / clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extraction alone: {extracted} articles in {clock.Elapsed.TotalSeconds:0.0} s, {extractRate:0} pages/s"));

            using var store = SqliteStore.Open(Path.Combine(directory, "bench.db"));
            var ingestor = new Ingestor(store, InputLimits.Default, Chorus.Clustering.ClusteringOptions.Default, TimeProvider.System);
            var samples = new List<(int Inputs, double Megabytes)>();
            clock.Restart();
            var report = ingestor.Ingest([warc], p =>
            {
                if (samples.Count == 0 || p.Inputs - samples[^1].Inputs >= records / 10)
                {
                    samples.Add((p.Inputs, Environment.WorkingSet / (1024.0 * 1024)));
                }
            });
            var ingestRate = report.Counts.Stored / clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest into the store: {report.Counts.Stored} stored, {report.Counts.Duplicates} duplicates, {report.Counts.Skipped} skipped in {clock.Elapsed.TotalSeconds:0.0} s, {ingestRate:0} pages/s = {ingestRate / extractRate:P0} of extraction alone"));
            Console.WriteLine("working set along the ingest (inputs: MB): " + string.Join(", ", samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Inputs}: {s.Megabytes:0}"))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set of the whole run: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Writes response records (one gzip member each) cycling over the source's pages until the uncompressed size is reached.</summary>
    internal static (int Records, long Bytes) Generate(string source, string target, long size)
    {
        var pages = new ArchiveReader(InputLimits.Default).Read(source, () => File.OpenRead(source)).OfType<RawDocument>().Where(d => d.Kind == MediaKind.Html).ToList();
        using var output = new BufferedStream(File.Create(target), 1 << 20);
        long written = 0;
        var records = 0;
        for (var copy = 1; written < size; copy++)
        {
            foreach (var page in pages)
            {
                // Each copy's text differs (a copy number closes every paragraph and sentence) and it declares no
                // canonical URL of the original, so it is stored as an article of its own, not a duplicate.
                var html = copy == 1 ? page.Content : page.Content
                    .Replace("</p>", $" (copy {copy})</p>", StringComparison.OrdinalIgnoreCase)
                    .Replace(". ", $". Copy {copy}. ", StringComparison.Ordinal)
                    .Replace("canonical", "original", StringComparison.OrdinalIgnoreCase)
                    .Replace("og:url", "og:original", StringComparison.OrdinalIgnoreCase);
                var body = Encoding.UTF8.GetBytes(html);
                var http = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n");
                var uri = $"{page.Url}{(page.Url!.Contains('?', StringComparison.Ordinal) ? '&' : '?')}copy={copy}";
                var header = Encoding.ASCII.GetBytes($"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-11-20T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {http.Length + body.Length}\r\n\r\n");
                using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                {
                    gzip.Write(header);
                    gzip.Write(http);
                    gzip.Write(body);
                    gzip.Write("\r\n\r\n"u8);
                }

                written += header.Length + http.Length + body.Length + 4;
                records++;
                if (written >= size)
                {
                    break;
                }
            }
        }

        return (records, written);
    }
}
