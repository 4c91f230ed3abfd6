using System.Globalization;
using System.Text.Json;
using Chorus.Extraction;
using Chorus.IntegrationTests.Support;
using Chorus.Ingest;

namespace Chorus.IntegrationTests.Extraction;

/// <summary>Metadata of 20 real pages against values the team read off them by eye (Data/bench-page-metadata.json).</summary>
public class BenchPageMetadataTests
{
    [BenchFact("extraction")]
    public void TheMetadataOfTwentyRealPagesMatchesWhatTheirSourceSays()
    {
        var expectations = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "bench-page-metadata.json"))).RootElement.GetProperty("pages");
        var html = Path.Combine(Repository.SharedBench!, "extraction", "html");
        var failures = new List<string>();
        foreach (var page in expectations.EnumerateArray())
        {
            var id = page.GetProperty("id").GetString()!;
            var file = Directory.GetFiles(html, id + "*.html.gz").Single();
            var item = new InputReader().Read([file]).Single();
            var article = ArticleExtractor.Extract(item).Article;
            if (article is null)
            {
                failures.Add($"{id}: no article");
                continue;
            }

            void Check(string field, string? actual)
            {
                if (page.TryGetProperty(field, out var expected) && !string.Equals(expected.GetString(), actual, StringComparison.Ordinal))
                {
                    failures.Add($"{id}: {field} expected '{expected.GetString()}', got '{actual}'");
                }
            }

            Check("author", article.Author);
            Check("site", article.Site);
            Check("language", article.Language);
            Check("canonical", article.Url);
            if (page.TryGetProperty("title", out var title) && article.Title?.StartsWith(title.GetString()!, StringComparison.Ordinal) != true)
            {
                failures.Add($"{id}: title expected to start with '{title.GetString()}', got '{article.Title}'");
            }

            if (page.TryGetProperty("published", out var published))
            {
                var text = published.GetString()!;
                var keepsOffset = page.TryGetProperty("keepsOffset", out var keeps) && keeps.GetBoolean();
                var ok = text.Length == 10
                    ? article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == text
                    : article.Published is { } when && when == DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) && (!keepsOffset || when.Offset == DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).Offset);
                if (!ok)
                {
                    failures.Add($"{id}: published expected {text}, got {article.Published:O}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
