using Chorus.Cli;
using Chorus.IntegrationTests.Support;
using Chorus.Pipeline;
using Chorus.Storage;
using Chorus.Testing;

namespace Chorus.IntegrationTests.Cli;

public sealed class IngestProgressTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chorus-progress-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void WhenStderrIsAFileProgressIsAPlainLineWithTheExpectedTotal()
    {
        var result = CliRunner.Run("ingest", "--db", Path.Combine(_directory, "a.db"), Repository.Samples);
        Assert.Contains("chorus ingest: 12 of 12 inputs (", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void QuietMeansNoProgressAtAll()
    {
        var result = CliRunner.Run("ingest", "--quiet", "--db", Path.Combine(_directory, "b.db"), Repository.Samples);
        Assert.Equal("", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void OnATerminalALiveBarShowsTheCountAndRate()
    {
        var error = new StringWriter();
        var console = new Chorus.Cli.Console(new StringWriter(), error, () => Stream.Null, ErrorIsTerminal: true);
        using var store = SqliteStore.Open(Path.Combine(_directory, "c.db"));
        var report = new IngestProgressDisplay(console, quiet: false).Run(
            progress => new Ingestor(store, Chorus.Ingest.InputLimits.Default, Chorus.Clustering.ClusteringOptions.Default, TimeProvider.System).Ingest([Repository.Samples], progress),
            expected: 12);
        Assert.Equal(12, report.Counts.Stored);
        Assert.Contains("12 inputs", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("stored", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheExpectedTotalCountsPagesAndJsonlLinesAndIsUnknownForArchives()
    {
        var jsonl = Path.Combine(_directory, "x.jsonl");
        File.WriteAllText(jsonl, "{\"title\":\"a\"}\n\n{\"title\":\"b\"}\n");
        Assert.Equal(14, IngestProgressDisplay.Expected([Repository.Samples, jsonl]));
        var archive = Path.Combine(_directory, "crawl.warc.gz");
        File.WriteAllBytes(archive, [0x1f, 0x8b]);
        Assert.Null(IngestProgressDisplay.Expected([archive]));
    }
}
