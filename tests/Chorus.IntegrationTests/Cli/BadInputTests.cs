using System.IO.Compression;
using System.Text;
using Chorus.IntegrationTests.Support;

namespace Chorus.IntegrationTests.Cli;

/// <summary>Bad input gets a clear error naming the input and the reason, exit code 1, and no crash; good inputs beside it still come through.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chorus-bad-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static readonly string[] s_commands = ["extract", "cluster", "brief"];

    private void AssertFailsClearly(string path, string reason)
    {
        var good = Path.Combine(Repository.Samples, "bws-cod-truce.txt");
        foreach (var command in s_commands)
        {
            var result = CliRunner.Run(command, path, good);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(path, result.Error, StringComparison.Ordinal);
            Assert.Contains(reason, result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }

        Assert.Contains("bws-cod-truce", CliRunner.Run("extract", path, good).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingPathIsNamed() => AssertFailsClearly(Path.Combine(_directory, "nowhere.html"), "no such file or directory");

    [Fact]
    public void AnEmptyFileIsNamed() => AssertFailsClearly(Write("empty.txt", []), "empty file");

    [Fact]
    public void ABinaryFileIsNamed() => AssertFailsClearly(Write("photo.html", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1]), "binary content");

    [Fact]
    public void AFiftyMegabyteFileIsRefusedWithTheLimit()
    {
        var path = Path.Combine(_directory, "huge.txt");
        using (var stream = File.Create(path))
        {
            var line = Encoding.UTF8.GetBytes("The council met again and again to talk about the cod quota. ");
            while (stream.Length < 50L * 1024 * 1024)
            {
                stream.Write(line);
            }
        }

        AssertFailsClearly(path, "above the page limit");
    }

    [Fact]
    public void ATruncatedGzipIsNamed()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(File.ReadAllBytes(Path.Combine(Repository.Samples, "harbour-gazette-cod-truce.html")));
        }

        var bytes = buffer.ToArray();
        AssertFailsClearly(Write("cut.html.gz", bytes[..(bytes.Length * 2 / 3)]), "truncated");
    }

    [Fact]
    public void InvalidUtf8IsReadWithAWarningAndSucceeds()
    {
        var path = Write("latin1.txt", [.. Encoding.ASCII.GetBytes("Fishers in Saaremaa met on Monday. The caf"), 0xE9, .. Encoding.ASCII.GetBytes(" owner, Jaan Kask, said catches fell again this year.")]);
        var result = CliRunner.Run("extract", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("café owner", result.Out, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenJsonlLineIsNamedWithItsLineNumber()
    {
        var path = Write("feed.jsonl", Encoding.UTF8.GetBytes("{\"id\":\"a\",\"text\":\"Ferry crews walked out on Monday.\"}\n{broken\n"));
        var result = CliRunner.Run("cluster", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("feed.jsonl:2", result.Error, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"a\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void APageThatTakesLongerThanTheTimeLimitIsGivenUpWithTheReasonAndTheRestGoesOn()
    {
        var huge = new StringBuilder("<html><body>");
        for (var i = 0; i < 200_000; i++)
        {
            huge.Append("<div><span>cell ").Append(i).Append("</span></div>");
        }

        var path = Write("slow.html", Encoding.UTF8.GetBytes(huge.Append("</body></html>").ToString()));
        var good = Path.Combine(Repository.Samples, "bws-cod-truce.txt");
        var result = CliRunner.Run("extract", "--max-page-seconds", "0.001", path, good);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("slow.html: extraction took longer than the limit of 0.001 s per page", result.Error, StringComparison.Ordinal);
        Assert.Contains("bws-cod-truce", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNestingIsCutAtTheDepthLimitWithoutACrash()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season.</p>";
        var result = CliRunner.Run("extract", Write("deep.html", Encoding.UTF8.GetBytes("<html><body>" + deep + "</body></html>")));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cod quota", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AWebArchiveOnStandardInputIsReadRecordByRecord()
    {
        const string page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season.</p></body></html>";
        var record = $"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://harbour-gazette.example/cod\r\nContent-Length: {Encoding.UTF8.GetByteCount(page)}\r\n\r\n{page}\r\n\r\n";
        var request = "WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
        var result = CliRunner.Run(Encoding.UTF8.GetBytes(request + record), "extract", "-");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"url\":\"https://harbour-gazette.example/cod\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"-#", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 request record", result.Error, StringComparison.Ordinal);
    }
}
