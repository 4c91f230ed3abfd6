using System.IO.Compression;
using System.Text;
using Chorus.Ingest;

namespace Chorus.Tests.Ingest;

public class ArchiveReaderTests
{
    private const string Page = "<html><head><title>Cod truce</title></head><body><p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent.</p></body></html>";

    private static string Record(string type, string block, string? uri = "https://harbour-gazette.example/cod-truce", string contentType = "application/http; msgtype=response", int? declaredLength = null) =>
        $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Date: 2026-03-11T19:25:00Z\r\n" + (uri is null ? "" : $"WARC-Target-URI: {uri}\r\n") +
        $"Content-Type: {contentType}\r\nContent-Length: {declaredLength ?? Encoding.UTF8.GetByteCount(block)}\r\n\r\n{block}\r\n\r\n";

    private static string Http(string body, int status = 200, string type = "text/html; charset=utf-8", string extra = "") =>
        $"HTTP/1.1 {status} X\r\nContent-Type: {type}\r\n{extra}\r\n{body}";

    private static List<InputItem> Read(byte[] archive, InputLimits? limits = null) =>
        new ArchiveReader(limits ?? InputLimits.Default).Read("crawl.warc", () => new MemoryStream(archive)).ToList();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    [Fact]
    public void AResponseBecomesAPageNamedByItsTargetUriAndOffsetAndTheOtherRecordsAreCountedAsSkipped()
    {
        var archive = Record("warcinfo", "software: test", uri: null, contentType: "application/warc-fields")
            + Record("request", "GET /cod-truce HTTP/1.1\r\n\r\n", contentType: "application/http; msgtype=request")
            + Record("response", Http(Page))
            + Record("response", Http("<p>gone</p>", status: 404), uri: "https://harbour-gazette.example/old")
            + Record("response", Http("PNG", type: "image/png"), uri: "https://harbour-gazette.example/logo.png")
            + Record("revisit", "", uri: "https://harbour-gazette.example/cod-truce");
        var items = Read(Bytes(archive));

        var page = Assert.Single(items.OfType<RawDocument>());
        Assert.Equal("https://harbour-gazette.example/cod-truce", page.Url);
        Assert.StartsWith("crawl.warc#", page.Source, StringComparison.Ordinal);
        Assert.Equal(archive.IndexOf("WARC/1.0\r\nWARC-Type: response", StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture), page.Source.Split('#')[1]);
        Assert.Contains("cut the cod quota", page.Content, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 19, 25, 0, TimeSpan.Zero), page.FetchedAt);
        Assert.Equal(
            ["warcinfo record", "request record", "HTTP 404 response", "not a page (image/png)", "revisit record"],
            items.OfType<SkippedInput>().Select(s => s.Reason));
    }

    [Fact]
    public void ChunkedAndGzippedBodiesAreDecoded()
    {
        var gzipped = Gzip(Bytes(Page));
        var chunked = new MemoryStream();
        chunked.Write(Bytes($"{gzipped.Length:x}\r\n"));
        chunked.Write(gzipped);
        chunked.Write(Bytes("\r\n0\r\n\r\n"));
        var headers = Bytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n");
        var block = headers.Concat(chunked.ToArray()).ToArray();
        var archive = Bytes($"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/x\r\nContent-Length: {block.Length}\r\n\r\n").Concat(block).Concat(Bytes("\r\n\r\n")).ToArray();

        var page = Assert.Single(Read(archive).OfType<RawDocument>());
        Assert.Contains("cut the cod quota", page.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenRecordIsRejectedWithItsOffsetAndTheNextRecordIsStillRead()
    {
        var first = Record("response", Http(Page));
        var archive = first + "this line is not a WARC header\r\nnor is this\r\n\r\n" + Record("response", Http(Page), uri: "https://b.example/second");
        var items = Read(Bytes(archive));

        var rejected = Assert.Single(items.OfType<RejectedInput>());
        Assert.Equal(first.Length, rejected.Offset);
        Assert.Contains("expected a WARC/ version line", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(["https://harbour-gazette.example/cod-truce", "https://b.example/second"], items.OfType<RawDocument>().Select(p => p.Url));
    }

    [Fact]
    public void ARecordLongerThanTheBytesLeftIsRejectedAsTruncatedAtItsOffset()
    {
        var first = Record("response", Http(Page));
        var archive = first + Record("response", Http(Page), uri: "https://b.example/second", declaredLength: Encoding.UTF8.GetByteCount(Http(Page)) + 500);
        var items = Read(Bytes(archive));

        Assert.Single(items.OfType<RawDocument>());
        var rejected = Assert.IsType<RejectedInput>(items[^1]);
        Assert.StartsWith($"truncated at offset {first.Length}:", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AGzippedArchiveCutInsideARecordIsRejectedAsTruncatedAtThatRecordsOffset()
    {
        var records = new[] { Record("response", Http(Page)), Record("response", Http(Page + Page + Page), uri: "https://b.example/second") };
        var members = records.Select(r => Gzip(Bytes(r))).ToList();
        var cut = members[0].Concat(members[1][..(members[1].Length / 2)]).ToArray();
        var items = Read(cut);

        Assert.Single(items.OfType<RawDocument>());
        var rejected = Assert.Single(items.OfType<RejectedInput>());
        Assert.StartsWith($"truncated at offset {records[0].Length}:", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(items.OfType<SkippedInput>(), s => s.Warning is not null);
    }

    [Fact]
    public void GarbageAfterTheLastGzipMemberIsAWarningWithItsOffsetAndLength()
    {
        var gzipped = new[] { Record("warcinfo", "software: test", uri: null), Record("response", Http(Page)) }.SelectMany(r => Gzip(Bytes(r))).ToArray();
        var garbage = Bytes("these bytes were appended by a broken copy");
        var items = Read([.. gzipped, .. garbage]);

        Assert.Single(items.OfType<RawDocument>());
        Assert.Empty(items.OfType<RejectedInput>());
        var warning = Assert.Single(items.OfType<SkippedInput>(), s => s.Warning is not null).Warning!;
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal($"trailing data after the last record at offset {gzipped.Length} of the file ({garbage.Length} bytes ignored)", warning.Message);
    }

    [Fact]
    public void GarbageAfterAnArchiveGzippedWholeIsAWarningToo()
    {
        var gzipped = Gzip(Bytes(Record("response", Http(Page))));
        var items = Read([.. gzipped, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Single(items.OfType<RawDocument>());
        Assert.Contains("(12 bytes ignored)", Assert.Single(items.OfType<SkippedInput>()).Warning!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGzipMemberCutAfterItsLastRecordIsNamedAsTruncated()
    {
        var gzipped = new[] { Record("response", Http(Page)), Record("response", Http(Page), uri: "https://b.example/second") }.Select(r => Gzip(Bytes(r))).ToList();
        var items = Read([.. gzipped[0], .. gzipped[1][..^3]]);
        Assert.Equal(2, items.OfType<RawDocument>().Count());
        var warning = Assert.Single(items.OfType<SkippedInput>()).Warning!;
        Assert.StartsWith($"truncated at offset {gzipped[0].Length} of the file", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWholeGzippedArchiveWithNothingAfterItEndsWithoutAWarning()
    {
        var records = new[] { Record("warcinfo", "software: test", uri: null), Record("response", Http(Page)) };
        Assert.DoesNotContain(Read(Gzip(Bytes(string.Concat(records)))), i => i is RejectedInput || i is SkippedInput { Warning: not null });
        Assert.DoesNotContain(Read(records.SelectMany(r => Gzip(Bytes(r))).ToArray()), i => i is RejectedInput || i is SkippedInput { Warning: not null });
    }

    [Fact]
    public void AGzipPerRecordArchiveReadsLikeAPlainOne()
    {
        var records = new[] { Record("warcinfo", "software: test", uri: null), Record("response", Http(Page)) };
        var archive = records.SelectMany(r => Gzip(Bytes(r))).ToArray();
        var items = Read(archive);
        Assert.Single(items.OfType<RawDocument>());
        Assert.Single(items.OfType<SkippedInput>());
    }

    [Fact]
    public void AnArcRecordKeepsAUrlWithSpaces()
    {
        var block = Http(Page);
        var arc = "filedesc://crawl.arc 127.0.0.1 20260311192500 text/plain 20\n1 0 Team test crawl\n\n"
            + $"http://harbour-gazette.example/a page.html 127.0.0.1 20260311192500 text/html {Encoding.UTF8.GetByteCount(block)}\n{block}\n";
        var items = new ArchiveReader(InputLimits.Default).Read("crawl.arc", () => new MemoryStream(Bytes(arc))).ToList();
        var page = Assert.Single(items.OfType<RawDocument>());
        Assert.Equal("http://harbour-gazette.example/a page.html", page.Url);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 19, 25, 0, TimeSpan.Zero), page.FetchedAt);
    }

    [Fact]
    public void AGzipBombInsideAResponseIsRejectedAndTheRestGoesOn()
    {
        var bomb = Gzip(new byte[50 * 1024 * 1024]);
        var block = Bytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n").Concat(bomb).ToArray();
        var archive = Bytes($"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/bomb\r\nContent-Length: {block.Length}\r\n\r\n").Concat(block).Concat(Bytes("\r\n\r\n"))
            .Concat(Bytes(Record("response", Http(Page)))).ToArray();
        var items = Read(archive);
        Assert.Contains(items.OfType<RejectedInput>(), r => r.Reason.Contains("bomb", StringComparison.Ordinal) || r.Reason.Contains("page limit", StringComparison.Ordinal));
        Assert.Single(items.OfType<RawDocument>());
    }

    [Fact]
    public void AFileThatIsNoArchiveIsRejectedWithTheReason()
    {
        var rejected = Assert.Single(Read(Bytes("<html>not an archive</html>")));
        Assert.Contains("not a WARC or ARC file", Assert.IsType<RejectedInput>(rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARecordAboveThePageLimitIsRejectedWithTheLimitAndTheNextIsRead()
    {
        var big = Record("response", Http("<p>" + new string('x', 5000) + "</p>"), uri: "https://a.example/big");
        var items = Read(Bytes(big + Record("response", Http(Page))), InputLimits.Default with { MaxPageBytes = 2048 });
        Assert.Contains("above the page limit", Assert.Single(items.OfType<RejectedInput>()).Reason, StringComparison.Ordinal);
        Assert.Single(items.OfType<RawDocument>());
    }

    [Fact]
    public void ArchiveBytesAreRecognisedWhateverTheNameGzippedOrNot()
    {
        var archive = Bytes(Record("response", Http(Page)));
        Assert.True(ArchiveReader.LooksLikeArchive(archive));
        Assert.True(ArchiveReader.LooksLikeArchive(Gzip(archive)));
        Assert.False(ArchiveReader.LooksLikeArchive(Bytes(Page)));
    }
}
