using System.Text.Json;
using Chorus.IntegrationTests.Support;
using Chorus.Testing;

namespace Chorus.IntegrationTests.Ingest;

/// <summary>Real archives from ../shared/bench/ingest: other tools' test files, damaged ones included, and the extraction pages as a WARC.</summary>
public class ArchiveIngestTests
{
    [BenchFact("ingest/warc")]
    public void EveryTestArchiveGoesThroughExtractWithoutACrashAndTheDamagedOnesGiveUpTheirValidRecords()
    {
        var directory = Path.Combine(Repository.SharedBench!, "ingest", "warc");
        var salvaged = 0;
        foreach (var file in Directory.GetFiles(directory).Where(f => !f.EndsWith("LICENSE", StringComparison.Ordinal)))
        {
            var result = CliRunner.Run("extract", file);
            Assert.True(result.ExitCode is 0 or 1, $"{file}: exit {result.ExitCode}");
            Assert.DoesNotContain("Unhandled", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("extraction failed", result.Error, StringComparison.Ordinal);
            var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines)
            {
                using var article = JsonDocument.Parse(line);
                Assert.StartsWith(file + "#", article.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);
                Assert.Contains("://", article.RootElement.GetProperty("url").GetString(), StringComparison.Ordinal); // the record's target URI
            }

            if (Path.GetFileName(file).Contains("bad", StringComparison.Ordinal) || Path.GetFileName(file).Contains("wrong", StringComparison.Ordinal))
            {
                salvaged += lines.Length;
            }
        }

        Assert.True(salvaged >= 3, $"only {salvaged} pages salvaged from the damaged archives");
    }

    [BenchFact("ingest")]
    public void TheExtractionPagesComeOutOfTheirWarcWithTheirTargetUris()
    {
        var bench = Repository.SharedBench!;
        var warc = Path.Combine(bench, "ingest", "extraction-pages.warc.gz");
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench, "extraction", "ground-truth.json")));
        var urls = truth.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("url").GetString()).ToHashSet(StringComparer.Ordinal);

        var result = CliRunner.Run("extract", warc);
        var articles = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("url").GetString()).ToList();
        Assert.Equal(181, articles.Count);
        Assert.All(articles, url => Assert.Contains(url, urls));
        Assert.Contains("181 request record", result.Error, StringComparison.Ordinal);
    }

    [BenchFact("ingest")]
    public void IngestingTheWarcTwiceStoresNothingTheSecondTimeAndReports181Duplicates()
    {
        var warc = Path.Combine(Repository.SharedBench!, "ingest", "extraction-pages.warc.gz");
        var directory = Directory.CreateTempSubdirectory("chorus-warc-twice-").FullName;
        try
        {
            var database = Path.Combine(directory, "chorus.db");
            var first = CliRunner.Run("ingest", "--db", database, warc);
            Assert.Contains("375 inputs: 181 stored, 0 duplicates, 0 rejected, 194 skipped", first.Out, StringComparison.Ordinal);
            var second = CliRunner.Run("ingest", "--db", database, warc);
            Assert.Contains("375 inputs: 0 stored, 181 duplicates, 0 rejected, 194 skipped", second.Out, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
