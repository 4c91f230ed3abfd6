using Chorus.Extraction;
using Chorus.Ingest;
using Chorus.Tests.Support;

namespace Chorus.Tests.Extraction;

/// <summary>Team-written plain-text pages (Fixtures/*.txt) and the body each must give (*.expected.txt).</summary>
public class PlainTextFixtureTests
{
    public static TheoryData<string> Fixtures() =>
        [.. Directory.GetFiles(Path.Combine(Repository.Root, "tests", "Chorus.Tests", "Extraction", "Fixtures"), "*.txt")
            .Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ThePageGivesExactlyItsBody(string fixture)
    {
        var path = Path.Combine(Repository.Root, "tests", "Chorus.Tests", "Extraction", "Fixtures", fixture);
        var article = ArticleExtractor.Extract(new InputReader().Read([path]).Single()).Article!;
        var expected = File.ReadAllText(Path.ChangeExtension(path, ".expected.txt")).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        Assert.Equal(expected, article.Text);
    }
}
