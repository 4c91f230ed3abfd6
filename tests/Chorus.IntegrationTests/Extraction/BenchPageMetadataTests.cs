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
        var files = Directory.GetFiles(Path.Combine(Repository.SharedBench!, "extraction", "html"), "*.html.gz").Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        foreach (var page in expectations.EnumerateArray())
        {
            var id = $"page {page.GetProperty("page").GetInt32()}";
            var file = files[page.GetProperty("page").GetInt32()];
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
            Check("canonicalHash", article.Url is null ? null : Hash(article.Url));
            Check("titleHash", article.Title is null ? null : Hash(string.Join(' ', article.Title.Split(' ').Take(3))));

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

    /// <summary>The first 16 hex digits of SHA-256: how the test data names the benchmark's text without holding it.</summary>
    internal static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
}
