using System.Globalization;
using System.Text.Json;
using Chorus.Ingest;

namespace Chorus.Bench.Ingest;

/// <summary>One feed item's agreement with the reference reading beside its feed (the .json a public feed parser wrote).</summary>
public sealed record FeedItemCheck(string Feed, int Item, bool Compared, bool Agrees, string Detail);

/// <summary>
/// ../shared/bench/ingest/feeds/{rss,atom}: every feed read by Chorus's feed reader, each item compared with the
/// reference reading on the fields the reference has: title (as text), link and date (as an instant).
/// </summary>
public static class FeedSuite
{
    public static int Run(string[] args)
    {
        if (Extraction.BenchData.Path("ingest") is not { } root || !Directory.Exists(Path.Combine(root, "feeds")))
        {
            Console.WriteLine("feeds: ../shared/bench/ingest/feeds is absent; skipping.");
            return 0;
        }

        var checks = Check(Path.Combine(root, "feeds"));
        var compared = checks.Where(c => c.Compared).ToList();
        if (args.Contains("--show"))
        {
            foreach (var miss in compared.Where(c => !c.Agrees))
            {
                Console.WriteLine($"{miss.Feed} item {miss.Item}: {miss.Detail}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"feeds: {Directory.GetFiles(Path.Combine(root, "feeds"), "*.xml", SearchOption.AllDirectories).Length}; reference items with a title, link or date: {compared.Count}; agreeing: {compared.Count(c => c.Agrees)} ({compared.Count(c => c.Agrees) / (double)Math.Max(1, compared.Count):P1})"));
        return 0;
    }

    public static List<FeedItemCheck> Check(string feeds)
    {
        var checks = new List<FeedItemCheck>();
        foreach (var xml in Directory.GetFiles(feeds, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var reference = Path.ChangeExtension(xml, ".json");
            if (!File.Exists(reference))
            {
                continue;
            }

            using var json = JsonDocument.Parse(File.ReadAllText(reference));
            var expected = (json.RootElement.TryGetProperty("items", out var items) ? items : json.RootElement.TryGetProperty("entries", out var entries) ? entries : default);
            if (expected.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var text = File.ReadAllText(xml);
            var read = FeedReader.Parse(text, out _) ?? [];
            var index = 0;
            foreach (var want in expected.EnumerateArray())
            {
                var got = index < read.Count ? read[index] : null;
                checks.Add(Compare(Path.GetFileName(xml), index + 1, want, got));
                index++;
            }
        }

        return checks;
    }

    private static FeedItemCheck Compare(string feed, int item, JsonElement want, FeedItem? got)
    {
        var compared = false;
        var problems = new List<string>();
        if (want.TryGetProperty("title", out var title) && title.GetString() is { } wantTitle)
        {
            compared = true;
            if (Normal(wantTitle) != Normal(got?.Title))
            {
                problems.Add($"title '{got?.Title}' vs '{wantTitle}'");
            }
        }

        var wantLink = want.TryGetProperty("link", out var link) ? link.GetString()
            : want.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array
                ? links.EnumerateArray().Where(l => !l.TryGetProperty("rel", out var rel) || rel.GetString() == "alternate").Select(l => l.TryGetProperty("href", out var href) ? href.GetString() : null).FirstOrDefault(h => h is not null)
                : null;
        if (wantLink is not null)
        {
            compared = true;
            if (wantLink.Trim() != got?.Link)
            {
                problems.Add($"link '{got?.Link}' vs '{wantLink}'");
            }
        }

        var wantDate = new[] { "publishedParsed", "pubDateParsed", "updatedParsed" }.Select(n => want.TryGetProperty(n, out var d) ? d.GetString() : null).FirstOrDefault(d => d is not null);
        if (wantDate is not null && DateTimeOffset.TryParse(wantDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            compared = true;
            if (got?.Published != when)
            {
                problems.Add($"date {got?.Published:O} vs {when:O}");
            }
        }

        return new FeedItemCheck(feed, item, compared, problems.Count == 0, string.Join("; ", problems));
    }

    /// <summary>A title as a reader sees it: markup removed, entities decoded, spaces collapsed.</summary>
    private static string Normal(string? title)
    {
        if (title is null)
        {
            return "";
        }

        var text = System.Net.WebUtility.HtmlDecode(title);
        text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
