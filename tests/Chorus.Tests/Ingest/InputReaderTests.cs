using System.IO.Compression;
using System.Text;
using Chorus.Ingest;

namespace Chorus.Tests.Ingest;

public sealed class InputReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chorus-input-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static List<InputItem> Read(params string[] paths) => new InputReader().Read(paths).ToList();

    [Theory]
    [InlineData("a1b2.html.gz", "a1b2")]
    [InlineData("story.v2.txt", "story.v2")]
    [InlineData("/x/y/page.htm", "page")]
    public void AFilesIdIsItsNameWithoutExtensions(string path, string id) => Assert.Equal(id, InputReader.IdFromPath(path));

    [Fact]
    public void AGzippedPageIsDecompressedAndKeepsItsId()
    {
        var path = Write("p1.html.gz", Gzip(Encoding.UTF8.GetBytes("<html><body><p>Hello there, world of news.</p></body></html>")));
        var page = Assert.IsType<RawDocument>(Assert.Single(Read(path)));
        Assert.Equal("p1", page.Id);
        Assert.Equal(MediaKind.Html, page.Kind);
    }

    [Fact]
    public void ATruncatedGzipIsRejectedWithItsReason()
    {
        var whole = Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Ferry crews walked out on Monday. ", 400))));
        var path = Write("cut.txt.gz", whole[..(whole.Length / 2)]);
        var rejected = Assert.IsType<RejectedInput>(Assert.Single(Read(path)));
        Assert.Contains("truncated", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(path, rejected.Source);
    }

    [Fact]
    public void AGzipBombIsRejected()
    {
        var path = Write("bomb.txt.gz", Gzip(new byte[40 * 1024 * 1024]));
        var rejected = Assert.IsType<RejectedInput>(Assert.Single(Read(path)));
        Assert.Matches("ratio|limit", rejected.Reason);
    }

    [Fact]
    public void EmptyBinaryAndMissingInputsAreRejectedByName()
    {
        var empty = Write("empty.txt", []);
        var binary = Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 1, 2, 3]);
        var items = Read(empty, binary, Path.Combine(_directory, "missing.txt")).Cast<RejectedInput>().ToList();
        Assert.Equal(["empty file", "binary content, not text, HTML or JSONL", "no such file or directory"], items.Select(i => i.Reason));
    }

    [Fact]
    public void InvalidUtf8IsDecodedAsWindows1252WithAWarning()
    {
        var path = Write("latin.txt", [.. Encoding.ASCII.GetBytes("Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" owners met on Monday to talk.")]);
        var page = Assert.IsType<RawDocument>(Assert.Single(Read(path)));
        Assert.StartsWith("Café", page.Content, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", Assert.Single(page.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMarksChooseTheEncodingAndAreNotKept()
    {
        var utf8 = Write("bom8.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Café owners met on Monday.")]);
        var utf16 = Write("bom16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Café owners met on Monday.")]);
        foreach (var path in new[] { utf8, utf16 })
        {
            var page = Assert.IsType<RawDocument>(Assert.Single(Read(path)));
            Assert.Equal("Café owners met on Monday.", page.Content);
            Assert.Empty(page.Diagnostics);
        }
    }

    [Fact]
    public void Utf16WithoutAByteOrderMarkIsRecognizedNotRejectedAsBinary()
    {
        var little = Write("le.txt", Encoding.Unicode.GetBytes("Harbour crews met on Monday to talk about pay."));
        var big = Write("be.txt", Encoding.BigEndianUnicode.GetBytes("Harbour crews met on Monday to talk about pay."));
        foreach (var path in new[] { little, big })
        {
            Assert.Equal("Harbour crews met on Monday to talk about pay.", Assert.IsType<RawDocument>(Assert.Single(Read(path))).Content);
        }
    }

    [Fact]
    public void ADeclaredCharsetIsUsedWhenTheBytesAreNotUtf8()
    {
        var path = Write("latin2.html", [.. Encoding.ASCII.GetBytes("<meta charset=\"iso-8859-2\"><p>Gda"), 0xF1, .. Encoding.ASCII.GetBytes("sk port workers met.</p>")]);
        var page = Assert.IsType<RawDocument>(Assert.Single(Read(path)));
        Assert.Contains("Gdańsk", page.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileAboveThePageLimitIsRejectedWithoutReadingIt()
    {
        var path = Write("big.txt", new byte[2048]);
        var rejected = Assert.IsType<RejectedInput>(Assert.Single(new InputReader(new InputLimits { MaxPageBytes = 1024 }).Read([path])));
        Assert.Contains("above the page limit", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectoriesAreReadRecursivelyInPathOrderSkippingHiddenFilesAndNamingUnknownOnes()
    {
        Write("b/two.txt", Encoding.UTF8.GetBytes("Second article text here."));
        Write("a/one.html", Encoding.UTF8.GetBytes("<p>First article text here.</p>"));
        Write("a/.hidden.txt", Encoding.UTF8.GetBytes("hidden"));
        Write("a/notes.pdf", Encoding.UTF8.GetBytes("not an article"));
        var items = Read(_directory).ToList();
        Assert.Equal(["one", "two"], items.OfType<RawDocument>().Select(d => d.Id));
        var skipped = Assert.IsType<SkippedInput>(Assert.Single(items, i => i is not RawDocument));
        Assert.Equal((Path.Combine(_directory, "a", "notes.pdf"), "file of unknown kind"), (skipped.Source, skipped.Reason));
    }

    [Fact]
    public void EachJsonlLineIsAnArticleAndABadLineIsRejectedAlone()
    {
        var path = Write("feed.jsonl", Encoding.UTF8.GetBytes("""
            {"id":"x1","title":"One","text":"First body.","published":"2026-03-11T10:00:00Z","site":"Wire"}
            {"id":"x2","title":"Two"}
            not json

            {"id":"x3","text":"Third body."}
            """));
        var items = Read(path);
        Assert.Equal(4, items.Count);
        var first = Assert.IsType<ArticleRecord>(items[0]);
        Assert.Equal(("x1", "Wire"), (first.Id, first.Site));
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero), first.Published);
        Assert.Equal("Two", Assert.IsType<ArticleRecord>(items[1]).Title);
        Assert.EndsWith(":3", Assert.IsType<RejectedInput>(items[2]).Source, StringComparison.Ordinal);
        Assert.IsType<ArticleRecord>(items[3]);
    }

    [Fact]
    public void StandardInputIsSniffedForItsKind()
    {
        var reader = new InputReader(InputLimits.Default, () => new MemoryStream(Encoding.UTF8.GetBytes("<html><body><p>From a pipe.</p></body></html>")));
        var page = Assert.IsType<RawDocument>(Assert.Single(reader.Read(["-"])));
        Assert.Equal(("stdin", MediaKind.Html), (page.Id, page.Kind));
    }

    [Fact]
    public void RecordsFromStandardInputAreNumberedAfterIt()
    {
        var lines = "{\"title\":\"One\",\"text\":\"First.\"}\n{\"title\":\"Two\",\"text\":\"Second.\"}\n";
        var reader = new InputReader(InputLimits.Default, () => new MemoryStream(Encoding.UTF8.GetBytes(lines)));
        var ids = reader.Read(["-"]).Select(i => Assert.IsType<ArticleRecord>(i).Id).ToList();
        Assert.Equal(["stdin-1", "stdin-2"], ids);
    }

    [Fact]
    public void ANamedStreamTakesItsIdAndKindFromTheName()
    {
        var reader = new InputReader(InputLimits.Default, () => new MemoryStream(Encoding.UTF8.GetBytes("<p>Not sniffed as HTML: the name says text.</p>")), "notes.txt");
        var page = Assert.IsType<RawDocument>(Assert.Single(reader.Read(["-"])));
        Assert.Equal(("notes", MediaKind.Text), (page.Id, page.Kind));
    }

    [Fact]
    public void AnEmptyStandardInputIsCalledThatAndNotAnEmptyFile()
    {
        var reader = new InputReader(InputLimits.Default, () => new MemoryStream());
        var rejected = Assert.IsType<RejectedInput>(Assert.Single(reader.Read(["-"])));
        Assert.Equal("-", rejected.Source);
        Assert.Equal("standard input is empty", rejected.Reason);
    }

    [Fact]
    public void ANamedStreamIsNamedInItsRejections()
    {
        var reader = new InputReader(InputLimits.Default, () => new MemoryStream(), "upload.html");
        Assert.Equal("upload.html", Assert.IsType<RejectedInput>(Assert.Single(reader.Read(["-"]))).Source);
    }

    [Fact]
    public void ABrokenJsonlLineIsDescribedInOurOwnWordsWithItsLineAndCharacter()
    {
        var path = Write("export.jsonl", Encoding.UTF8.GetBytes("{\"title\":\"a\",\"text\":\"Ferry crews walked out.\"}\n\n{\"title\":\"b\",\"text\":\"Crews met the operator\" x}\n"));
        var rejected = Assert.IsType<RejectedInput>(Read(path)[1]);
        Assert.Equal($"{path}:3", rejected.Source);
        Assert.StartsWith("not valid JSON at line 3, character 46: ", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePosition", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenJsonDocumentIsDescribedWithItsLineAndCharacter()
    {
        var path = Write("articles.json", Encoding.UTF8.GetBytes("[\n  {\"title\": \"Pier closed\"},\n  {\"title\": \"Küla pier\" \"text\": \"x\"}\n]"));
        var rejected = Assert.IsType<RejectedInput>(Assert.Single(Read(path)));
        Assert.StartsWith("not valid JSON at line 3, character 25: ", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", rejected.Reason, StringComparison.Ordinal);
    }
}
