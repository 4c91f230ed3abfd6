using System.IO.Compression;
using System.Text;
using Chorus.IntegrationTests.Support;
using Chorus.Testing;

namespace Chorus.IntegrationTests.Ingest;

/// <summary>Damage to a web archive is named on stderr with its offset, whether the records were whole or not.</summary>
public sealed class ArchiveDamageTests : IDisposable
{
    private const string Body = "<html><body><p>The lighthouse on Kessu Point reopened to visitors on Saturday after two years of repairs, the parish said.</p></body></html>";

    private readonly string _directory = Directory.CreateTempSubdirectory("chorus-warc-damage-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Record(string uri, string body)
    {
        var block = $"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}";
        return $"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {Encoding.UTF8.GetByteCount(block)}\r\n\r\n{block}\r\n\r\n";
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void GarbageAppendedToAGzippedWarcIsAWarningWithItsOffsetAndSize()
    {
        byte[] members = [.. Gzip(Record("https://parish.example/lighthouse", Body)), .. Gzip(Record("https://parish.example/pier", Body.Replace("lighthouse", "pier", StringComparison.Ordinal)))];
        var path = Write("crawl.warc.gz", [.. members, .. "not a gzip member at all"u8]);
        var result = CliRunner.Run("extract", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"chorus: warning: {path}: trailing data after the last record at offset {members.Length} of the file (24 bytes ignored)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AGzippedWarcCutInsideARecordIsRejectedAsTruncatedAtTheRecordsOffset()
    {
        var first = Record("https://parish.example/lighthouse", Body);
        var second = Gzip(Record("https://parish.example/pier", string.Concat(Enumerable.Repeat(Body, 20))));
        var path = Write("cut.warc.gz", [.. Gzip(first), .. second[..(second.Length / 2)]]);
        var result = CliRunner.Run("extract", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"chorus: {path}: truncated at offset {Encoding.UTF8.GetByteCount(first)}:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("no body found", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [BenchFact("ingest/warc")]
    public void TheDamageInTheBenchArchivesIsNamedAndTheWholeOnesPassWithoutWarnings()
    {
        var directory = Path.Combine(Repository.SharedBench!, "ingest", "warc");

        var trunc = CliRunner.Run("extract", Path.Combine(directory, "example-trunc.warc"));
        Assert.Equal(1, trunc.ExitCode);
        Assert.Contains("example-trunc.warc#1197: truncated", trunc.Error, StringComparison.Ordinal);

        foreach (var whole in new[] { "example.warc", "example.warc.gz", "example.arc.gz", "example-resource.warc.gz" })
        {
            var result = CliRunner.Run("extract", Path.Combine(directory, whole));
            Assert.Equal(0, result.ExitCode);
            Assert.DoesNotContain("warning", result.Error, StringComparison.Ordinal);
        }

        // The same archives with damage of our own making.
        var gzipped = File.ReadAllBytes(Path.Combine(directory, "example.warc.gz"));
        var extended = CliRunner.Run("extract", Write("example-extended.warc.gz", [.. gzipped, .. "\n<!-- appended -->\n"u8]));
        Assert.Contains($"trailing data after the last record at offset {gzipped.Length} of the file", extended.Error, StringComparison.Ordinal);
        var cut = CliRunner.Run("extract", Write("example-cut.warc.gz", gzipped[..(gzipped.Length * 2 / 5)]));
        Assert.Contains(": truncated at offset ", cut.Error, StringComparison.Ordinal);
    }
}
